/**
 * Chart builders of the optimization family: optimizer trajectories over a loss surface.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Row, VEGA_LITE_SCHEMA } from "../../lib/charts/mod.ts";

/** Options of {@link trajectoryChart}. */
export interface TrajectoryOptions {
  /** Grid cells of the surface: x, x2, y, y2 and `level` (e.g. log10 of the loss). */
  surface: Row[];
  /** Points of the paths: x, y, step and the `method` that made them. */
  paths: Row[];
  levelTitle?: string;
  width?: number;
  height?: number;
}

/**
 * Paths of several optimizers drawn over a heatmap of the loss surface (the slide's comparison
 * of SGD, momentum, RMSProp and Adam). Paths are ordered by step.
 */
export function trajectoryChart(o: TrajectoryOptions): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: o.width ?? 420,
    height: o.height ?? 320,
    layer: [
      {
        data: { values: o.surface },
        mark: { type: "rect", opacity: 0.85 },
        encoding: {
          x: { field: "x", type: "quantitative", title: "θ₁", scale: { zero: false, nice: false } },
          x2: { field: "x2" },
          y: { field: "y", type: "quantitative", title: "θ₂", scale: { zero: false, nice: false } },
          y2: { field: "y2" },
          color: {
            field: "level",
            type: "quantitative",
            title: o.levelTitle ?? "log10 loss",
            scale: { scheme: "greys", reverse: true },
          },
        },
      },
      {
        data: { values: o.paths },
        mark: { type: "line", point: { size: 14 }, strokeWidth: 1.8 },
        encoding: {
          x: { field: "x", type: "quantitative" },
          y: { field: "y", type: "quantitative" },
          order: { field: "step", type: "quantitative" },
          color: { field: "method", type: "nominal", title: "optimizer", scale: { scheme: "category10" } },
        },
      },
    ],
    resolve: { scale: { color: "independent" } },
  };
}

/** A grid of `cells`×`cells` rects over [x0, x1]×[y0, y1] with level = f(x, y) at the centre. */
export function surfaceGrid(
  f: (x: number, y: number) => number,
  [x0, x1]: [number, number],
  [y0, y1]: [number, number],
  cells: number,
): Row[] {
  const rows: Row[] = [], dx = (x1 - x0) / cells, dy = (y1 - y0) / cells;
  for (let i = 0; i < cells; i++) {
    for (let j = 0; j < cells; j++) {
      const x = x0 + i * dx, y = y0 + j * dy;
      rows.push({ x, x2: x + dx, y, y2: y + dy, level: f(x + dx / 2, y + dy / 2) });
    }
  }
  return rows;
}
