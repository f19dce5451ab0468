/**
 * The claims of the `optimizers-sgd` experiment: the SGD quizzes (B1, B3), the mini-batch
 * identity (B2) and the mini-batch gradient noise (B5).
 * @module
 */
import type { Claim, Measure } from "../../lib/experiment.ts";
import { fmt, record, signTest } from "../../lib/checks.ts";
import type { P } from "./params.ts";
import type { SgdData } from "./types.ts";
import { batchSum, gdLr10x, scheduleGrows, withReplacement } from "./falsifiers.ts";

type C = Claim<SgdData, P>;

/** A quiz statement: its answer key, its measured truth per seed, and the evidence in words. */
interface Statement {
  text: string;
  key: boolean;
  truth(d: SgdData, p: P): boolean;
  evidence(d: SgdData, p: P): string;
}

/** Judges a bundle of quiz statements: per seed, every measured truth must equal its key; a sign test over seeds. */
function quiz(runs: Parameters<C["check"]>[0], p: P, statements: Statement[]) {
  const t = signTest(runs, (d) => statements.every((s) => s.truth(d, p) === s.key), p.level);
  const measured: Record<string, string> = {}, expected: Record<string, string> = {};
  statements.forEach((s, i) => {
    const held = runs.filter((r) => s.truth(r.data, p)).length;
    measured[`${i + 1}. ${s.text}`] = `${
      held === runs.length ? "true" : held === 0 ? "false" : "mixed"
    } (true in ${held}/${runs.length} seeds): ${s.evidence(runs[0].data, p)}`;
    expected[`${i + 1}. ${s.text}`] = s.key ? "true" : "false";
  });
  return {
    pass: t.pass,
    measured: measured as Measure,
    expected: expected as Measure,
    tolerance: `per seed, every statement's measured truth equals the answer key; ${t.rule}`,
    ...(t.inconclusive ? { inconclusive: t.inconclusive } : {}),
  };
}

/** The quiz's sentence, following the verdict (pass, fail or too few seeds). */
function quizSummary(q: ReturnType<typeof quiz>, key: string): string {
  if (q.inconclusive) return `Too few seeds to decide whether the measured answers match the lecture's key (${key}).`;
  return `The measured answers ${q.pass ? "match" : "do not match"} the lecture's key (${key}).`;
}

/**
 * B1 (1): SGD reaches the target loss in less than 1/fasterFactor of batch GD's time. Both must reach
 * it: when batch GD never gets there (a broken or too short run) the race is undecided, not won.
 */
export function sgdMuchFaster(d: SgdData, p: Pick<P, "fasterFactor">): boolean {
  const gd = d.timing.gd.seconds, sgd = d.timing.sgd.seconds;
  return gd !== null && sgd !== null && sgd * p.fasterFactor < gd;
}

const B1: C = {
  id: "B1",
  kind: "quiz",
  answer: [true, true, false, true],
  falsifiers: [gdLr10x],
  statement: "Which of the following about SGD are true? (1) With m very large, SGD can be much faster than batch " +
    "GD [true]. (2) Batch GD's cost goes down every iteration (good α), SGD's not necessarily [true]. (3) SGD is " +
    "only for linear regression [false]. (4) Shuffle the training data before SGD [true].",
  check(runs, p) {
    const statements: Statement[] = [
      {
        text: "SGD much faster than batch GD for large m",
        key: true,
        truth: (d) => sgdMuchFaster(d, p),
        evidence: (d) =>
          `m = ${p.bigM}, to loss ${p.target}: batch GD ${
            d.timing.gd.updates ?? `never within ${p.maxGdSteps} steps (race undecided)`
          } updates / ${fmt(d.timing.gd.seconds)} s, SGD ${d.timing.sgd.updates ?? "never"} updates / ${
            fmt(d.timing.sgd.seconds)
          } s (needs < 1/${p.fasterFactor}); for contrast at m = ${p.smallM}: batch GD ${
            fmt(d.timingSmall.gdSeconds)
          } s, SGD ${fmt(d.timingSmall.sgdSeconds)} s`,
      },
      {
        text: "batch GD's loss falls every iteration, SGD's not necessarily",
        key: true,
        truth: (d) => d.increases.gd === 0 && d.increases.sgd > 0,
        evidence: (d) =>
          `increases of the full training loss over ${p.curveUpdates} updates: batch GD ${d.increases.gd}, SGD ${d.increases.sgd}`,
      },
      {
        text: "SGD only applies to linear regression",
        key: false,
        truth: (d) =>
          !(d.models.logistic.final <= d.models.logistic.initial / 2 && d.models.nn.final <= d.models.nn.initial / 2),
        evidence: (d) =>
          `SGD (batch 1, ${p.nnUpdates} updates) on ${p.shuffleM} digits, training loss before → after: logistic ` +
          `regression ${fmt(d.models.logistic.initial)} → ${fmt(d.models.logistic.final)}, ${p.hidden}-unit net ${
            fmt(d.models.nn.initial)
          } → ${fmt(d.models.nn.final)} ('applies' = at least halved)`,
      },
      {
        text: "shuffle the data before SGD",
        key: true,
        truth: (d) => d.shuffle.sorted > d.shuffle.shuffled,
        evidence: (d) =>
          `one epoch on ${p.shuffleM} digits: loss ${fmt(d.shuffle.shuffled)} shuffled, ${
            fmt(d.shuffle.sorted)
          } sorted by class (the sorted pass ends on digit ${d.shuffle.lastLabelSorted})`,
      },
    ];
    const q = quiz(runs, p, statements);
    return { ...q, summary: quizSummary(q, "T, T, F, T") };
  },
};

