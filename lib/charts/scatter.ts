/**
 * A scatter plot, optionally with the identity line.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Row, VEGA_LITE_SCHEMA } from "./schema.ts";

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
      $schema: VEGA_LITE_SCHEMA,
      width: 360,
      height: 260,
      data: { values: o.data },
      ...points,
    };
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
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
