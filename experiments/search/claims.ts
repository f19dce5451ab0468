/**
 * The checks of the search family (G6–G8), each computed from the run's own trials.
 * @module
 */
import type { Claim } from "../../lib/experiment.ts";
import { fmt, mean, record } from "../../lib/checks.ts";
import { best, type Trial } from "./hyper_search.ts";
import type { P } from "./params.ts";
import type { SearchData } from "./types.ts";

/** The median validation accuracy of a set of trials. */
function median(trials: readonly Trial[]): number {
  const xs = trials.map((t) => t.valAcc).sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

/** The claims G6–G8. */
export const searchClaims: Claim<SearchData, P>[] = [
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
          `and finds the better model in ${wins} of ${pairs.length} comparisons (mean best ${fmt(mR)} vs ${fmt(mG)}).`,
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
];
