/**
 * Grouped bars.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Row, VEGA_LITE_SCHEMA } from "./schema.ts";

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
    $schema: VEGA_LITE_SCHEMA,
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
