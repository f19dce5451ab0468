/**
 * The verdicts of G7 (random vs grid search, sign tests over the run's independent repeats) and G8
 * (the edge flag recomputed from the trials, on the fine stage and on a constructed edge case).
 * @module
 */
import type { SeedRun, Verdict } from "../../lib/experiment.ts";
import { fmt, mean, record, signTest } from "../../lib/checks.ts";
import { best, type LogRange, position, type Trial } from "./hyper_search.ts";
import type { P } from "./params.ts";
import type { GridVsRandom, SearchData } from "./types.ts";

/** The level of G7's sign tests. */
export const G7_LEVEL = 0.05;

/** How many of `bins` equal log-bins of `range` the trials' learning rates fall into. */
export function binsHit(trials: readonly Trial[], range: LogRange, bins: number): number {
  const hit = new Set(trials.map((t) => Math.min(bins - 1, Math.max(0, Math.floor(position(t.lr, range) * bins)))));
  return hit.size;
}

/** G7: over every repeat of every seed, random search's best beats the grid's, and it covers more of lr. */
export function g7Verdict(runs: readonly SeedRun<SearchData>[], p: P): Verdict {
  const bins = p.gridBudget, range = p.gridLr as LogRange;
  // Each comparison is an independent repeat (its own rng.fork streams grid-k, random-k): the unit of the tests.
  const pairs: SeedRun<GridVsRandom & { seed: number }>[] = runs.flatMap((r) =>
    r.data.gridVsRandom.map((g, k) => ({ seed: r.seed * 1000 + k, data: { ...g, seed: r.seed } }))
  );
  // Reported with its sign test; not yet a condition: at the ci budget random wins ~70% of repeats (val acc
  // rises up to the top of the lr range), and a sign test at 0.05 needs ~30 repeats for that (see the README).
  const better = signTest(pairs, (g) => best(g.random).valAcc > best(g.grid).valAcc, G7_LEVEL);
  const betterRule = better.held >= Math.ceil(pairs.length / 2);
  const wider = signTest(pairs, (g) => binsHit(g.random, range, bins) > binsHit(g.grid, range, bins), G7_LEVEL);
  const mR = mean(pairs.map((x) => best(x.data.random).valAcc)), mG = mean(pairs.map((x) => best(x.data.grid).valAcc));
  const betterOk = betterRule && mR > mG;
  const hitR = mean(pairs.map((x) => binsHit(x.data.random, range, bins)));
  const hitG = mean(pairs.map((x) => binsHit(x.data.grid, range, bins)));
  const inconclusive = wider.inconclusive;
  const pass = betterOk && wider.pass;
  return {
    pass,
    parts: { "better best": betterOk, "more lr values": wider.pass },
    ...(inconclusive ? { inconclusive: `${inconclusive.replace("seed", "repeat")}` } : {}),
    measured: record([
      ["random better", `${better.held} of ${better.total} (p = ${fmt(better.pValue, 3)})`],
      ["more lr bins, random", `${wider.held} of ${wider.total} (p = ${fmt(wider.pValue, 3)})`],
      ["mean best, random", mR],
      ["mean best, grid", mG],
      [`lr bins hit of ${bins}, random (mean)`, hitR],
      [`lr bins hit of ${bins}, grid (mean)`, hitG],
    ]),
    expected: record([
      ["random better", `≥ half the repeats and a higher mean best (its sign test reported)`],
      ["more lr bins, random", `sign test p ≤ ${G7_LEVEL}`],
    ]),
    tolerance: `a one-sided sign test at level ${G7_LEVEL} over the ${pairs.length} independent repeats ` +
      `(${runs.length} seed(s) × ${p.gridRepeats} repeats, each with its own rng.fork streams; budget ` +
      `${p.gridBudget} each; paired trials share init and minibatch order): random's best validation accuracy ` +
      `that random's learning rates fall into more of ${bins} equal log-bins of 10^[${range}] than the grid's ` +
      `(null: at most half the repeats); random's best validation accuracy > the grid's in ≥ half the repeats ` +
      `with a higher mean (descriptive: its sign test is reported, too few repeats for it at this budget)`,
    summary: `With ${p.gridBudget} trials each, random search's learning rates fall into ${fmt(hitR)} of ${bins} ` +
      `log-bins on average against the grid's ${fmt(hitG)} (more in ${wider.held} of ${wider.total} repeats, ` +
      `p = ${fmt(wider.pValue, 3)}), and it finds the better model in ${better.held} of ${better.total} ` +
      `(p = ${fmt(better.pValue, 3)}; mean best ${fmt(mR)} vs ${fmt(mG)}): ` +
      (pass
        ? `random search covers the important parameter better (level ${G7_LEVEL}) and finds the better best more often.`
        : `the claim is not shown (${
          [!betterOk && "better best", !wider.pass && "more lr values"].filter(Boolean).join(", ")
        }).`),
  };
}

