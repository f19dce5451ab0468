/**
 * Small builders of typed Vega-Lite specs shared by the experiments. They return plain spec
 * objects (never strings); the report renders them to SVG.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";

/** A row of chart data. */
export type Row = Record<string, number | string | boolean | null>;

/** Options of {@link lineChart}. */
export interface LineOptions {
  data: Row[];
  x: string;
  y: string;
  /** Field that colours (and separates) the lines. */
  color?: string;
  /** Field that dashes lines (e.g. "source": measured vs expected). */
  dash?: string;
  xTitle?: string;
  yTitle?: string;
  logX?: boolean;
  logY?: boolean;
  points?: boolean;
  width?: number;
  height?: number;
}

/** A line chart (one line per `color` value, dashed by `dash`). */
export function lineChart(o: LineOptions): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: o.width ?? 420,
    height: o.height ?? 240,
    data: { values: o.data },
    mark: { type: "line", point: o.points ?? false, strokeWidth: 1.8 },
    encoding: {
      x: {
        field: o.x,
        type: "quantitative",
        title: o.xTitle ?? o.x,
        scale: o.logX ? { type: "log" } : { zero: false },
      },
      y: { field: o.y, type: "quantitative", title: o.yTitle ?? o.y, scale: o.logY ? { type: "log" } : {} },
      ...(o.color ? { color: { field: o.color, type: "nominal", title: o.color } } : {}),
      ...(o.dash ? { strokeDash: { field: o.dash, type: "nominal", title: o.dash } } : {}),
    },
  };
}

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
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
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

/** Options of {@link scatterChart}. */
export interface ScatterOptions {
  data: Row[];
  x: string;
  y: string;
  color?: string;
  xTitle?: string;
  yTitle?: string;
  logX?: boolean;
  logY?: boolean;
  /** Draws the line y = x (for measured-vs-predicted plots). */
  diagonal?: boolean;
}

/** A scatter plot, optionally with the identity line. */
export function scatterChart(o: ScatterOptions): TopLevelSpec {
  const scale = (log?: boolean) => (log ? { type: "log" as const } : { zero: false });
  const points = {
    mark: { type: "point" as const, filled: true, size: 60 },
    encoding: {
      x: { field: o.x, type: "quantitative" as const, title: o.xTitle ?? o.x, scale: scale(o.logX) },
      y: { field: o.y, type: "quantitative" as const, title: o.yTitle ?? o.y, scale: scale(o.logY) },
      ...(o.color ? { color: { field: o.color, type: "nominal" as const } } : {}),
    },
  };
  if (!o.diagonal) {
    return {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: 360,
      height: 260,
      data: { values: o.data },
      ...points,
    };
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: 360,
    height: 260,
    data: { values: o.data },
    layer: [
      points,
      {
        mark: { type: "line", color: "#999", strokeDash: [4, 4] },
        encoding: {
          x: { field: o.x, type: "quantitative", scale: scale(o.logX) },
          y: { field: o.x, type: "quantitative", scale: scale(o.logY) },
        },
      },
    ],
  };
}