const B2: C = {
  id: "B2",
  kind: "value",
  statement: "Mini-batch GD with B = m produces the batch-GD parameter trajectory (the quiz's answer); B = 1 is SGD; " +
    "B = m/2 is neither.",
  falsifiers: [batchSum],
  check(runs, p) {
    const tol = 1e-6;
    const get = (d: SgdData, b: number) => d.b2.runs.find((r) => r.batch === b)!;
    const half = Math.floor(p.b2M / 2);
    const ok = runs.every((r) =>
      get(r.data, p.b2M).diffToBatchGD <= tol && get(r.data, 1).diffToSGD === 0 &&
      get(r.data, half).diffToBatchGD > 100 * tol
    );
    const d = runs[0].data;
    return {
      pass: ok,
      measured: record([
        ["B = m: max |θ − θ_batchGD|", get(d, p.b2M).diffToBatchGD],
        ["B = 1: max |θ − θ_SGD|", get(d, 1).diffToSGD],
        ["B = m/2: max |θ − θ_batchGD|", get(d, half).diffToBatchGD],
      ]),
      expected: record([
        ["B = m: max |θ − θ_batchGD|", `≤ ${tol}`],
        ["B = 1: max |θ − θ_SGD|", 0],
        ["B = m/2: max |θ − θ_batchGD|", `> ${100 * tol}`],
      ]),
      tolerance:
        `float32 summation order only (≤ ${tol}); B = 1 bit-identical; every seed; m = ${p.b2M}, ${p.b2Epochs} epochs`,
      summary: `After ${p.b2Epochs} shuffled epochs, B = m differs from batch GD by ${
        fmt(get(d, p.b2M).diffToBatchGD)
      } (largest weight ${fmt(d.b2.scale)}), B = 1 from SGD by ${fmt(get(d, 1).diffToSGD)}, B = m/2 from batch GD by ${
        fmt(get(d, half).diffToBatchGD)
      }: ${ok ? "B = m is batch GD and B = 1 is SGD" : "the identity does not hold in every seed"}.`,
    };
  },
};

const B3: C = {
  id: "B3",
  kind: "quiz",
  answer: [false, true, false, true],
  falsifiers: [scheduleGrows],
  statement: "Which are true? (1) A very small α has no disadvantage and can only speed up learning [false]. " +
    "(2) Reducing α can find better parameters [true]. (3) To converge rather than oscillate, slowly increase α " +
    "[false]. (4) If the loss averaged over the last k samples does not fall, α may be poorly tuned [true].",
  check(runs, p) {
    const statements: Statement[] = [
      {
        text: "a very small α has no disadvantage",
        key: false,
        truth: (d) => d.quiz.small.fullLoss <= d.quiz.tuned.fullLoss,
        evidence: (d) =>
          `after ${p.quizUpdates} updates: loss ${fmt(d.quiz.tuned.fullLoss)} with α = ${p.sgdLr}, ${
            fmt(d.quiz.small.fullLoss)
          } with α/${p.smallFactor}`,
      },
      {
        text: "reducing α can find better parameters",
        key: true,
        truth: (d) => d.quiz.bigReduced.fullLoss < d.quiz.bigKept.fullLoss,
        evidence: (d) =>
          `after ${p.quizUpdates} updates at α·${p.bigFactor}, ${p.quizUpdates} more: loss ${
            fmt(d.quiz.bigKept.fullLoss)
          } keeping α·${p.bigFactor}, ${fmt(d.quiz.bigReduced.fullLoss)} reduced to α`,
      },
      {
        text: "slowly increase α to converge",
        key: false,
        truth: (d) => d.quiz.increasing.fullLoss < d.quiz.decreasing.fullLoss,
        evidence: (d) =>
          `α swept ×${p.scheduleRange} around ${p.sgdLr}: final loss ${fmt(d.quiz.increasing.fullLoss)} increasing, ${
            fmt(d.quiz.decreasing.fullLoss)
          } decreasing`,
      },
      {
        text: "flat averaged loss may mean a poorly tuned α",
        key: true,
        truth: (d) =>
          d.quiz.tiny.lastAvg >= 0.9 * d.quiz.tiny.firstAvg && d.quiz.tuned.lastAvg <= 0.5 * d.quiz.tuned.firstAvg,
        evidence: (d) =>
          `average of the last ${p.window} sample losses, first → last: α/${p.tinyFactor} ${
            fmt(d.quiz.tiny.firstAvg)
          } → ${fmt(d.quiz.tiny.lastAvg)} (flat = < 10% drop), α ${fmt(d.quiz.tuned.firstAvg)} → ${
            fmt(d.quiz.tuned.lastAvg)
          } (≥ 50% drop)`,
      },
    ];
    const q = quiz(runs, p, statements);
    return { ...q, summary: quizSummary(q, "F, T, F, T") };
  },
};

