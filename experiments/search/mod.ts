/**
 * Hyper-parameter search (claims G6–G8): coarse-to-fine random search in log space, random vs
 * grid search at equal budget, and the "worrying" best value at the edge of its range. The data
 * is loaded by lib/data (this file does no I/O): `--set search.data=idx`.
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { fmt, mean, record } from "../../lib/checks.ts";
import { type DataInfo, dataParamSpecs, prepareData } from "../../lib/data/prepare.ts";
import {
  best,
  edgeOf,
  gridPoints,
  type LogRange,
  logUniform,
  narrowRanges,
  runTrial,
  type Trial,
  widen,
} from "./hyper_search.ts";
import { searchCharts, searchTables } from "./report.ts";

const range = (ci: LogRange, full: LogRange, doc: string) => ({ ci, full, min: -12, max: 12, doc });

const params = {
  ...dataParamSpecs({ train: [4000, 8000], val: [500, 1000], inputs: ["native", "lecture"] }),
  hidden: { ci: 50, full: 50, min: 1, max: 4096, integer: true, doc: "Hidden units (the lecture: 50)." },
  initStd: { ci: 1e-4, full: 1e-4, min: 0, max: 1, doc: "Weight init W = initStd·randn (the lecture: 1e-4)." },
  batchSize: { ci: 100, full: 100, min: 1, integer: true, doc: "Minibatch size (the lecture: 100)." },
  momentum: {
    ci: 0,
    full: 0,
    min: 0,
    max: 0.999,
    doc: "Momentum of update='momentum' (the lecture's trainer default 0, i.e. plain SGD).",
  },
  lrDecay: { ci: 0.9, full: 0.9, min: 0, max: 1, doc: "Learning-rate decay per epoch (the lecture: 0.9)." },
  coarseTrials: { ci: 20, full: 100, min: 2, integer: true, doc: "Trials of the coarse stage (the lecture: 100)." },
  coarseEpochs: { ci: 3, full: 5, min: 1, integer: true, doc: "Epochs per coarse trial (the lecture: 5)." },
  coarseLr: range([-6, -3], [-6, -3], "log10 range of the coarse learning rates (the lecture: -6 to -3)."),
  coarseReg: range([-5, 5], [-5, 5], "log10 range of the coarse regularization (the lecture: -5 to 5)."),
  fineTop: { ci: 4, full: 10, min: 1, integer: true, doc: "Best coarse trials whose decades become the fine ranges." },
  fineTrials: { ci: 10, full: 100, min: 2, integer: true, doc: "Trials of the fine stage (the lecture: 100)." },
  fineEpochs: { ci: 6, full: 10, min: 1, integer: true, doc: "Epochs per fine trial ('longer running time')." },
  gridBudget: { ci: 9, full: 9, min: 4, integer: true, doc: "Trials per search in G7 (a k×k grid, k = √budget)." },
  gridRepeats: { ci: 8, full: 20, min: 1, integer: true, doc: "Random-vs-grid comparisons per seed (G7)." },
  gridEpochs: { ci: 1, full: 2, min: 1, integer: true, doc: "Epochs per G7 trial." },
  gridLr: range([-6, -2], [-6, -2], "log10 range of lr in G7 (the important parameter)."),
  gridReg: range([-5, -1], [-5, -1], "log10 range of reg in G7 (small enough not to matter)."),
  edgeTrials: { ci: 8, full: 30, min: 2, integer: true, doc: "Trials of the widened fine search (G8)." },
  edgeFraction: {
    ci: 0.1,
    full: 0.1,
    min: 0,
    max: 0.5,
    doc: "A fine-stage best within this fraction of its log range from an edge is flagged (G8; the lecture's: 2%).",
  },
  widenBy: { ci: 1, full: 1, min: 0.1, max: 6, doc: "Decades added on the flagged side when widening (G8)." },
};
/** The resolved parameters. */
export type SearchParams = { [K in keyof typeof params]: (typeof params)[K]["ci"] };

