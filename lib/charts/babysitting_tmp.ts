/**
 * Chart builders for the babysitting and search experiments: loss curves that mark NaN/Inf
 * epochs explicitly, and the search scatter over log-lr × log-reg.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type { Row } from "./mod.ts";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

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
    $schema: SCHEMA,
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

/**
 * The search scatter: validation accuracy (colour) over log10 lr × log10 reg, shape by stage;
 * trials whose loss went NaN/Inf are drawn as crosses and named in the legend.
 */
export function searchScatter(o: { data: Row[]; stage: string; title?: string }): TopLevelSpec {
  return {
    $schema: SCHEMA,
    width: 380,
    height: 280,
    data: { values: o.data },
    mark: { type: "point", filled: true, size: 70 },
    encoding: {
      x: { field: "log10 lr", type: "quantitative", scale: { zero: false } },
      y: { field: "log10 reg", type: "quantitative", scale: { zero: false } },
      color: { field: "val acc", type: "quantitative", scale: { scheme: "viridis" }, title: "val acc" },
      shape: { field: o.stage, type: "nominal", title: o.stage },
      tooltip: [{ field: "val acc", type: "quantitative" }, { field: "status", type: "nominal" }],
    },
  };
}
