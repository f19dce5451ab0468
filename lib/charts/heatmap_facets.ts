/**
 * Faceted heatmaps (e.g. which axes a normalization pools).
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Row, VEGA_LITE_SCHEMA } from "./schema.ts";

/** Options of {@link heatmapFacets}. */
export interface HeatmapOptions {
  data: Row[];
  x: string;
  y: string;
  /** Field that colours the cells (nominal). */
  color: string;
  /** One panel per value of this field. */
  facet: string;
  xTitle?: string;
  yTitle?: string;
  columns?: number;
  /** Colour per category, in order. */
  domain?: string[];
  range?: string[];
  /** The order of the panels (default: the order of the data). */
  order?: string[];
}

/** Small heatmaps, one per facet value, with nominal cell colours. */
export function heatmapFacets(o: HeatmapOptions): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    data: { values: o.data },
    facet: { field: o.facet, type: "nominal", title: null, sort: o.order ?? null },
    columns: o.columns ?? 4,
    spec: {
      width: 130,
      height: 130,
      mark: { type: "rect", stroke: "#fff", strokeWidth: 0.5 },
      encoding: {
        x: { field: o.x, type: "ordinal", title: o.xTitle ?? o.x },
        y: { field: o.y, type: "ordinal", title: o.yTitle ?? o.y },
        color: {
          field: o.color,
          type: "nominal",
          title: o.color,
          ...(o.domain ? { scale: { domain: o.domain, ...(o.range ? { range: o.range } : {}) } } : {}),
        },
      },
    },
  } as TopLevelSpec;
}
