/**
 * Vega-Lite builders for the regularization and layers families: a line with a confidence band,
 * faceted heatmaps (which axes a normalization pools), and grouped bars.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type { Row } from "./mod.ts";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Options of {@link bandChart}. */
export interface BandOptions {
  /** Rows with `x`, `y`, `lo`, `hi` fields. */
  data: Row[];
  x: string;
  y: string;
  lo: string;
  hi: string;
  /** A horizontal reference line (the exact value) and its label. */
  reference?: { value: number; label: string };
  xTitle?: string;
  yTitle?: string;
  logX?: boolean;
}

/** A line with a shaded band (e.g. a Monte-Carlo estimate with its 95% interval) and a reference line. */
export function bandChart(o: BandOptions): TopLevelSpec {
  const x = {
    field: o.x,
    type: "quantitative" as const,
    title: o.xTitle ?? o.x,
    scale: o.logX ? { type: "log" as const } : { zero: false },
  };
  return {
    $schema: SCHEMA,
    width: 420,
    height: 240,
    layer: [
      {
        data: { values: o.data },
        mark: { type: "area", opacity: 0.25, color: "#4c78a8" },
        encoding: { x, y: { field: o.lo, type: "quantitative", title: o.yTitle ?? o.y }, y2: { field: o.hi } },
      },
      {
        data: { values: o.data },
        mark: { type: "line", color: "#4c78a8", point: true },
        encoding: { x, y: { field: o.y, type: "quantitative" } },
      },
      ...(o.reference
        ? [{
          data: { values: [{ ref: o.reference.value, label: o.reference.label }] },
          mark: { type: "rule" as const, color: "#e45756", strokeDash: [5, 4] },
          encoding: {
            y: { field: "ref", type: "quantitative" as const },
            tooltip: { field: "label", type: "nominal" as const },
          },
        }]
        : []),
    ],
  } as TopLevelSpec;
}

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
    $schema: SCHEMA,
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

/** Options of {@link labelledHeatmap}. */
export interface LabelledHeatmapOptions {
  data: Row[];
  x: string;
  y: string;
  /** Nominal field that colours the cells. */
  color: string;
  /** Field written in each cell. */
  text: string;
  xTitle?: string;
  yTitle?: string;
  /** Order of the x and y categories. */
  xOrder?: string[];
  yOrder?: string[];
  domain?: string[];
  range?: string[];
}

/** One heatmap with a label in every cell (e.g. a matrix of outcomes with the measured number). */
export function labelledHeatmap(o: LabelledHeatmapOptions): TopLevelSpec {
  const x = { field: o.x, type: "ordinal" as const, title: o.xTitle ?? o.x, sort: o.xOrder ?? null };
  const y = { field: o.y, type: "ordinal" as const, title: o.yTitle ?? o.y, sort: o.yOrder ?? null };
  return {
    $schema: SCHEMA,
    width: 360,
    height: 200,
    data: { values: o.data },
    layer: [
      {
        mark: { type: "rect", stroke: "#fff" },
        encoding: {
          x,
          y,
          color: {
            field: o.color,
            type: "nominal",
            title: o.color,
            ...(o.domain ? { scale: { domain: o.domain, ...(o.range ? { range: o.range } : {}) } } : {}),
          },
        },
      },
      { mark: { type: "text", fontSize: 10 }, encoding: { x, y, text: { field: o.text, type: "nominal" } } },
    ],
  } as TopLevelSpec;
}

/** Options of {@link groupedBars}. */
export interface GroupedBarOptions {
  data: Row[];
  /** Categories along x. */
  x: string;
  y: string;
  /** Bars side by side within a category. */
  group: string;
  xTitle?: string;
  yTitle?: string;
}

/** Grouped bars (e.g. train/val loss per seed, with and without dropout). */
export function groupedBars(o: GroupedBarOptions): TopLevelSpec {
  return {
    $schema: SCHEMA,
    width: 420,
    height: 220,
    data: { values: o.data },
    mark: { type: "bar" },
    encoding: {
      x: { field: o.x, type: "nominal", title: o.xTitle ?? o.x },
      xOffset: { field: o.group, type: "nominal" },
      y: { field: o.y, type: "quantitative", title: o.yTitle ?? o.y },
      color: { field: o.group, type: "nominal", title: o.group },
    },
  } as TopLevelSpec;
}
