/**
 * Tables and charts of the babysitting experiment: the lecture's "Finished epoch …" logs as
 * tables, loss and accuracy curves, with NaN/Inf shown as text.
 * @module
 */
import type { Chart, SeedRun, Table } from "../../lib/experiment.ts";
import { fmt } from "../../lib/checks.ts";
import { lineChart, type Row } from "../../lib/charts/mod.ts";
import { chartValue, flaggedLossChart } from "./loss_chart.ts";
import type { EpochRow } from "../../lib/nn/classifier_trainer.ts";
import type { P } from "./params.ts";
import type { BabysitData, LrRun } from "./types.ts";
import { classifyRun } from "./checks.ts";
import { num, type Real } from "../../lib/nn/real.ts";

/** A number for a table cell: finite values rounded, NaN and ±Inf as the words "NaN", "+Inf". */
export function cell(x: number | Real, digits = 6): number | string {
  const v = num(x);
  return Number.isFinite(v) ? Number(v.toPrecision(digits)) : fmt(v);
}

/** The columns of an epoch table, as the slides print them. */
export const EPOCH_COLUMNS = ["epoch", "cost", "train acc", "val acc", "lr", "sampled train loss"];

/** Epoch rows as table rows; `keep` selects which (default all). */
export function epochRows(rows: EpochRow[], keep?: (r: EpochRow) => boolean): (string | number)[][] {
  const out: (string | number)[][] = [];
  let skipped = false;
  for (const r of rows) {
    if (keep && !keep(r)) {
      if (!skipped) out.push(["…", "", "", "", "", ""]);
      skipped = true;
      continue;
    }
    skipped = false;
    out.push([r.epoch, cell(r.cost), cell(r.trainAcc, 4), cell(r.valAcc, 4), r.lr.toExponential(1), cell(r.trainLoss)]);
  }
  return out;
}

/** The report's tables: G1/G2 values, the G3 log, one log per learning rate, the sweep, H1. */
export function babysittingTables(
  runs: readonly SeedRun<BabysitData>[],
  p: P,
): Table[] {
  const d = runs[0].data, seed = runs[0].seed;
  const ls = d.lectureSize;
  const tables: Table[] = [{
    title: "Initial loss: lecture vs measured",
    caption: `Seed ${seed}; ${ls.inputs} inputs. Data: ${d.data.source}; ${d.data.normalisation}.`,
    columns: ["quantity", "lecture", "measured"],
    rows: [
      ["loss, reg 0", 2.30261216167, cell(ls.dataLoss, 9)],
      [`loss, reg ${fmt(p.highReg)}`, 3.06859716482, cell(ls.lossHighReg, 9)],
      ["0.5·reg·ΣW²", "", cell(0.5 * p.highReg * ls.sumSqW, 6)],
    ],
  }, {
    title: `Overfitting ${p.overfitN} examples (G3)`,
    caption: `Seed ${seed}; reg 0, full-batch SGD, lr ${
      fmt(p.overfitLr)
    }; the first 20 and the last 5 epochs, as on the slide.`,
    columns: EPOCH_COLUMNS,
    rows: epochRows(d.overfit, (r) => r.epoch <= 20 || r.epoch > d.overfit.length - 6),
  }];
  const named: [number, string][] = [[p.lowLr, "G4: too low"], [p.hugeLr, "G5: NaN"], [
    p.lectureLr,
    "G5: the lecture's 3e-3",
  ]];
  for (const [lr, what] of named) {
    const run = d.lrRuns.find((r) => r.lr === lr);
    if (!run) continue;
    const c = classifyRun(run);
    tables.push({
      title: `Learning rate ${fmt(lr)} (${what})`,
      caption:
        `Seed ${seed}; reg ${
          fmt(p.runReg)
        }, batch ${p.batchSize}, ${d.data.train} training examples. Status: ${c.status}` +
        (run.rows.length - 1 < p.epochs
          ? `; stopped after epoch ${run.rows.length - 1}: the parameters are no longer finite.`
          : "."),
      columns: [...EPOCH_COLUMNS, "logit range"],
      rows: epochRows(run.rows).map((row, i) => [...row, cell(run.rows[i].logitRange, 3)]),
    });
  }
  tables.push({
    title: "Every learning rate tried (G5)",
    caption:
      "Status from the sampled training loss: 'too low' if it falls by less than 0.1, 'explodes' if it climbs 0.1 " +
      "above the start, 'NaN/inf' if it is not finite.",
    columns: ["lr", "status", "first bad epoch", "loss, start", "loss, end", "val acc, end"],
    rows: d.lrRuns.map((r) => {
      const c = classifyRun(r), last = r.rows[r.rows.length - 1];
      return [
        r.lr.toExponential(0),
        c.status,
        c.firstBad ?? "—",
        cell(r.rows[0].trainLoss),
        cell(last.trainLoss),
        cell(last.valAcc, 4),
      ];
    }),
  });
  tables.push({
    title: "Gradient check (H1)",
    caption: `Centred differences with h = ${fmt(p.gradCheckH)} on ${p.gradCheckRows} examples; at init with reg ${
      fmt(p.highReg)
    }, after G3 with reg ${fmt(p.runReg)}.`,
    columns: [
      "model",
      "parameter",
      "entries",
      "largest |gradient|",
      "max relative error",
      "max error / largest",
      "skipped at kinks",
    ],
    rows: (["init", "trained"] as const).flatMap((k) =>
      d.gradCheck[k].map((
        g,
      ) => [
        k === "init" ? "at init" : "after G3",
        g.param,
        g.entries,
        cell(g.gradScale, 3),
        cell(g.maxRelError, 3),
        cell(g.maxScaledError, 3),
        g.kinks,
      ])
    ),
  });
  return tables;
}

function runRows(runs: LrRun[]): Row[] {
  return runs.flatMap((r) =>
    r.rows.map((e) => {
      const v = chartValue(num(e.trainLoss));
      return { epoch: e.epoch, loss: v.value, flag: v.flag, lr: r.lr.toExponential(0), "val acc": e.valAcc };
    })
  );
}

/** The report's charts: G3's loss curve, loss and validation accuracy per learning rate. */
export function babysittingCharts(runs: readonly SeedRun<BabysitData>[], p: P): Chart[] {
  const d = runs[0].data;
  const rows = runRows(d.lrRuns);
  return [
    {
      title: `Overfitting ${p.overfitN} examples (G3)`,
      caption: `Seed ${runs[0].seed}: cost and training accuracy per epoch.`,
      spec: lineChart({
        data: d.overfit.flatMap((r) => [
          { epoch: r.epoch, value: r.cost, series: "cost" },
          { epoch: r.epoch, value: r.trainAcc, series: "train acc" },
        ]),
        x: "epoch",
        y: "value",
        color: "series",
      }),
    },
    {
      title: "Training loss per learning rate (G4, G5)",
      caption: "Loss on 1,000 sampled training examples after each epoch; NaN/Inf epochs are written on the chart.",
      spec: flaggedLossChart({ data: rows, x: "epoch", y: "loss", series: "lr", yTitle: "sampled training loss" }),
    },
    {
      title: "Validation accuracy per learning rate",
      caption: "A NaN model predicts class 0 for every image.",
      spec: lineChart({ data: rows, x: "epoch", y: "val acc", color: "lr", points: true }),
    },
  ];
}
