/**
 * Tables and charts of the search experiment: the lecture's "val_acc: …, lr: …, reg: …" logs as
 * tables, the coarse/fine scatter over log-lr × log-reg, G7's comparisons and G8's searches.
 * NaN/Inf trials are named in the tables and drawn with their own shape.
 * @module
 */
import type { Chart, SeedRun, Table } from "../../lib/experiment.ts";
import { fmt } from "../../lib/checks.ts";
import type { Row } from "../../lib/charts/mod.ts";
import { searchScatter } from "./scatter_chart.ts";
import { best, type Trial } from "./hyper_search.ts";
import { num } from "../../lib/nn/real.ts";
import type { P } from "./params.ts";
import type { SearchData } from "./types.ts";

const status = (t: Trial) => (t.nonFinite ? `NaN/Inf (cost ${fmt(num(t.cost))})` : "ok");

function trialRows(trials: readonly Trial[], limit: number): (string | number)[][] {
  return [...trials].sort((a, b) => b.valAcc - a.valAcc).slice(0, limit).map((t) => [
    Number(t.valAcc.toFixed(4)),
    t.lr.toExponential(3),
    t.reg.toExponential(3),
    status(t),
  ]);
}

function scatterRows(trials: readonly Trial[], stage: string): Row[] {
  return trials.map((t) => ({
    "log10 lr": Math.log10(t.lr),
    "log10 reg": Math.log10(t.reg),
    "val acc": t.valAcc,
    stage: t.nonFinite ? `${stage} · NaN/Inf` : stage,
    status: status(t),
  }));
}

/** The report's tables. */
export function searchTables(runs: readonly SeedRun<SearchData>[], p: P): Table[] {
  const d = runs[0].data, seed = runs[0].seed;
  const cols = ["val acc", "lr", "reg", "status"];
  const nanCount = (ts: Trial[]) => ts.filter((t) => t.nonFinite).length;
  const tables: Table[] = [
    {
      title: "Coarse stage: the ten best trials",
      caption: `Seed ${seed}; ${d.coarse.length} trials × ${p.coarseEpochs} epochs, lr = 10**uniform(${p.coarseLr}), ` +
        `reg = 10**uniform(${p.coarseReg}); ${nanCount(d.coarse)} trial(s) went NaN/Inf. Data: ${d.data.source}; ` +
        `${d.data.inputs} inputs; ${d.data.normalisation}.`,
      columns: cols,
      rows: trialRows(d.coarse, 10),
    },
    {
      title: "Fine stage: the ten best trials",
      caption:
        `Seed ${seed}; ${d.fine.length} trials × ${p.fineEpochs} epochs, lr = 10**uniform(${d.fineRanges.lr}), ` +
        `reg = 10**uniform(${d.fineRanges.reg}) (the decades of the ${p.fineTop} best coarse trials); ` +
        `${nanCount(d.fine)} trial(s) went NaN/Inf.`,
      columns: cols,
      rows: trialRows(d.fine, 10),
    },
    {
      title: "Random vs grid search at equal budget (G7)",
      caption:
        `${p.gridBudget} trials × ${p.gridEpochs} epoch(s) each; lr in 10^[${p.gridLr}], reg in 10^[${p.gridReg}].`,
      columns: ["seed", "repeat", "best random", "its lr", "best grid", "its lr", "random wins"],
      rows: runs.flatMap((r) =>
        r.data.gridVsRandom.map((g, k) => {
          const a = best(g.random), b = best(g.grid);
          return [r.seed, k + 1, a.valAcc, a.lr.toExponential(2), b.valAcc, b.lr.toExponential(2), a.valAcc > b.valAcc];
        })
      ),
    },
  ];
  const e = d.edge;
  const edgeRows = [
    ...[...d.fine].sort((a, b) => b.valAcc - a.valAcc).slice(0, 5).map((t) => ["fine (top 5)", t] as const),
    ...[...(e.widened?.trials ?? [])].sort((a, b) => b.valAcc - a.valAcc).map((t) => ["widened", t] as const),
  ];
  tables.push({
    title: "The worrying best value (G8)",
    caption: `Seed ${seed}; fine stage lr 10^[${d.fineRanges.lr}], reg 10^[${d.fineRanges.reg}]` +
      (e.widened
        ? `; ${e.flagged?.param} flagged at the ${e.flagged?.edge} edge, widened to lr 10^[${e.widened.lr}], reg 10^[${e.widened.reg}].`
        : "; nothing flagged, not widened."),
    columns: ["search", "val acc", "lr", "reg", "status"],
    rows: edgeRows.map((
      [s, t],
    ) => [s, Number(t.valAcc.toFixed(4)), t.lr.toExponential(3), t.reg.toExponential(3), status(t)]),
  });
  return tables;
}

/** The report's charts: the coarse/fine scatter and the G8 searches. */
export function searchCharts(runs: readonly SeedRun<SearchData>[]): Chart[] {
  const d = runs[0].data;
  const e = d.edge;
  return [
    {
      title: "Coarse → fine search: validation accuracy over log lr × log reg (G6)",
      caption: `Seed ${runs[0].seed}; colour: validation accuracy; shape: stage (trials whose cost went NaN/Inf are ` +
        `their own shape).`,
      spec: searchScatter({
        data: [...scatterRows(d.coarse, "coarse"), ...scatterRows(d.fine, "fine")],
        stage: "stage",
      }),
    },
    {
      title: "The fine stage and its widened rerun (G8)",
      caption: `Fine stage lr 10^[${d.fineRanges.lr}], reg 10^[${d.fineRanges.reg}]` +
        (e.widened ? `; widened: lr 10^[${e.widened.lr}], reg 10^[${e.widened.reg}].` : "; nothing flagged."),
      spec: searchScatter({
        data: [...scatterRows(d.fine, "fine"), ...scatterRows(e.widened?.trials ?? [], "fine, widened")],
        stage: "stage",
      }),
    },
  ];
}
