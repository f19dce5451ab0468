/**
 * The checks of the search family (G6–G8), each computed from the run's own trials.
 * @module
 */
import type { Claim } from "../../lib/experiment.ts";
import { fmt, record } from "../../lib/checks.ts";
import { g7Verdict, g8Verdict } from "./checks.ts";
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
    falsifiers: [{
      name: "narrowing to the worst coarse trials",
      description: "the coarse trials ranked worst first when the fine ranges are drawn around the top ones",
      set: { fault: "narrow-worst", gridRepeats: "1", edgeTrials: "2" },
    }],
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
    falsifiers: [{
      name: "random search sampling linearly",
      description: "lr and reg drawn as uniform(10**lo, 10**hi) instead of 10**uniform(lo, hi)",
      set: { fault: "linear-sampling", fineTrials: "2", edgeTrials: "2" },
    }],
    check: (runs, p) => g7Verdict(runs, p),
  },
  {
    id: "G8",
    kind: "behaviour",
    statement:
      "The fine stage's best value at the edge of its range is worrying (the lecture's 9.47e-4 in [1e-4, 1e-3]): the tool flags it, and rerunning the search with the range widened on that side moves the optimum there.",
    falsifiers: [{
      name: "the edge test inverted",
      description: "the flag's comparison turned round: a central best is flagged and a best at an edge is not",
      set: { fault: "edge-inverted", gridRepeats: "1" },
    }],
    check: (runs, p) => g8Verdict(runs, p),
  },
];
