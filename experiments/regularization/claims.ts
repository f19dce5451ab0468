/**
 * The checks of the regularization family (D1–D7), each computed from the run's own numbers.
 * @module
 */
import type { Claim, SeedRun } from "../../lib/experiment.ts";
import { fmt, isClose, mean, record, seedsFraction } from "../../lib/checks.ts";
import type { P } from "./params.ts";
import type { RegData } from "./types.ts";

type Runs = readonly SeedRun<RegData>[];

/** The lecture's printed loss at reg 1e3 (2-layer net, 3072 inputs, 50 hidden units, W = 1e-4·randn). */
export const LECTURE_REG_LOSS = 3.06859716482;
/** The slide's exponent: 2^4096 ≈ 10^1233. */
export const LECTURE_MASK_EXPONENT = 1233;

const inputDims = (p: P) => (28 + 2 * p.regInputPad) ** 2 * 3;
const atLectureD1 = (p: P) => inputDims(p) === 3072 && p.regHidden === 50 && p.regScale === 1e-4 && p.l2 === 1e3;
const last = <T>(xs: readonly T[]) => xs[xs.length - 1];

function d1(runs: Runs, p: P) {
  const rows = runs.map((r) => {
    const d = r.data.d1;
    const l2Expected = 0.5 * p.l2 * d.sumSq, l1Expected = p.l1 * d.sumAbs;
    // E[ΣW²] = s²·N with relative sd sqrt(2/N); E[Σ|W|] = s·sqrt(2/π)·N with relative sd sqrt(π/2 − 1)/sqrt(N).
    const l2Theory = 0.5 * p.l2 * p.regScale ** 2 * d.weights;
    const l1Theory = p.l1 * p.regScale * Math.sqrt(2 / Math.PI) * d.weights;
    const termsOk = isClose(d.l2Term, l2Expected, { rel: 1e-4, abs: 1e-9 }) &&
      isClose(d.l1Term, l1Expected, { rel: 1e-4, abs: 1e-9 });
    const theoryOk = isClose(d.l2Term, l2Theory, { rel: 5 * Math.sqrt(2 / d.weights), abs: 1e-9 }) &&
      isClose(d.l1Term, l1Theory, { rel: 5 * Math.sqrt(Math.PI / 2 - 1) / Math.sqrt(d.weights), abs: 1e-9 });
    const dataOk = isClose(d.dataLoss, Math.log(10), { abs: 1e-3 });
    const lectureOk = !atLectureD1(p) || isClose(d.dataLoss + d.l2Term, LECTURE_REG_LOSS, { abs: 0.02 });
    return { d, ok: termsOk && theoryOk && dataOk && lectureOk, l2Theory };
  });
  const d = rows[0].d;
  const total = d.dataLoss + d.l2Term;
  return {
    pass: rows.every((r) => r.ok),
    measured: record([
      ["data loss", d.dataLoss],
      ["0.5·λ·ΣW² (L2 term)", d.l2Term],
      ["λ1·Σ|W| (L1 term)", d.l1Term],
      ["data + L2", total],
    ]),
    expected: record([
      ["data loss", Math.log(10)],
      ["0.5·λ·ΣW² (L2 term)", rows[0].l2Theory],
      ["λ1·Σ|W| (L1 term)", p.l1 * p.regScale * Math.sqrt(2 / Math.PI) * d.weights],
      ["data + L2", atLectureD1(p) ? LECTURE_REG_LOSS : Math.log(10) + rows[0].l2Theory],
    ]),
    tolerance: "every seed: terms equal 0.5·λ·ΣW² and λ·Σ|W| of the drawn weights (±0.01%); within 5 sd of their " +
      "expectation over randn; data loss ln 10 ± 0.001" +
      (atLectureD1(p) ? "; data + L2 within ±0.02 of the lecture's 3.0686" : ""),
    summary: `Seed ${runs[0].seed}: loss ${fmt(d.dataLoss)} + L2 term ${fmt(d.l2Term)} = ${fmt(total)}` +
      (atLectureD1(p) ? ` (lecture 3.0686)` : "") + `; L1 term ${fmt(d.l1Term)}. The printed 3.07 needs the ` +
      `factor 0.5 of the code: the slide's formula λ·ΣW² without it would give ${fmt(d.dataLoss + 2 * d.l2Term)}.`,
  };
}

