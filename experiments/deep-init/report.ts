/**
 * Charts and table of the deep-init family: loss per step for the three inits, and the per-layer
 * activation std and gradient RMS before training.
 * @module
 */
import type { Chart, SeedRun, Table } from "../../lib/experiment.ts";
import { fmt, mean } from "../../lib/checks.ts";
import { lineChart, type Row } from "../../lib/charts/mod.ts";
import { claimedGrowth, INIT_LABELS, INITS } from "./inits.ts";
import { comparisons, ruleOf } from "./claims.ts";
import { outcome } from "./verdict.ts";
import type { P } from "./params.ts";
import type { DeepInitData } from "./types.ts";

type Runs = readonly SeedRun<DeepInitData>[];

/** The charts: loss per step; activation std and gradient RMS per layer at the start. */
export function deepInitCharts(runs: Runs, p: P): Chart[] {
  const all = comparisons(runs), first = all[0];
  const lossRows: Row[] = INITS.flatMap((i) => [
    ...first.c.steps.map((step, k) => ({ step, loss: first.c[i].loss[k], init: INIT_LABELS[i], curve: first.label })),
    ...first.c.steps.map((step, k) => ({
      step,
      loss: mean(all.map((x) => x.c[i].loss[k])),
      init: INIT_LABELS[i],
      curve: `mean of ${all.length} comparisons`,
    })),
  ]);
  // Log scales need positive values: a std or gradient that underflowed to 0 is left out.
  const positive = (rows: Row[], field: string) => rows.filter((r) => (r[field] as number) > 0);
  const actRows: Row[] = INITS.flatMap((i) => {
    const s = first.c[i].actStd, g = claimedGrowth(i, p.width);
    return [
      ...s.map((std, l) => ({ layer: l + 1, std, init: INIT_LABELS[i], source: "measured" })),
      ...s.map((_, l) => ({ layer: l + 1, std: s[0] * g ** l, init: INIT_LABELS[i], source: "√(Din·s²/2) per layer" })),
    ];
  });
  const gradRows: Row[] = INITS.flatMap((i) =>
    first.c[i].gradRms.map((rms, l) => ({ layer: l + 1, rms, init: INIT_LABELS[i] }))
  );
  const net = `${p.depth} ReLU layers of width ${p.width} (+ a linear layer to the 10 logits), no biases`;
  return [
    {
      title: "C9: loss per step on real digits (Kaiming vs Xavier vs 0.01·randn)",
      caption: `${net}; SGD lr ${p.lr}, momentum ${p.momentum}, batch ${p.batch}; loss on ${p.evalSize} training ` +
        `digits every ${p.every} steps. Solid/dashed by curve: ${first.label} and the mean over comparisons. ` +
        `Chance level ln 10 = ${fmt(Math.log(10))}; the targets are ${fmt(p.startTarget)} and ${
          fmt(p.target)
        } × ln 10.`,
      spec: lineChart({
        data: lossRows,
        x: "step",
        y: "loss",
        color: "init",
        dash: "curve",
        yTitle: "cross-entropy loss",
      }),
    },
    {
      title: "C9: activation std per layer before training",
      caption: `${first.label}; std of each hidden layer's ReLU outputs over ${p.evalSize} digits. Dashed: the first ` +
        "layer's std grown by the claimed factor √(Din·s²/2) per layer (1 for Kaiming, 1/√2 for Xavier, " +
        `${fmt(claimedGrowth("small", p.width), 3)} for 0.01·randn at Din = ${p.width}).`,
      spec: lineChart({
        data: positive(actRows, "std"),
        x: "layer",
        y: "std",
        color: "init",
        dash: "source",
        logY: true,
        points: true,
        yTitle: "std of activations",
      }),
    },
    {
      title: "C9: gradient size per layer before training",
      caption:
        `${first.label}; RMS of dL/dW of each weight layer (the logits layer last) for the cross-entropy on the ` +
        `same ${p.evalSize} digits. The same learning rate moves Xavier's and 0.01·randn's weights by that much less.`,
      spec: lineChart({
        data: positive(gradRows, "rms"),
        x: "layer",
        y: "rms",
        color: "init",
        logY: true,
        points: true,
        yTitle: "RMS of dL/dW",
      }),
    },
  ];
}

/** The comparisons: steps to each target and the loss at the end, per init. */
export function deepInitTables(runs: Runs, p: P): Table[] {
  const show = (s: number | null) => (s === null ? "—" : s);
  return [{
    title: "C9: steps to the targets per comparison",
    caption: `Steps until the loss is ≤ ${fmt(p.startTarget)}·ln 10 ("starts") and ≤ ${fmt(p.target)}·ln 10 ` +
      `("trains"); — : not within the budget of ${p.steps} steps.`,
    columns: [
      "comparison",
      "Kaiming starts",
      "Kaiming trains",
      "Xavier starts",
      "0.01·randn starts",
      "Kaiming end loss",
      "Xavier end loss",
      "0.01·randn end loss",
      "rule holds",
    ],
    rows: comparisons(runs).map(({ label, c }) => {
      const o = outcome(c, ruleOf(p, c)), end = (l: number[]) => Number(fmt(l[l.length - 1]));
      return [
        label,
        show(o.started.kaiming),
        show(o.kaimingTrained),
        show(o.started.xavier),
        show(o.started.small),
        end(c.kaiming.loss),
        end(c.xavier.loss),
        end(c.small.loss),
        o.holds,
      ];
    }),
  }];
}
