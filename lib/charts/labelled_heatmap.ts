/**
 * A heatmap with its values written in the cells.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Row, VEGA_LITE_SCHEMA } from "./schema.ts";

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
    $schema: VEGA_LITE_SCHEMA,
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