function d2(runs: Runs, p: P) {
  const n = p.maskUnits * p.maskBatch, sd = Math.sqrt(p.keep * (1 - p.keep) / n);
  const all = runs.flatMap((r) => [...r.data.d2.slides, ...r.data.d2.library]);
  const ok = all.every((f) => isClose(f, 1 - p.keep, { abs: 4 * sd }));
  const worst = all.reduce((a, b) => (Math.abs(b - (1 - p.keep)) > Math.abs(a - (1 - p.keep)) ? b : a));
  return {
    pass: ok,
    measured: record([
      ["mean fraction zeroed (slides' mask)", mean(runs.flatMap((r) => r.data.d2.slides))],
      ["mean fraction zeroed (tf.dropout)", mean(runs.flatMap((r) => r.data.d2.library))],
      ["worst pass", worst],
    ]),
    expected: record([["fraction zeroed", 1 - p.keep]]),
    tolerance: `every pass within 4 binomial sd (±${fmt(4 * sd)}) of 1 − p, for ${p.maskBatch}×${p.maskUnits} units`,
    summary: `Over ${all.length} forward passes, masks with keep probability ${p.keep} zeroed between ` +
      `${fmt(Math.min(...all))} and ${fmt(Math.max(...all))} of the units (expected ${fmt(1 - p.keep)}).`,
  };
}

function d3(runs: Runs, p: P) {
  const [w1, w2] = p.neuronW, [x, y] = p.neuronInput;
  const formula = p.keep * (w1 * x + w2 * y);
  const rows = runs.map((r) => {
    const d = r.data.d3, end = last(d.mc);
    const z = (end.mean - d.exact) / (d.exactStd / Math.sqrt(end.samples));
    const sdRatio = end.stdErr * Math.sqrt(end.samples) / d.exactStd;
    return {
      d,
      end,
      z,
      sdRatio,
      ok: isClose(d.exact, formula, { abs: 1e-5, rel: 1e-5 }) && Math.abs(z) <= 4 && d.exactStd > 0 &&
        isClose(sdRatio, 1, { rel: 0.05 }),
    };
  });
  const { d, end, z } = rows[0];
  return {
    pass: rows.every((r) => r.ok),
    measured: record([
      ["E[a] over the 4 masks", d.exact],
      ...d.masks.map((m) => [`a, mask (${m.mask.join(",")})`, m.a] as [string, number]),
      [`Monte Carlo, ${end.samples} masks`, end.mean],
      ["MC error in standard errors", z],
    ]),
    expected: record([["E[a] = p·(w1·x + w2·y)", formula]]),
    tolerance: "exact E[a] within float32 rounding (1e-5); every seed: the Monte-Carlo mean within 4 standard errors " +
      "of it, and its estimated sd within ±5% of the exact sd over masks",
    summary:
      `With w = (${w1}, ${w2}), input (${x}, ${y}) and p = ${p.keep}, the four masks give E[a] = ${fmt(d.exact)} ` +
      `= ${p.keep === 0.5 ? "½" : p.keep}·(w1·x + w2·y); ${end.samples} random masks give ${fmt(end.mean)} ± ${
        fmt(1.96 * end.stdErr)
      } (95%).`,
  };
}

