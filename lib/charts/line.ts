/**
 * A line chart with colour and dash encodings.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Row, VEGA_LITE_SCHEMA } from "./schema.ts";

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
    $schema: VEGA_LITE_SCHEMA,
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
