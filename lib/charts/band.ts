/**
 * A line with a shaded band and a reference line.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Row, VEGA_LITE_SCHEMA } from "./schema.ts";

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
    $schema: VEGA_LITE_SCHEMA,
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