function d4(runs: Runs, p: P) {
  const tol = 5 * Math.sqrt(2 / p.expectUnits);
  const ok = runs.every(({ data: { d4 } }) =>
    (["vanilla", "inverted"] as const).every((k) => Math.abs(d4.meanZ2[k] - 1) <= tol && d4.wrongZ2[k] > 1 + tol) &&
    d4.library.keptMaxRelErr <= 1e-6 && d4.library.testMaxDiff === 0 &&
    isClose(d4.library.zeroFraction, 1 - p.keep, { abs: 4 * Math.sqrt(p.keep * (1 - p.keep) / p.expectUnits) })
  );
  const d = runs[0].data.d4;
  return {
    pass: ok,
    measured: record([
      ["vanilla: mean z² (train avg vs test ·p)", d.meanZ2.vanilla],
      ["inverted: mean z² (train avg vs test)", d.meanZ2.inverted],
      ["vanilla without test scaling: mean z²", d.wrongZ2.vanilla],
      ["tf.layers.dropout kept / (h/p) − 1, max", d.library.keptMaxRelErr],
      ["tf.layers.dropout zero fraction", d.library.zeroFraction],
      ["tf.layers.dropout test |out − in|, max", d.library.testMaxDiff],
      ["tf.layers.dropout same mask on 2 calls (fixed seed)", d.library.sameMaskTwice],
    ]),
    expected: record([
      ["mean z² (unbiased)", 1],
      ["wrong pairing", `> ${fmt(1 + tol)}`],
      ["kept outputs", "h / p (inverted)"],
      ["zero fraction", 1 - p.keep],
      ["test |out − in|", 0],
    ]),
    tolerance: `every seed: |mean z² − 1| ≤ ${fmt(tol)} (5 sd of a mean of ${p.expectUnits} χ²₁ values, ` +
      `${p.expectSamples} masks per unit); kept outputs h/p within 1e-6; test output identical; zero fraction within 4 sd`,
    summary: `Averaged over ${p.expectSamples} masks, vanilla (test ·p) and inverted (train /p) dropout match their ` +
      `test outputs up to sampling noise (mean z² ${fmt(d.meanZ2.vanilla)}, ${fmt(d.meanZ2.inverted)}), while ` +
      `vanilla without test scaling is off by mean z² ${fmt(d.wrongZ2.vanilla)}. tf.layers.dropout({rate: 1 − p}) ` +
      `is inverted dropout: kept units become h/p, inference returns the input unchanged` +
      (d.library.sameMaskTwice ? "; with a fixed seed it reuses the same mask on every call." : "."),
  };
}

function d5(runs: Runs, p: P) {
  const d = runs[0].data.d5;
  const consistent = d.digits - 1 === Math.floor(d.log10);
  const lecture = p.maskUnits === 4096;
  return {
    pass: consistent && (!lecture || Math.round(d.log10) === LECTURE_MASK_EXPONENT),
    measured: record([["n·log10 2", d.log10], ["decimal digits of 2^n (exact integer)", d.digits]]),
    expected: record([["log10 of 2^n", lecture ? LECTURE_MASK_EXPONENT : "digits − 1 = floor(n·log10 2)"]]),
    tolerance: "exact: digits − 1 = floor(n·log10 2)" + (lecture ? ", rounded exponent = 1233" : ""),
    summary: `A layer of ${p.maskUnits} units has 2^${p.maskUnits} = 10^${d.log10.toFixed(3)} masks ` +
      `(a ${d.digits}-digit number), against ~10^82 atoms in the universe.`,
  };
}

function d6(runs: Runs) {
  const rows = runs.map(({ data: { d6 } }) => {
    const relu = last(d6.relu.points), linear = last(d6.linear.points);
    return {
      relu,
      linear,
      ok: relu.gap > 2 * relu.stdErr && relu.gap < d6.relu.singlePass && relu.gap < d6.relu.points[0].gap &&
        linear.gap <= 1.5 * linear.stdErr,
      d6,
    };
  });
  const { relu, linear, d6 } = rows[0];
  return {
    pass: rows.every((r) => r.ok),
    measured: record([
      [`ReLU net: RMS gap after ${relu.samples} masks`, relu.gap],
      ["ReLU net: MC standard error", relu.stdErr],
      ["ReLU net: RMS gap of a single pass", d6.relu.singlePass],
      ["ReLU net: relative gap", relu.gap / d6.relu.outputRms],
      ["linear control: gap / standard error", linear.gap / linear.stdErr],
      ["ReLU net: same predicted class", d6.relu.agreement],
    ]),
    expected: record([
      ["ReLU gap", "> 2 standard errors (not exact), < single pass and < the first checkpoint's gap (approaches)"],
      ["linear control", "gap ≤ 1.5 standard errors (exact in expectation)"],
    ]),
    tolerance: "every seed. Were the average exact, the RMS gap would be sampling noise alone, ≈ 1 standard error " +
      "(as in the linear control); 2 is far outside that for thousands of outputs",
    summary: `On the dropout-trained net, the mean of ${relu.samples} training-time passes ` +
      `is ${fmt(relu.gap)} (RMS logit) from the test-time output, ${fmt(relu.gap / relu.stdErr)} standard errors: ` +
      `close (one pass is off by ${
        fmt(d6.relu.singlePass)
      }) but not exact, because the ReLUs are nonlinear; with the ` +
      `ReLUs removed the gap is ${fmt(linear.gap / linear.stdErr)} standard errors, sampling noise only.`,
  };
}

