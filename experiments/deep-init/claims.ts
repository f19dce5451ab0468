/**
 * The claim of the deep-init family (C9), its check and its falsifiers.
 * @module
 */
import type { Claim, Falsifier, SeedRun, Verdict } from "../../lib/experiment.ts";
import { fmt, mean, record, seedsNeeded, signTest } from "../../lib/checks.ts";
import { claimedGrowth, INIT_LABELS, INITS } from "./inits.ts";
import { growth, growthOk, outcome, type Rule } from "./verdict.ts";
import type { P } from "./params.ts";
import type { Comparison, DeepInitData } from "./types.ts";

type Runs = readonly SeedRun<DeepInitData>[];

/** The level of C9's sign test. */
export const C9_LEVEL = 0.05;
/**
 * Tolerance of the start-of-training growth per layer: ±15% of √(Din·s²/2). At width 48 a ReLU layer's
 * squared-norm ratio has relative sd ≈ √(5/48) ≈ 0.32 per input; the geometric mean over ~20 layers and
 * a batch of digits measured within ±10% of the formula in every comparison tried (seeds 1–3, 11).
 */
export const GROWTH_REL = 0.15;

/** The rule's thresholds from the parameters (ln 10 is the loss of uniform predictions over 10 classes). */
export function ruleOf(p: P, c: Comparison): Rule {
  return {
    trained: p.target * Math.log(10),
    started: p.startTarget * Math.log(10),
    slower: p.slower,
    budget: c.steps[c.steps.length - 1],
  };
}

/** Every comparison of every seed, labelled. */
export function comparisons(runs: Runs): { label: string; c: Comparison }[] {
  return runs.flatMap((r) =>
    r.data.comparisons.map((c, k) => ({
      label: `seed ${r.seed}${r.data.comparisons.length > 1 ? `, repeat ${k + 1}` : ""}`,
      c,
    }))
  );
}

const show = (s: number | null) => (s === null ? "not reached" : s);