/** A G7 comparison: the best of a random and of a grid search at the same budget. */
export interface GridVsRandom {
  random: Trial[];
  grid: Trial[];
}

/** G8: where the fine stage's best lies, and the fine search rerun on the widened range. */
export interface EdgeSearch {
  flagged: { param: "lr" | "reg"; edge: "low" | "high" } | null;
  widened: { lr: LogRange; reg: LogRange; trials: Trial[] } | null;
}

/** What one seed produces. */
export interface SearchData {
  data: DataInfo;
  coarse: Trial[];
  fineRanges: { lr: LogRange; reg: LogRange };
  fine: Trial[];
  gridVsRandom: GridVsRandom[];
  edge: EdgeSearch;
}

export default defineExperiment({
  id: "search",
  title: "Hyper-parameter search: coarse to fine, random vs grid",
  lecture: ["Hyperparameter Optimization", "Random Search vs. Grid Search", "Validation strategy"],
  summary: "The lecture searches the 2-layer net's learning rate and regularization in log space: a coarse stage " +
    "(100 trials × 5 epochs, reg = 10**uniform(-5, 5), lr = 10**uniform(-6, -3)) narrows the ranges for a finer, " +
    "longer stage; random search beats grid search when one parameter matters and the other does not (Bergstra & " +
    "Bengio 2012); and a best value at the edge of its range is 'worrying': the optimum may lie outside it.",
  params,
  seeds: { ci: 1, full: 1 },
  async run({ tf, params: p, rng, progress }): Promise<SearchData> {
    progress(0, 1, "loading data");
    const { train, val, info } = await prepareData(p, rng.fork("split"));
    const data = { train, val, classes: info.classes };
    const setup = (epochs: number) => ({
      hidden: p.hidden,
      initStd: p.initStd,
      epochs,
      batchSize: p.batchSize,
      momentum: p.momentum,
      lrDecay: p.lrDecay,
    });
    const side = Math.round(Math.sqrt(p.gridBudget));
    const total = p.coarseTrials + p.fineTrials + 2 * p.gridRepeats * side * side + p.edgeTrials;
    let done = 0;
    const search = async (n: number, lr: LogRange, reg: LogRange, epochs: number, label: string) => {
      const r = rng.fork(label), trials: Trial[] = [];
      for (let i = 0; i < n; i++) {
        progress(done++, total, `${label} ${i + 1}/${n}`);
        const [a, b] = [logUniform(r, lr), logUniform(r, reg)];
        trials.push(await runTrial(tf, data, a, b, setup(epochs), r.fork(`trial-${i}`)));
      }
      return trials;
    };
    const coarse = await search(
      p.coarseTrials,
      p.coarseLr as LogRange,
      p.coarseReg as LogRange,
      p.coarseEpochs,
      "coarse",
    );
    const fineRanges = narrowRanges(coarse, p.fineTop);
    const fine = await search(p.fineTrials, fineRanges.lr, fineRanges.reg, p.fineEpochs, "fine");

    const gridVsRandom: GridVsRandom[] = [];
    for (let k = 0; k < p.gridRepeats; k++) {
      const gr = rng.fork(`grid-${k}`);
      const grid = gridPoints(p.gridBudget, p.gridLr as LogRange, p.gridReg as LogRange, [gr.next(), gr.next()]);
      const random = await search(
        grid.length,
        p.gridLr as LogRange,
        p.gridReg as LogRange,
        p.gridEpochs,
        `random-${k}`,
      );
      const gridTrials: Trial[] = [];
      for (const [i, [lr, reg]] of grid.entries()) {
        progress(done++, total, `grid ${k + 1}: ${i + 1}/${grid.length}`);
        gridTrials.push(await runTrial(tf, data, lr, reg, setup(p.gridEpochs), gr.fork(`trial-${i}`)));
      }
      gridVsRandom.push({ random, grid: gridTrials });
    }

    const b = best(fine);
    const lrEdge = edgeOf(b.lr, fineRanges.lr, p.edgeFraction);
    const regEdge = edgeOf(b.reg, fineRanges.reg, p.edgeFraction);
    const flagged = lrEdge
      ? { param: "lr" as const, edge: lrEdge }
      : regEdge
      ? { param: "reg" as const, edge: regEdge }
      : null;
    let widened: EdgeSearch["widened"] = null;
    if (flagged) {
      const lr = flagged.param === "lr" ? widen(fineRanges.lr, flagged.edge, p.widenBy) : fineRanges.lr;
      const reg = flagged.param === "reg" ? widen(fineRanges.reg, flagged.edge, p.widenBy) : fineRanges.reg;
      widened = { lr, reg, trials: await search(p.edgeTrials, lr, reg, p.fineEpochs, "fine-widened") };
    }
    progress(total, total, "done");
    return {
      data: info,
      coarse,
      fineRanges,
      fine,
      gridVsRandom,
      edge: { flagged, widened },
    };
  },
  claims: [
    {
      id: "G6",
      kind: "behaviour",
      statement:
        "Coarse-to-fine random search in log space: a coarse stage (few epochs, wide ranges) narrows the ranges, and the fine stage (narrower ranges, longer runs) finds a better validation accuracy.",
      check(runs, p) {
        const per = runs.map((r) => {
          const d = r.data, c = best(d.coarse), f = best(d.fine);
          const narrower = d.fineRanges.lr[1] - d.fineRanges.lr[0] < p.coarseLr[1] - p.coarseLr[0] ||
            d.fineRanges.reg[1] - d.fineRanges.reg[0] < p.coarseReg[1] - p.coarseReg[0];
          return { c, f, narrower, medC: median(d.coarse), medF: median(d.fine), ranges: d.fineRanges };
        });
        const w = per[0];
        return {
          pass: per.every((x) => x.narrower && x.f.valAcc > x.c.valAcc && x.medF > x.medC),
          measured: record([
            ["best val acc, coarse", w.c.valAcc],
            ["best val acc, fine", w.f.valAcc],
            ["median, coarse", w.medC],
            ["median, fine", w.medF],
            ["fine lr range", `[${w.ranges.lr.join(", ")}]`],
            ["fine reg range", `[${w.ranges.reg.join(", ")}]`],
          ]),
          expected: record([
            ["best val acc, fine", "> coarse best (lecture 0.482 → 0.531)"],
            ["median, fine", "> coarse median"],
            ["fine ranges", "narrower than the coarse ones"],
          ]),
          tolerance: "every seed; strict inequalities",
          summary:
            `The coarse stage's ${p.coarseTrials} trials (best ${fmt(w.c.valAcc)} at lr ${fmt(w.c.lr)}, reg ${
              fmt(w.c.reg)
            }) narrow the ranges to lr 10^[${w.ranges.lr.join(", ")}], reg 10^[${w.ranges.reg.join(", ")}]; the fine ` +
            `stage reaches ${fmt(w.f.valAcc)} (median ${fmt(w.medC)} → ${fmt(w.medF)}).`,
        };
      },
    },
    {
      id: "G7",
      kind: "statistical",
      statement:
        "At equal budget, random search beats grid search when one parameter (lr) matters and the other (a small reg) does not: it tries more distinct values of the important one (Bergstra & Bengio 2012). Each comparison uses a randomly shifted k×k grid, so that the result does not hinge on where one fixed lattice happens to fall.",
      check(runs, p) {
        const pairs = runs.flatMap((r) =>
          r.data.gridVsRandom.map((g, k) => ({ seed: r.seed, k, random: best(g.random), grid: best(g.grid), g }))
        );
        const wins = pairs.filter((x) => x.random.valAcc > x.grid.valAcc).length;
        const need = Math.ceil(pairs.length / 2);
        const mR = mean(pairs.map((x) => x.random.valAcc)), mG = mean(pairs.map((x) => x.grid.valAcc));
        const distinct = (ts: Trial[]) => new Set(ts.map((t) => t.lr)).size;
        const dR = distinct(pairs[0].g.random), dG = distinct(pairs[0].g.grid);
        return {
          pass: wins >= need && mR > mG,
          measured: record([
            ["random wins", `${wins} of ${pairs.length}`],
            ["mean best, random", mR],
            ["mean best, grid", mG],
            ["distinct lr values, random", dR],
            ["distinct lr values, grid", dG],
          ]),
          expected: record([["random wins", `≥ ${need} of ${pairs.length} (at least half)`], [
            "mean best, random",
            "> grid",
          ]]),
          tolerance:
            `random better in at least half of the ${pairs.length} paired comparisons and a higher mean best (seeds ${
              runs.map((r) => r.seed).join(", ")
            } × ${p.gridRepeats} repeats, budget ${p.gridBudget} each)`,
          summary:
            `With ${p.gridBudget} trials each, random search tries ${dR} learning rates against the grid's ${dG} ` +
            `and finds the better model in ${wins} of ${pairs.length} comparisons (mean best ${fmt(mR)} vs ${
              fmt(mG)
            }).`,
        };
      },
    },
    {
      id: "G8",
      kind: "behaviour",
      statement:
        "The fine stage's best value at the edge of its range is worrying (the lecture's 9.47e-4 in [1e-4, 1e-3]): the tool flags it, and rerunning the fine search with the range widened on that side moves the optimum there.",
      check(runs, p) {
        const per = runs.map((r) => {
          const d = r.data, e = d.edge, b = best(d.fine);
          const nb = e.widened ? best(e.widened.trials) : null;
          const key = e.flagged?.param ?? "lr";
          const old = d.fineRanges[key];
          const v = nb ? Math.log10(nb[key]) : NaN;
          const moved = nb !== null && (v < old[0] || v > old[1]);
          return { d, e, b, nb, moved, key, old };
        });
        const w = per[0];
        const where = w.e.flagged
          ? `${w.key} = ${fmt(w.b[w.key])}, at the ${w.e.flagged.edge} edge of 10^[${w.old.join(", ")}]`
          : `lr = ${fmt(w.b.lr)} and reg = ${fmt(w.b.reg)}, away from the edges: nothing to flag, so the lecture's ` +
            `worry does not arise here`;
        return {
          pass: per.every((x) => x.e.flagged !== null && x.moved),
          measured: record([
            ["fine best val acc", w.b.valAcc],
            ["fine best lr", w.b.lr],
            ["fine best reg", w.b.reg],
            ["flagged", w.e.flagged ? `${w.e.flagged.param}, ${w.e.flagged.edge} edge` : "no"],
            ["best after widening", w.nb ? `${w.key} ${fmt(w.nb[w.key])}, val acc ${fmt(w.nb.valAcc)}` : "—"],
            ["moved outside the old range", w.moved],
          ]),
          expected: record([["flagged", "yes"], ["moved outside the old range", true]]),
          tolerance: `every seed; 'edge': within ${fmt(p.edgeFraction * 100)}% of the log range (lr checked first); ` +
            `widened by ${fmt(p.widenBy)} decade(s), ${p.edgeTrials} trials × ${p.fineEpochs} epochs`,
          summary:
            `The fine stage (lr 10^[${w.d.fineRanges.lr.join(", ")}], reg 10^[${
              w.d.fineRanges.reg.join(", ")
            }]) peaks at val acc ${fmt(w.b.valAcc)} with ${where}` +
            (w.nb
              ? `; after widening, the best ${w.key} is ${fmt(w.nb[w.key])} (val acc ${fmt(w.nb.valAcc)}), ${
                w.moved ? "outside" : "still inside"
              } the old range.`
              : "."),
        };
      },
    },
  ],
  charts: (runs) => searchCharts(runs),
  tables: (runs, p) => searchTables(runs, p),
});

function median(trials: readonly Trial[]): number {
  const xs = trials.map((t) => t.valAcc).sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}
