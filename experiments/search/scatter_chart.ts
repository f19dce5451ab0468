/**
 * The search scatter over log-lr × log-reg.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Row, VEGA_LITE_SCHEMA } from "../../lib/charts/mod.ts";

/**
 * The search scatter: validation accuracy (colour) over log10 lr × log10 reg, shape by stage;
 * trials whose loss went NaN/Inf are drawn as crosses and named in the legend.
 */
export function searchScatter(o: { data: Row[]; stage: string; title?: string }): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
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