function c9(runs: Runs, p: P): Verdict {
  const all = comparisons(runs);
  const rows = all.map((x) => ({ ...x, o: outcome(x.c, ruleOf(p, x.c)) }));
  const t = signTest(rows.map((x, i) => ({ seed: i + 1, data: x.o })), (o) => o.holds, C9_LEVEL);
  const n = rows.length, needed = seedsNeeded(C9_LEVEL);
  const inconclusive = t.inconclusive ? `${n} comparison${n === 1 ? "" : "s"}, the test needs ${needed}` : undefined;
  const scalesOk = rows.every((x) => INITS.every((i) => growthOk(x.c[i].actStd, i, p.width, GROWTH_REL)));
  const parts = {
    "Kaiming trains, Xavier and 0.01·randn fail or are far slower": t.pass,
    "activation std per layer at the start grows by √(Din·s²/2)": scalesOk,
  };
  const pass = Object.values(parts).every(Boolean);
  const budget = rows[0].c.steps[rows[0].c.steps.length - 1];
  const g = (i: (typeof INITS)[number]) => mean(rows.map((x) => growth(x.c[i].actStd)));
  const endLoss = (i: (typeof INITS)[number]) => mean(rows.map((x) => x.c[i].loss[x.c[i].loss.length - 1]));
  const kTrained = rows.map((x) => x.o.kaimingTrained).filter((s): s is number => s !== null);
  const perRow = Object.fromEntries(rows.map((x) => [
    x.label,
    `Kaiming trained at ${show(x.o.kaimingTrained)}, started at ${show(x.o.started.kaiming)}; Xavier started ` +
    `at ${show(x.o.started.xavier)}, 0.01·randn at ${show(x.o.started.small)}: ${
      x.o.holds ? "holds" : "does not hold"
    }`,
  ]));
  const losses = `mean loss after ${budget} steps: Kaiming ${fmt(endLoss("kaiming"))}, Xavier ${
    fmt(endLoss("xavier"))
  }, 0.01·randn ${fmt(endLoss("small"))} (ln 10 = ${fmt(Math.log(10))})`;
  const scales = `activation std per layer at the start ×${fmt(g("kaiming"), 3)}, ×${fmt(g("xavier"), 3)}, ×${
    fmt(g("small"), 3)
  } (claimed ×${fmt(claimedGrowth("kaiming", p.width), 3)}, ×${fmt(claimedGrowth("xavier", p.width), 3)}, ×${
    fmt(claimedGrowth("small", p.width), 3)
  })`;
  const failed = Object.entries(parts).filter(([, ok]) => !ok).map(([k]) => k);
  return {
    pass,
    parts,
    ...(inconclusive ? { inconclusive } : {}),
    measured: {
      ...(record([
        ["comparisons where the rule holds", t.held],
        ["sign test p-value", t.pValue],
        [
          "Kaiming: median steps to train",
          kTrained.length ? kTrained.sort((a, b) => a - b)[kTrained.length >> 1] : null,
        ],
        ...INITS.map((i) => [`${INIT_LABELS[i]}: mean loss at the end`, endLoss(i)] as [string, number]),
        ...INITS.map((i) => [`${INIT_LABELS[i]}: std growth per layer`, g(i)] as [string, number]),
      ]) as Record<string, number>),
      ...perRow,
    },
    expected: record([
      ["Kaiming", `loss ≤ ${fmt(p.target)}·ln 10 = ${fmt(p.target * Math.log(10))} within ${budget} steps`],
      ["Xavier, 0.01·randn", `loss > ${fmt(p.startTarget)}·ln 10 for ≥ ${p.slower}× Kaiming's steps to it`],
      ...INITS.map((i) =>
        [`${INIT_LABELS[i]}: std growth per layer √(Din·s²/2)`, claimedGrowth(i, p.width)] as [
          string,
          number,
        ]
      ),
    ]),
    tolerance: `per comparison (the three inits on the same digits, batches and randn draws): Kaiming's loss on ` +
      `${p.evalSize} training digits reaches ${fmt(p.target)}·ln 10 within the ${budget}-step budget, and Xavier ` +
      `and 0.01·randn do not reach ${fmt(p.startTarget)}·ln 10 within ${p.slower}× the steps Kaiming needs to ` +
      `reach it (decided only where that fits in the budget); one-sided sign test at level ${
        fmt(C9_LEVEL)
      } over ${n} ` +
      `independent comparisons (${runs.length} seed${runs.length === 1 ? "" : "s"} × ${n / runs.length} repeats, ` +
      `each its own subset, draws and batch order): held in ${t.held} of ${n}, p = ${fmt(t.pValue, 3)} (null ` +
      `hypothesis: holds in at most half). Start: in every comparison, the geometric-mean growth of the activation ` +
      `std per hidden layer within ±${GROWTH_REL * 100}% of √(Din·s²/2) for each init's claimed s`,
    summary: inconclusive
      ? `The rule held in ${t.held} of ${n} comparisons; too few for the sign test (${inconclusive}); ${losses}.`
      : pass
      ? `On ${p.depth} ReLU layers of width ${p.width}, Kaiming trained in ${t.held} of ${n} comparisons (sign test ` +
        `p = ${fmt(t.pValue, 3)} ≤ ${C9_LEVEL}) while Xavier and 0.01·randn did not start learning within ` +
        `${p.slower}× its steps; ${losses}; ${scales}.`
      : `Not shown on ${p.depth} ReLU layers of width ${p.width}: ${failed.join("; ")} did not hold (rule held in ` +
        `${t.held} of ${n} comparisons, p = ${fmt(t.pValue, 3)}); ${losses}; ${scales}.`,
  };
}

/** The falsifiers of C9: realistic bugs and beliefs, each cheap (a shorter budget where the point stays). */
export const C9_FALSIFIERS: Falsifier[] = [
  {
    name: "Kaiming without the factor 2",
    description: 'Kaiming\'s std computed as 1/√Din (the 2 of √(2/Din) forgotten): that is Xavier, so the "Kaiming" ' +
      "net collapses like Xavier's and cannot train while Xavier does not.",
    set: { fault: "kaiming-no-2", steps: "200" },
  },
  {
    name: "fan-in from the input size",
    description: "One fan-in for every layer, taken from the pixels (196) instead of each layer's own Din (48): " +
      "Kaiming's hidden layers get √(2/196), and the std shrinks by half per layer.",
    set: { fault: "input-fan", steps: "200" },
  },
  {
    name: "depth does not matter",
    description: "The belief that Xavier vs Kaiming matters at any depth: on a 4-layer net Xavier's signal shrinks " +
      "only 4×, and it starts learning about as fast as Kaiming.",
    set: { depth: "4" },
  },
];

/** The claims of the family. */
export const deepInitClaims: Claim<DeepInitData, P>[] = [{
  id: "C9",
  kind: "statistical",
  statement: "A deep ReLU net (≥ 20 layers) trains with Kaiming init √(2/Din) and fails to, or is far slower to, " +
    "with Xavier 1/√Din or 0.01·randn (He et al. 2015), on real images.",
  falsifiers: C9_FALSIFIERS,
  check: c9,
}];
