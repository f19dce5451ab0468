/**
 * Loss curves that mark NaN/Inf epochs explicitly (babysitting).
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Row, VEGA_LITE_SCHEMA } from "../../lib/charts/mod.ts";

/** A loss value for chart data: finite numbers as they are, NaN/±Inf as null plus a flag text. */
export function chartValue(x: number): { value: number | null; flag: string } {
  if (Number.isFinite(x)) return { value: x, flag: "" };
  return { value: null, flag: Number.isNaN(x) ? "NaN" : x > 0 ? "+Inf" : "-Inf" };
}

/**
 * Loss curves, one per `series` value, on a log axis; rows whose `flag` is set (NaN, +Inf) are
 * drawn as labelled crosses along the top edge instead of being dropped.
 */
export function flaggedLossChart(
  o: { data: Row[]; x: string; y: string; series: string; yTitle?: string },
): TopLevelSpec {
  const finite = o.data.filter((r) => r[o.y] !== null);
  const top = Math.max(...finite.map((r) => Number(r[o.y])), 1);
  const flagged = o.data.filter((r) => r.flag).map((r) => ({ ...r, [o.y]: top }));
  const color = { field: o.series, type: "nominal" as const, title: o.series };
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: 420,
    height: 240,
    layer: [
      {
        data: { values: finite },
        mark: { type: "line", point: true, strokeWidth: 1.8 },
        encoding: {
          x: { field: o.x, type: "quantitative", title: o.x },
          y: { field: o.y, type: "quantitative", title: o.yTitle ?? o.y, scale: { type: "log" } },
          color,
        },
      },
      {
        data: { values: flagged },
        mark: { type: "text", fontWeight: "bold", dy: -6 },
        encoding: {
          x: { field: o.x, type: "quantitative" },
          y: { field: o.y, type: "quantitative", scale: { type: "log" } },
          text: { field: "flag" },
          color,
        },
      },
    ],
  };
}
