/**
 * The init experiment's claims C1–C8: symmetry under constant init, the activation std tables,
 * saturation, Var(y) = Din·Var(x)·Var(w), ReLU collapse, the Kaiming erratum and conv fan-in.
 * @module
 */
import type { Claim, SeedRun } from "../../lib/experiment.ts";
import { approx, approxAll, fmt, isMonotone, mean, meanOverSeeds, record } from "../../lib/checks.ts";
import { atLectureSize, LECTURE_STD, type NetName, predicted, stds } from "./nets.ts";
import type { P } from "./params.ts";
import type { InitData } from "./types.ts";

/** C2 and C4: measured stds against the variance recursion, and the lecture's table at its size. */
function stdTableCheck(
  runs: readonly SeedRun<InitData>[],
  p: P,
  net: NetName,
  lecture: number[],
  lectureApplies: boolean,
) {
  const measured = stds(runs, net);
  const theory = approxAll(measured, predicted(net, p), { abs: 0.02, rel: 0.1 });
  const slide = lectureApplies ? approxAll(measured, lecture, { abs: 0.02 }) : undefined;
  return {
    pass: theory.pass && (slide?.pass ?? true),
    measured: theory.measured,
    expected: slide ? slide.expected : theory.expected,
    tolerance: slide
      ? `±0.02 per layer against the slide's table, and ${theory.tolerance} against the variance recursion ${
        JSON.stringify(theory.expected)
      }`
      : `${theory.tolerance} per layer against the variance recursion (the slide's table is for width 4096, depth 6 only)`,
  };
}