const B5: C = {
  id: "B5",
  kind: "behaviour",
  statement: "The variance of the mini-batch gradient falls like 1/b (σ²/b, times (m − b)/(m − 1) when sampling " +
    "without replacement from m examples).",
  falsifiers: [withReplacement],
  check(runs, p) {
    const rows = runs.flatMap((r) => r.data.noise.rows);
    const worst = rows.reduce((w, r) => Math.max(w, Math.abs(r.variance / r.predicted - 1)), 0);
    // Distance from the prediction in standard errors of the measured mean (the draws' own spread).
    const zOf = (r: (typeof rows)[number]) => Math.abs(r.variance - r.predicted) / r.se;
    const worstZ = rows.reduce((w, r) => Math.max(w, zOf(r)), 0);
    const within = rows.every((r) => Math.abs(r.variance - r.predicted) <= p.noiseZ * r.se);
    // Slope of log variance against log b, corrected for the finite population.
    const slopeOf = (d: SgdData) => {
      const xs = d.noise.rows.map((r) => Math.log(r.batch));
      const ys = d.noise.rows.map((r) => Math.log(r.variance / ((p.noiseM - r.batch) / (p.noiseM - 1))));
      const mx = xs.reduce((a, b) => a + b, 0) / xs.length, my = ys.reduce((a, b) => a + b, 0) / ys.length;
      return xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    };
    const slopes = runs.map((r) => slopeOf(r.data));
    const pass = within && slopes.every((s) => Math.abs(s + 1) <= 0.1);
    const worstRow = rows.reduce((w, r) => (zOf(r) > zOf(w) ? r : w), rows[0]);
    return {
      pass,
      measured: record([
        ["worst |measured − predicted| / SE", worstZ],
        ["worst |measured/predicted − 1|", worst],
        ["log-log slope (per seed)", slopes.map((s) => fmt(s)).join(", ")],
      ]),
      expected: record([
        ["worst |measured − predicted| / SE", `≤ ${fmt(p.noiseZ)}`],
        ["worst |measured/predicted − 1|", "— (judged in standard errors)"],
        ["log-log slope (per seed)", "−1 ± 0.1"],
      ]),
      tolerance: `every b and seed: |measured − σ²/b·(m−b)/(m−1)| ≤ ${fmt(p.noiseZ)} standard errors of the ` +
        `measured mean (sample std of ‖g_b − g‖² over the ${p.noiseDraws} draws / √draws); slope ±0.1`,
      summary: pass
        ? `Over b ∈ {${p.noiseBatches.join(", ")}}, E‖g_b − g‖² follows σ²/b·(m−b)/(m−1) within ${
          fmt(worstZ)
        } standard errors (${fmt(worst * 100)}%; σ² = ${fmt(runs[0].data.noise.sigma2)}).`
        : `E‖g_b − g‖² departs from σ²/b·(m−b)/(m−1): at b = ${worstRow.batch} it is ${
          fmt(worstRow.variance / worstRow.predicted)
        }× the prediction, ${fmt(worstZ)} standard errors off (slopes ${slopes.map((s) => fmt(s)).join(", ")}).`,
    };
  },
};

/** Every claim of the `optimizers-sgd` experiment. */
export const sgdClaims: C[] = [B1, B2, B3, B5];
