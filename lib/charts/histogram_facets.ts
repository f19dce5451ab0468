/**
 * Small-multiple histograms from pre-binned data.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Row, VEGA_LITE_SCHEMA } from "./schema.ts";

/** Options of {@link histogramFacets}. */
export interface HistogramFacetOptions {
  /** Rows with `lo`, `hi` (bin edges), `fraction`, and the facet field. */
  data: Row[];
  facet: string;
  xTitle?: string;
  columns?: number;
}

/** Small-multiple histograms from pre-binned data, one panel per value of `facet` (as on the slides). */
export function histogramFacets(o: HistogramFacetOptions): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    data: { values: o.data },
    facet: { field: o.facet, type: "ordinal", title: null },
    columns: o.columns ?? 6,
    spec: {
      width: 110,
      height: 80,
      mark: { type: "rect", color: "#4c78a8" },
      encoding: {
        x: { field: "lo", type: "quantitative", title: o.xTitle ?? "value" },
        x2: { field: "hi" },
        y: { field: "fraction", type: "quantitative", title: "fraction" },
      },
    },
    resolve: { scale: { y: "independent" } },
  };
}