/** The claims C1–C8 of the init experiment. */
export const initClaims: Claim<InitData, P>[] = [
  {
    id: "C1",
    kind: "behaviour",
    statement:
      "With constant initialization every hidden unit stays identical through training, so the net cannot fit more than a one-unit model (noisy XOR).",
    check(runs) {
      const diff = Math.max(...runs.map((r) => r.data.symmetry.constant.maxUnitDiff));
      const accC = mean(runs.map((r) => r.data.symmetry.constant.accuracy));
      const accR = mean(runs.map((r) => r.data.symmetry.random.accuracy));
      return {
        pass: diff <= 1e-6 && accC <= 0.8 && accR >= accC + 0.15,
        measured: record([["max unit difference", diff], ["accuracy, constant init", accC], [
          "accuracy, random init",
          accR,
        ]]),
        expected: record([
          ["max unit difference", 0],
          ["accuracy, constant init", "≤ 0.8 (one unit: ≤ 0.75 on XOR)"],
          ["accuracy, random init", "≥ constant + 0.15"],
        ]),
        tolerance: "unit difference ≤ 1e-6 (float32 rounding); accuracies as stated, mean over seeds",
        summary: `After training, hidden units differ by at most ${fmt(diff)}; constant init reaches ${
          fmt(accC)
        } accuracy against ${fmt(accR)} for random init.`,
      };
    },
  },
  {
    id: "C2",
    kind: "value",
    statement:
      "With W = 0.01·randn and tanh, the activations tend to zero layer by layer: std 0.49, 0.29, 0.18, 0.11, 0.07, 0.05 on the slide, mean ≈ 0. (The slide's 'dL/dW all zero' is reported, not judged: see the gradient chart.)",
    check(runs, p) {
      const t = stdTableCheck(runs, p, "small-tanh", LECTURE_STD.small, atLectureSize(p) && p.smallScale === 0.01);
      const g = (n: NetName) => meanOverSeeds(runs.map((r) => r.data.nets[n].map((l) => l.gradMeanAbs)));
      const ratio = g("small-tanh").map((x, i) => x / g("xavier-tanh")[i]);
      const meanAbs = Math.max(...runs.flatMap((r) => r.data.nets["small-tanh"].map((l) => Math.abs(l.mean))));
      return {
        ...t,
        pass: t.pass && meanAbs < 0.02,
        tolerance: `${t.tolerance}; |mean| < 0.02 in every layer`,
        summary: `Measured std per layer ${JSON.stringify(t.measured)}, largest |mean| ${fmt(meanAbs)}. ` +
          `Mean |dL/dW| is ${fmt(Math.min(...ratio))}–${
            fmt(Math.max(...ratio))
          } × Xavier's per layer: small, but not zero at this depth.`,
      };
    },
  },
  {
    id: "C3",
    kind: "behaviour",
    statement:
      "With W = 0.05·randn and tanh, activations saturate (most |a| near 1) and the local gradients 1 − a² are near zero.",
    check(runs) {
      const sat = meanOverSeeds(runs.map((r) => r.data.nets["large-tanh"].map((l) => l.saturated)));
      const local = meanOverSeeds(runs.map((r) => r.data.nets["large-tanh"].map((l) => l.localGrad)));
      const xavierLocal = meanOverSeeds(runs.map((r) => r.data.nets["xavier-tanh"].map((l) => l.localGrad)));
      return {
        pass: sat.every((s) => s > 0.5) && local.every((g, i) => g < 0.5 * xavierLocal[i]),
        measured: record([["fraction |a| > 0.9, min over layers", Math.min(...sat)], [
          "mean local gradient, max over layers",
          Math.max(...local),
        ]]),
        expected: record([["fraction |a| > 0.9, min over layers", "> 0.5"], [
          "mean local gradient, max over layers",
          `< half of Xavier's (${fmt(Math.min(...xavierLocal) / 2)})`,
        ]]),
        tolerance: "every layer, mean over seeds",
        summary: `Between ${fmt(Math.min(...sat))} and ${
          fmt(Math.max(...sat))
        } of activations have |a| > 0.9; mean 1 − a² is at most ${fmt(Math.max(...local))}.`,
      };
    },
  },
  {
    id: "C4",
    kind: "value",
    statement:
      "Xavier init (randn/sqrt(Din)) with tanh keeps activations well scaled: std 0.63, 0.49, 0.41, 0.36, 0.32, 0.30 on the slide.",
    check(runs, p) {
      const t = stdTableCheck(runs, p, "xavier-tanh", LECTURE_STD.xavier, atLectureSize(p));
      return { ...t, summary: `Measured std per layer ${JSON.stringify(t.measured)}.` };
    },
  },
  {
    id: "C5",
    kind: "value",
    statement: "For y = Wx with independent zero-mean x and w, Var(y) = Din · Var(x) · Var(w).",
    check(runs) {
      const rows = runs.flatMap((r) => r.data.variance);
      const ratios = rows.map((v) => v.varY / (v.din * v.varX * v.varW));
      const worst = ratios.reduce((a, b) => (Math.abs(b - 1) > Math.abs(a - 1) ? b : a));
      return {
        ...approx(worst, 1, { rel: 0.05 }),
        measured: record([["worst Var(y) / (Din·Var(x)·Var(w))", worst], ["layers", rows.length]]),
        tolerance: "±5% for every Din and seed",
        summary: `Over Din ∈ {${
          [...new Set(rows.map((v) => v.din))].join(", ")
        }}, Var(y)/(Din·Var(x)·Var(w)) stays within ${fmt(Math.abs(worst - 1) * 100)}% of 1.`,
      };
    },
  },
  {
    id: "C6",
    kind: "behaviour",
    statement: "Xavier init with ReLU: activations collapse towards zero, the std falling by about 1/√2 per layer.",
    check(runs, p) {
      const s = stds(runs, "xavier-relu");
      const ratios = s.slice(1).map((x, i) => x / s[i]);
      const expectedRatios = predicted("xavier-relu", p).slice(1).map((x, i, a) =>
        x / (i === 0 ? predicted("xavier-relu", p)[0] : a[i - 1])
      );
      const r = approxAll(ratios, expectedRatios, { rel: 0.05 });
      return {
        pass: isMonotone(s, "decreasing") && r.pass,
        measured: r.measured,
        expected: r.expected,
        tolerance: `std strictly decreasing; layer-to-layer ratios ${r.tolerance} of the recursion's`,
        summary: `Std per layer ${JSON.stringify(s.map((x) => Number(x.toPrecision(3))))}: each layer keeps ${
          fmt(mean(ratios))
        } of the previous one's std on average.`,
      };
    },
  },
  {
    id: "C7",
    kind: "erratum",
    statement:
      "The Kaiming slide's code still divides by sqrt(Din) while its text says std = sqrt(2/Din): as printed it collapses like C6; with sqrt(2/Din) the std stays constant.",
    check(runs) {
      const printed = stds(runs, "kaiming-as-printed"), fixed = stds(runs, "kaiming-corrected");
      const collapse = printed[printed.length - 1] / printed[0];
      const spread = Math.max(...fixed) / Math.min(...fixed);
      return {
        pass: collapse < 0.5 && spread < 1.2,
        measured: record([["as printed: last/first std", collapse], ["corrected: max/min std", spread]]),
        expected: record([["as printed: last/first std", "< 0.5 (collapse)"], [
          "corrected: max/min std",
          "< 1.2 (constant)",
        ]]),
        tolerance: "as stated, mean over seeds",
        summary: `As printed the std falls to ${
          fmt(collapse)
        } of layer 1's by the last layer; with sqrt(2/Din) it varies by a factor ${fmt(spread)} only.`,
      };
    },
  },
  {
    id: "C8",
    kind: "value",
    statement:
      "For conv layers Din = kernel_size² · input_channels: std 1/sqrt(k²·C_in) keeps the activation variance, and tfjs's He/Glorot initializers use that fan-in.",
    check(runs, p) {
      const c = runs.map((r) => r.data.conv);
      const keep = mean(c.map((x) => x.fanInRight / x.inputVar));
      const wrong = mean(c.map((x) => x.fanInWrong / x.inputVar));
      const k2 = p.convKernel ** 2;
      const heK = mean(c.map((x) => x.he.ratioKernel)), heC = mean(c.map((x) => x.he.ratioChannels));
      const glorot = mean(c.map((x) => x.glorot.ratio));
      const wantK = ((p.convKernel + 2) / p.convKernel) ** 2;
      const wantGlorot = 1 / 3; // fan_in / ((fan_in + fan_out)/2) / 2 with C_out = 2·C_in
      const tol = { rel: 0.1 };
      const checks = [
        approx(keep, 1, tol),
        approx(wrong, k2, tol),
        approx(heK, wantK, tol),
        approx(heC, 4, tol),
        approx(glorot, wantGlorot, tol),
      ];
      return {
        pass: checks.every((x) => x.pass),
        measured: record([
          ["Var(out)/Var(in), std 1/sqrt(k²C)", keep],
          ["same, std 1/sqrt(C)", wrong],
          ["He var ratio k vs k+2", heK],
          ["He var ratio C vs 4C", heC],
          ["Glorot/He var", glorot],
        ]),
        expected: record([
          ["Var(out)/Var(in), std 1/sqrt(k²C)", 1],
          ["same, std 1/sqrt(C)", k2],
          ["He var ratio k vs k+2", wantK],
          ["He var ratio C vs 4C", 4],
          ["Glorot/He var", wantGlorot],
        ]),
        tolerance: "±10% each, mean over seeds",
        summary: `With std 1/sqrt(k²·C_in) the conv keeps ${
          fmt(keep)
        } of the input variance; leaving out k² multiplies it by ${
          fmt(wrong)
        }. tfjs's initializer variances scale as fan-in = k²·C_in predicts.`,
      };
    },
  },
];