function d7(runs: Runs) {
  const gap = (n: RegData["d7"]["none"]) => n.val.loss - n.train.loss;
  const rule = seedsFraction(runs, (d) => gap(d.d7.dropout) < gap(d.d7.none), 0.8);
  const m = (f: (d: RegData) => number) => mean(runs.map((r) => f(r.data)));
  return {
    pass: rule.pass,
    measured: {
      ...(record([
        ["gap without dropout (val − train loss)", m((d) => gap(d.d7.none))],
        ["gap with dropout", m((d) => gap(d.d7.dropout))],
        ["val accuracy without dropout", m((d) => d.d7.none.val.accuracy)],
        ["val accuracy with dropout", m((d) => d.d7.dropout.val.accuracy)],
      ]) as Record<string, number>),
      ...rule.perSeed,
    },
    expected: "gap with dropout < gap without",
    tolerance: rule.rule,
    summary: `Dropout narrowed the train/validation loss gap in ${rule.held} of ${rule.total} seeds (mean ` +
      `${fmt(m((d) => gap(d.d7.none)))} → ${fmt(m((d) => gap(d.d7.dropout)))}); validation accuracy ` +
      `${fmt(m((d) => d.d7.none.val.accuracy))} → ${fmt(m((d) => d.d7.dropout.val.accuracy))}.`,
  };
}

/** The claims D1–D7. */
export const regularizationClaims: Claim<RegData, P>[] = [
  {
    id: "D1",
    kind: "value",
    statement: "The regularized loss is data loss + λ·R(θ): at tiny init the L2 term 0.5·λ·ΣW² lifts the lecture's " +
      "2.30 to 3.07 at λ = 1e3; the L1 term λ·Σ|W| likewise.",
    check: d1,
  },
  {
    id: "D2",
    kind: "value",
    statement: "Dropout with keep probability p zeroes a fraction ≈ 1 − p of the units in each forward pass.",
    check: d2,
  },
  {
    id: "D3",
    kind: "value",
    statement: "The slide's single neuron a = w1·x + w2·y: averaged over its four masks at p = 0.5, " +
      "E[a] = ½(w1·x + w2·y); a Monte-Carlo average over random masks converges to it.",
    check: d3,
  },
  {
    id: "D4",
    kind: "value",
    statement:
      "Vanilla dropout (scale by p at test) and inverted dropout (divide by p in training) give a test output " +
      "equal to the expected training output; the library's dropout layer is inverted dropout.",
    check: d4,
  },
  {
    id: "D5",
    kind: "value",
    statement: "An FC layer with 4096 units has 2^4096 ≈ 10^1233 possible masks.",
    check: d5,
  },
  {
    id: "D6",
    kind: "behaviour",
    statement: "On a deep nonlinear net the average of training-time outputs over masks approaches the weight-scaled " +
      "test-time output, but not exactly.",
    check: d6,
  },
  {
    id: "D7",
    kind: "statistical",
    statement: "Dropout narrows the train/validation gap of an over-parameterized net trained on a small subset of " +
      "real digits.",
    check: d7,
  },
];
