/**
 * The charts of the `optimizers-sgd` experiment.
 * @module
 */
import type { Chart, SeedRun } from "../../lib/experiment.ts";
import { lineChart } from "../../lib/charts/mod.ts";
import type { P } from "./params.ts";
import type { SgdData } from "./types.ts";

/** Every chart of the experiment, from the first seed unless stated. */
export function sgdCharts(runs: readonly SeedRun<SgdData>[], p: P): Chart[] {
  const d = runs[0].data, seed = runs[0].seed;
  const q = d.quiz;
  const avgRows = (name: string, xs: { t: number; avg: number }[]) =>
    xs.map((x) => ({ t: x.t, avg: x.avg, run: name }));
  return [
    {
      title: "B1 — training loss against time: batch GD and SGD",
      caption: `Seed ${seed}; m = ${p.bigM}; only gradient and update work is timed; log scale.`,
      spec: lineChart({
        data: [
          ...d.timing.gd.curve.map((c) => ({ seconds: c.seconds, loss: c.loss, method: "batch GD" })),
          ...d.timing.sgd.curve.map((c) => ({ seconds: c.seconds, loss: c.loss, method: "SGD (b = 1)" })),
        ],
        x: "seconds",
        y: "loss",
        color: "method",
        logY: true,
        points: true,
        xTitle: "seconds of update work",
      }),
    },
    {
      title: "B1 — full training loss after every update",
      caption: `Seed ${seed}; m = ${p.smallM}. Batch GD falls every step; SGD's goes up and down.`,
      spec: lineChart({
        data: [
          ...d.increases.gdCurve.map((loss, u) => ({ update: u, loss, method: "batch GD" })),
          ...d.increases.sgdCurve.map((loss, u) => ({ update: u, loss, method: "SGD" })),
        ],
        x: "update",
        y: "loss",
        color: "method",
      }),
    },
    {
      title: "B1 — SGD on logistic regression and a small net",
      caption: `Seed ${seed}; loss averaged over the last ${p.window} samples.`,
      spec: lineChart({
        data: [
          ...avgRows("logistic regression", d.models.logisticAvg),
          ...avgRows(`${p.hidden}-unit net`, d.models.nnAvg),
        ],
        x: "t",
        y: "avg",
        color: "run",
        xTitle: "samples seen",
        yTitle: `loss, average of last ${p.window}`,
      }),
    },
    {
      title: "B3 — SGD with different learning rates: running average of the sample loss",
      caption: `Seed ${seed}; average over the last ${p.window} samples, as the slide recommends.`,
      spec: lineChart({
        data: [
          ...avgRows(`α = ${p.sgdLr}`, q.tuned.avg),
          ...avgRows(`α/${p.smallFactor}`, q.small.avg),
          ...avgRows(`α/${p.tinyFactor}`, q.tiny.avg),
          ...avgRows("increasing α", q.increasing.avg),
          ...avgRows("decreasing α", q.decreasing.avg),
        ],
        x: "t",
        y: "avg",
        color: "run",
        xTitle: "samples seen",
        yTitle: `loss, average of last ${p.window}`,
      }),
    },
    {
      title: "B3 — after a large α: keep it or reduce it",
      caption: `Seed ${seed}; continuing from ${p.quizUpdates} updates at α·${p.bigFactor}.`,
      spec: lineChart({
        data: [...avgRows(`keep α·${p.bigFactor}`, q.bigKept.avg), ...avgRows("reduce to α", q.bigReduced.avg)],
        x: "t",
        y: "avg",
        color: "run",
        xTitle: "samples seen (second phase)",
        yTitle: `loss, average of last ${p.window}`,
      }),
    },
    {
      title: "B5 — mini-batch gradient variance against b",
      caption: "E‖g_b − g‖², measured and σ²/b·(m−b)/(m−1); log-log, all seeds.",
      spec: lineChart({
        data: runs.flatMap((r) =>
          r.data.noise.rows.flatMap((x) => [
            { b: x.batch, variance: x.variance, source: `measured, seed ${r.seed}` },
            { b: x.batch, variance: x.predicted, source: `σ²/b, seed ${r.seed}` },
          ])
        ),
        x: "b",
        y: "variance",
        color: "source",
        logX: true,
        logY: true,
        points: true,
        xTitle: "mini-batch size b",
      }),
    },
  ];
}
