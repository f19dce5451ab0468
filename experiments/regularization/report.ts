/**
 * Charts and tables of the regularization family.
 * @module
 */
import type { Chart, SeedRun, Table } from "../../lib/experiment.ts";
import { lineChart, type Row } from "../../lib/charts/mod.ts";
import { bandChart, groupedBars } from "../../lib/charts/mod.ts";
import { fmt, mean } from "../../lib/checks.ts";
import type { P } from "./params.ts";
import type { RegData } from "./types.ts";

type Runs = readonly SeedRun<RegData>[];

/** The charts: D3's Monte-Carlo band, D2's fractions, D6's gap, D7's curves and gaps, BatchNorm's trace. */
export function regularizationCharts(runs: Runs, p: P): Chart[] {
  const first = runs[0].data, seed = runs[0].seed;
  const d3 = first.d3;
  const fractions: Row[] = runs.flatMap((r) =>
    (["slides", "library"] as const).flatMap((src) =>
      r.data.d2[src].map((f, i) => ({
        pass: i + 1,
        fraction: f,
        source: `${src === "slides" ? "slides' mask rand < p" : "tf.dropout(rate = 1 − p)"}, seed ${r.seed}`,
      }))
    )
  );
  // A standard error needs two masks: the log-scale chart starts where it is defined.
  const gapRows: Row[] = (["relu", "linear"] as const).flatMap((net) =>
    first.d6[net].points.filter((pt) => pt.samples > 1).flatMap((pt) => [
      { masks: pt.samples, value: pt.gap, series: `${net === "relu" ? "ReLU net" : "linear control"}: gap` },
      { masks: pt.samples, value: pt.stdErr, series: `${net === "relu" ? "ReLU net" : "linear control"}: std error` },
    ])
  );
  const curves: Row[] = (["none", "dropout"] as const).flatMap((k) =>
    first.d7[k].curve.map((c) => ({
      step: c.step,
      loss: c.loss,
      net: k === "none" ? "no dropout" : `dropout p = ${p.keep}`,
    }))
  );
  const pairs = runs.flatMap((r) => [r.data.d7, ...(r.data.d7More ?? [])]);
  const bars: Row[] = (["none", "dropout"] as const).flatMap((k) =>
    (["train", "val"] as const).map((set) => ({
      net: k === "none" ? "no dropout" : `dropout p = ${p.keep}`,
      set: set === "train" ? "training set" : "validation set",
      loss: mean(pairs.map((d) => d[k][set].loss)),
    }))
  );
  const bn: Row[] = first.bn.trainTrace.flatMap((v, i) => [
    { batch: i + 1, output: v, mode: "training (batch statistics)" },
    { batch: i + 1, output: first.bn.inferenceTrace[i], mode: "inference (running statistics)" },
  ]);
  return [
    {
      title: "D3: Monte-Carlo average of the single neuron over random masks",
      caption: `Seed ${seed}; band: 95% interval (mean ± 1.96 standard errors); dashed: the exact E[a] = ${
        fmt(d3.exact)
      } over the four masks.`,
      spec: bandChart({
        data: d3.mc.map((m) => ({
          masks: m.samples,
          mean: m.mean,
          lo: m.mean - 1.96 * m.stdErr,
          hi: m.mean + 1.96 * m.stdErr,
        })),
        x: "masks",
        y: "mean",
        lo: "lo",
        hi: "hi",
        reference: { value: d3.exact, label: "exact E[a]" },
        logX: true,
        xTitle: "random masks averaged",
        yTitle: "average of a",
      }),
    },
    {
      title: "D2: fraction of units zeroed per forward pass",
      caption: `${p.maskBatch}×${p.maskUnits} units per pass, keep probability p = ${p.keep}; expected 1 − p = ${
        fmt(1 - p.keep)
      } (D2 also checks p = ${p.asymKeep}, where a mask with keep and drop swapped would show).`,
      spec: lineChart({
        data: fractions,
        x: "pass",
        y: "fraction",
        color: "source",
        points: true,
        yTitle: "fraction zeroed",
      }),
    },
    {
      title: "D6: average of training-time outputs vs the test-time output",
      caption:
        `Seed ${seed}; RMS over ${p.mcInputs} validation digits × 10 logits of the dropout-trained net. The ReLU ` +
        "net's gap levels off above the sampling noise; the linear control's gap follows the noise down.",
      spec: lineChart({
        data: gapRows,
        x: "masks",
        y: "value",
        color: "series",
        logX: true,
        logY: true,
        points: true,
        yTitle: "RMS logit difference",
      }),
    },
    {
      title: "D7: training loss (with dropout active) per step",
      caption: `Seed ${seed}; ${p.trainSize} training digits, full-batch Adam, hidden layers ${p.hidden.join("–")}.`,
      spec: lineChart({ data: curves, x: "step", y: "loss", color: "net", logY: true, yTitle: "training loss" }),
    },
    {
      title: "D7: test-mode loss on the training and validation sets",
      caption: `Mean over ${pairs.length} comparisons (${runs.length} seeds × ${pairs.length / runs.length} ` +
        "independent repeats); the train/validation gap is the difference of the two bars.",
      spec: groupedBars({ data: bars, x: "net", y: "loss", group: "set", yTitle: "cross-entropy loss" }),
    },
    {
      title: "BatchNorm: one digit's output inside random batches",
      caption: `Seed ${seed}; one output element of a fixed digit normalized in ${p.bnBatches} random batches of ` +
        `${p.bnBatch}: it changes with the batch in training mode and not at inference.`,
      spec: lineChart({ data: bn, x: "batch", y: "output", color: "mode", yTitle: "normalized value" }),
    },
  ];
}

/** The "common pattern" table: training adds randomness, testing averages (dropout and BatchNorm, measured). */
export function regularizationTables(runs: Runs, p: P): Table[] {
  const m = (f: (d: RegData) => number) => Number(fmt(mean(runs.map((r) => f(r.data)))));
  const k = p.mcSamples[p.mcSamples.length - 1];
  const lastPt = (d: RegData) => d.d6.relu.points[d.d6.relu.points.length - 1];
  return [{
    title: "Regularization: a common pattern (training adds randomness, testing averages)",
    caption:
      `Measured, mean over ${runs.length} seeds. Dropout: the D6 net (logits of ${p.mcInputs} validation digits, ` +
      `p = ${p.keep}). BatchNorm: the library layer on the digits (${p.bnBatches} random batches of ${p.bnBatch}), ` +
      "as in A4. Spread: RMS std of one output across masks / batches. Gap: RMS of (average of the training-time " +
      "outputs − test-time output); std error: the sampling noise of that average.",
    columns: [
      "technique",
      "training: randomness",
      "training: spread of one output",
      "testing: how it averages",
      "testing: spread",
      "average over",
      "gap to test output",
      "std error",
      "output RMS",
    ],
    rows: [
      [
        "Dropout (D6)",
        "random mask per pass",
        m((d) => d.d6.relu.spread),
        "no mask; inverted dropout needs no scaling",
        0,
        `${k} masks`,
        m((d) => lastPt(d).gap),
        m((d) => lastPt(d).stdErr),
        m((d) => d.d6.relu.outputRms),
      ],
      [
        "BatchNorm (A4)",
        "statistics of a random batch",
        m((d) => d.bn.trainSpread),
        "running mean and variance",
        m((d) => d.bn.inferenceMaxDiff),
        `${p.bnBatches} batches`,
        m((d) => d.bn.gap),
        m((d) => d.bn.stdErr),
        m((d) => d.bn.outputRms),
      ],
    ],
  }];
}