/** The check's own edge test: within `f` of an edge of the log range. */
function edgeAt(x: number, range: LogRange, f: number): "low" | "high" | null {
  const t = position(x, range);
  return t <= f ? "low" : t >= 1 - f ? "high" : null;
}

/** G8: the flags agree with the edges recomputed from the trials; the constructed edge case is flagged and moves. */
export function g8Verdict(runs: readonly SeedRun<SearchData>[], p: P): Verdict {
  const f = p.edgeFraction;
  const per = runs.map((r) => {
    const d = r.data, b = best(d.fine);
    const lrEdge = edgeAt(b.lr, d.fineRanges.lr, f), regEdge = edgeAt(b.reg, d.fineRanges.reg, f);
    const own = lrEdge
      ? { param: "lr" as const, edge: lrEdge }
      : regEdge
      ? { param: "reg" as const, edge: regEdge }
      : null;
    const fl = d.edge.flagged;
    const ownAgrees = own === null ? fl === null : fl !== null && fl.param === own.param && fl.edge === own.edge;
    const c = d.edgeCase, cb = best(c.trials), caseEdge = edgeAt(cb.lr, c.lr, f);
    const caseAgrees = caseEdge === "high" && c.flagged === caseEdge;
    const nb = c.widened ? best(c.widened.trials) : null;
    const v = nb ? Math.log10(nb.lr) : NaN;
    const moved = nb !== null && (v < c.lr[0] - 1e-9 || v > c.lr[1] + 1e-9);
    return { d, b, own, fl, ownAgrees, c, cb, caseEdge, caseAgrees, nb, moved };
  });
  const parts = {
    "fine stage flag": per.every((x) => x.ownAgrees),
    "constructed edge flagged": per.every((x) => x.caseAgrees),
    "widening moves the optimum": per.every((x) => x.moved),
  };
  const pass = Object.values(parts).every(Boolean);
  const w = per.find((x) => !(x.ownAgrees && x.caseAgrees && x.moved)) ?? per[0];
  const words = (e: { param: string; edge: string } | null) => (e ? `${e.param} at the ${e.edge} edge` : "central");
  return {
    pass,
    parts,
    measured: record([
      ["fine best (lr, reg)", `${fmt(w.b.lr)}, ${fmt(w.b.reg)}`],
      ["fine best, recomputed", words(w.own)],
      ["fine best, the tool's flag", w.fl ? words(w.fl) : "not flagged"],
      ["constructed case best lr", `${fmt(w.cb.lr)} in 10^[${w.c.lr.join(", ")}]`],
      ["constructed case, recomputed", w.caseEdge ?? "central"],
      ["constructed case, the tool's flag", w.c.flagged ?? "not flagged"],
      ["best after widening", w.nb ? `lr ${fmt(w.nb.lr)}, val acc ${fmt(w.nb.valAcc)}` : "—"],
    ]),
    expected: record([
      ["the tool's flags", "equal the edges recomputed from the trials"],
      ["constructed case", "high edge, flagged"],
      ["best after widening", "outside the old range"],
    ]),
    tolerance: `every seed; 'edge': within ${fmt(f * 100)}% of the log range (lr checked first), recomputed from ` +
      `each search's best trial; the constructed case: ${p.edgeCasePoints} log-spaced rates over ` +
      `10^[${(p.edgeCaseLr as number[]).join(", ")}] (below the best rates), widened by ${fmt(p.widenBy)} decade(s)`,
    summary: `The fine stage's best (lr ${fmt(w.b.lr)}, reg ${fmt(w.b.reg)}) is ${words(w.own)} and the tool ` +
      `${w.ownAgrees ? "agrees" : `says "${w.fl ? words(w.fl) : "not flagged"}"`}; in the constructed search over ` +
      `lr 10^[${w.c.lr.join(", ")}] the best is ${fmt(w.cb.lr)} (${w.caseEdge ?? "central"}), ` +
      `${w.c.flagged ? `flagged ${w.c.flagged}` : "not flagged"}` +
      (w.nb
        ? `, and after widening the best lr is ${fmt(w.nb.lr)} (val acc ${fmt(w.nb.valAcc)}), ${
          w.moved ? "outside" : "still inside"
        } the old range.`
        : ", so nothing was widened."),
  };
}
