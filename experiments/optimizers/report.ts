/**
 * The charts of the `optimizers` experiment.
 * @module
 */
import type { Chart, SeedRun } from "../../lib/experiment.ts";
import { lineChart, type Row } from "../../lib/charts/mod.ts";
import { surfaceGrid, trajectoryChart } from "./trajectory_chart.ts";
import { quadratic } from "./problems.ts";
import type { P } from "./params.ts";
import type { OptimizerData } from "./types.ts";

/** Cells per side of the loss-surface heatmaps: 24² keeps the page under its 2 MB budget (40² made it 1.8 MB). */
const SURFACE_CELLS = 24;

const positive = (x: number | null) => (x !== null && x > 0 && Number.isFinite(x) ? x : null);

/** Every chart of the experiment, from the first seed unless stated. */
export function optimizerCharts(runs: readonly SeedRun<OptimizerData>[], p: P): Chart[] {
  const d = runs[0].data, seed = runs[0].seed;
  const q = quadratic({ shallow: p.shallow, kappa: p.kappa, angleDeg: p.angle });
  const path = d.jitter.path;
  const xs = path.map((v) => v[0]), ys = path.map((v) => v[1]);
  const box = (v: number[]): [number, number] => {
    const lo = Math.min(...v, 0), hi = Math.max(...v, 0), pad = 0.1 * (hi - lo || 1);
    return [lo - pad, hi + pad];
  };
  const fig = quadratic({ shallow: 1, kappa: p.figKappa, angleDeg: p.figAngle });
  const figPts = d.figure.flatMap((t) => t.path);
  const charts: Chart[] = [
    {
      title: "B4 — SGD on the ill-conditioned quadratic",
      caption:
        `Seed ${seed}; κ = ${fmt(d.jitter.measuredKappa)} from the Hessian; α = ${p.sgdLr}/L, ${p.jitterSteps} ` +
        "steps. The path zig-zags across the steep axis and crawls along the shallow one (axes not to scale).",
      spec: trajectoryChart({
        surface: surfaceGrid(
          (x, y) => Math.log10(q.loss(Float32Array.of(x, y)) + 1e-12),
          box(xs),
          box(ys),
          SURFACE_CELLS,
        ),
        paths: path.map(([x, y], i) => ({ x, y, step: i, method: "SGD" })),
      }),
    },
    {
      title: "B4 — steps to the target against the condition number",
      caption: `SGD with α = ${p.sgdLr}/L; measured and from the eigenvalues, seed ${seed}.`,
      spec: lineChart({
        data: d.jitter.sweep.flatMap((s) => [
          { kappa: s.measuredKappa, steps: s.steps, source: "measured" },
          { kappa: s.measuredKappa, steps: s.theorySteps, source: "theory" },
        ]),
        x: "kappa",
        y: "steps",
        color: "source",
        logX: true,
        logY: true,
        points: true,
        xTitle: "condition number κ",
        yTitle: "steps to the target",
      }),
    },
    {
      title: "B7/B8 — loss on the quadratic, each at its best grid learning rate",
      caption: `Seed ${seed}; Nesterov is run at momentum's best α for comparison; log scale.`,
      spec: lineChart({
        data: d.curves.flatMap((c) => c.points.map(([step, loss]) => ({ step, loss: positive(loss), method: c.name }))),
        x: "step",
        y: "loss",
        color: "method",
        logY: true,
        yTitle: "loss",
      }),
    },
    {
      title: "B8 — overshoot past the minimum, same α and ρ",
      caption: `Seed ${seed}; every grid α where both reach the target.`,
      spec: lineChart({
        data: d.mom.perRho.flatMap((r) =>
          r.pairs.flatMap((x) => [
            { lr: x.lrL, overshoot: x.momentumOvershoot, method: `momentum ρ=${r.rho}` },
            { lr: x.lrL, overshoot: x.nesterovOvershoot, method: `Nesterov ρ=${r.rho}` },
          ])
        ),
        x: "lr",
        y: "overshoot",
        color: "method",
        logX: true,
        points: true,
        xTitle: "α · L",
        yTitle: "overshoot (fraction of start)",
      }),
    },
    {
      title: "B6 — leaving the saddle: |y| against steps",
      caption: `Seed ${seed}; each optimizer at its best grid α; the stable manifold is y = 0.`,
      spec: lineChart({
        data: [
          ...d.saddle.gdYs.map(([step, y]) => ({ step, y: positive(Math.abs(y)), method: "GD" })),
          ...d.saddle.perRho.flatMap((r) =>
            r.ys.map(([step, y]) => ({ step, y: positive(Math.abs(y)), method: `momentum ρ=${r.rho}` }))
          ),
        ],
        x: "step",
        y: "y",
        color: "method",
        logY: true,
        yTitle: "|y| (distance from the stable manifold)",
      }),
    },
    {
      title: "B9 — step size per axis: AdaGrad against RMSProp",
      caption: `Seed ${seed}; α/(√G + ε) per coordinate (the axes), α = ${p.adaLr}; log scale.`,
      spec: lineChart({
        data: (["adagrad", "rmsprop"] as const).flatMap((k) =>
          d.adaptive[k].curve.flatMap((c) => [
            { step: c.step, size: positive(c.stepShallow), series: `${d.adaptive[k].name}, shallow axis` },
            { step: c.step, size: positive(c.stepSteep), series: `${d.adaptive[k].name}, steep axis` },
          ])
        ).filter((r) => r.size !== null),
        x: "step",
        y: "size",
        color: "series",
        logY: true,
        yTitle: "effective step size",
      }),
    },
    {
      title: "B9/B10 — loss: SGD, AdaGrad, RMSProp, RMSProp as printed",
      caption: `Seed ${seed}; log scale. The printed RMSProp freezes once its accumulator explodes.`,
      spec: lineChart({
        data: (["sgd", "adagrad", "rmsprop", "printed"] as const).flatMap((k) =>
          d.adaptive[k].curve.map((c) => ({ step: c.step, loss: positive(c.loss), method: d.adaptive[k].name }))
        ),
        x: "step",
        y: "loss",
        color: "method",
        logY: true,
      }),
    },
    {
      title: "B10 — the squared-gradient accumulator, as printed and corrected",
      caption: "log10 of the largest coordinate of grad_squared; gaps where it overflowed float32.",
      spec: lineChart({
        data: (["rmsprop", "printed"] as const).flatMap((k) =>
          d.adaptive[k].curve.filter((c) => c.log10G !== null).map((c) => ({
            step: c.step,
            log10G: c.log10G,
            method: d.adaptive[k].name,
          }))
        ),
        x: "step",
        y: "log10G",
        color: "method",
        yTitle: "log10 grad_squared",
      }),
    },
    {
      title: "B7/B12 — slide optimizers against tf.train, same gradients",
      caption: "Largest parameter difference after each step; log scale.",
      spec: lineChart({
        data: [
          ...d.library.adam.curve.map((c) => ({ step: c.step, diff: positive(c.diff), pair: "Adam vs tf.train.adam" })),
          ...d.library.momentum.flatMap((m, i) =>
            m.curve.map((c) => ({
              step: c.step,
              diff: positive(c.diff),
              pair: `momentum ρ=${p.rhos[i]} vs tf.train.momentum`,
            }))
          ),
        ].filter((r) => r.diff !== null),
        x: "step",
        y: "diff",
        color: "pair",
        logY: true,
        yTitle: "max |θ_slide − θ_tfjs|",
      }),
    },
    {
      title: "B13 — Adam on the 2-layer net (validation loss)",
      caption: `Mean over ${runs.length} seeds; ${p.hidden} hidden units, batch ${p.netBatch}.`,
      spec: lineChart({
        data: p.netLrs.flatMap((lr, i) =>
          d.net[i].curve.map((c, j) => ({
            step: c.step,
            loss: runs.reduce((s, r) => s + r.data.net[i].curve[j].val, 0) / runs.length,
            alpha: String(lr),
          }))
        ),
        x: "step",
        y: "loss",
        color: "alpha",
        yTitle: "validation loss",
      }),
    },
    {
      title: "B14 — weight decay: Adam + L2 against AdamW",
      caption: `Seed ${seed}; mean weight of each gradient-noise group (dashed: AdamW).`,
      spec: lineChart({
        data: (["l2", "adamw"] as const).flatMap((k) =>
          d.wd[k].curves.flatMap((c, g) =>
            c.map((w, i): Row => ({
              step: Math.min(i * d.wd[k].every, p.wdSteps),
              weight: w,
              noise: String(p.wdScales[g]),
              method: k === "l2" ? "Adam + L2" : "AdamW",
            }))
          )
        ),
        x: "step",
        y: "weight",
        color: "noise",
        dash: "method",
        yTitle: "mean weight",
      }),
    },
    {
      title: "B15 — optimizer trajectories on a 2-D loss surface",
      caption: `κ = ${p.figKappa}, axes rotated ${p.figAngle}°; ${p.figSteps} steps from the same start.`,
      spec: trajectoryChart({
        surface: surfaceGrid(
          (x, y) => Math.log10(fig.loss(Float32Array.of(x, y)) + 1e-6),
          box(figPts.map((v) => v[0])),
          box(figPts.map((v) => v[1])),
          SURFACE_CELLS,
        ),
        paths: d.figure.flatMap((t) => t.path.map(([x, y], i) => ({ x, y, step: i, method: t.name }))),
      }),
    },
  ];
  return charts;
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}
