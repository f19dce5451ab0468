/**
 * The init experiment's claims C1–C8: symmetry under constant init, the activation std tables,
 * saturation, Var(y) = Din·Var(x)·Var(w), ReLU collapse, the Kaiming erratum and conv fan-in.
 * @module
 */
import type { Claim } from "../../lib/experiment.ts";
import { approx, fmt, mean, meanOverSeeds, record } from "../../lib/checks.ts";
import { atLectureSize, LECTURE_STD, type NetName } from "./nets.ts";
import { FALSIFIERS } from "./falsifiers.ts";
import { ratioCheck, RECURSION_REL, stdTableCheck } from "./std_checks.ts";
import type { P } from "./params.ts";
import type { InitData } from "./types.ts";

/** C2: the 0.01 net's mean |dL/dW| must be below this fraction of Xavier's in every layer ("≈ 0"). */
const GRAD_SMALL = 0.5;

/** The claims C1–C8 of the init experiment. */
export const initClaims: Claim<InitData, P>[] = [
  {
    id: "C1",
    falsifiers: FALSIFIERS.C1,
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
    falsifiers: FALSIFIERS.C2,
    kind: "value",
    statement:
      "With W = 0.01·randn and tanh, the activations tend to zero layer by layer: std 0.49, 0.29, 0.18, 0.11, 0.07, 0.05 on the slide, mean ≈ 0; and the gradients dL/dW are small (the slide: 'all zero').",
    check(runs, p) {
      const t = stdTableCheck(runs, p, "small-tanh", LECTURE_STD.small, atLectureSize(p) && p.smallScale === 0.01);
      const g = (n: NetName) => meanOverSeeds(runs.map((r) => r.data.nets[n].map((l) => l.gradMeanAbs)));
      const ratio = g("small-tanh").map((x, i) => x / g("xavier-tanh")[i]);
      const worst = Math.max(...ratio);
      const meanAbs = Math.max(...runs.flatMap((r) => r.data.nets["small-tanh"].map((l) => Math.abs(l.mean))));
      const parts = { "std per layer": t.pass, "mean ≈ 0": meanAbs < 0.02, "dL/dW small": worst < GRAD_SMALL };
      const pass = Object.values(parts).every((x) => x);
      return {
        ...t,
        pass,
        parts,
        measured: record([
          ["std per layer", JSON.stringify(t.measured)],
          ["largest |mean|", meanAbs],
          ["mean |dL/dW| ÷ Xavier's, largest over layers", worst],
        ]),
        expected: record([
          ["std per layer", JSON.stringify(t.expected)],
          ["largest |mean|", "< 0.02"],
          ["mean |dL/dW| ÷ Xavier's, largest over layers", `< ${GRAD_SMALL}`],
        ]),
        tolerance: `std: ${t.tolerance}; |mean| < 0.02 in every layer; mean |dL/dW| below ${GRAD_SMALL}× the ` +
          `Xavier-tanh net's (same inputs and upstream gradient) in every layer`,
        summary:
          `Measured std per layer ${JSON.stringify(t.measured)} (${
            parts["std per layer"] ? "within" : "outside"
          } the tolerance), largest |mean| ${fmt(meanAbs)}. Mean |dL/dW| is ${fmt(Math.min(...ratio))}–${
            fmt(worst)
          } × ` +
          `Xavier's per layer: ${parts["dL/dW small"] ? "small, though not zero" : "not small"}.`,
      };
    },
  },
  {
    id: "C3",
    falsifiers: FALSIFIERS.C3,
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
    falsifiers: FALSIFIERS.C4,
    kind: "value",
    statement:
      "Xavier init (randn/sqrt(Din)) with tanh keeps activations well scaled: std 0.63, 0.49, 0.41, 0.36, 0.32, 0.30 on the slide.",
    check(runs, p) {
      const t = stdTableCheck(runs, p, "xavier-tanh", LECTURE_STD.xavier, atLectureSize(p));
      return {
        ...t,
        summary: `Measured std per layer ${JSON.stringify(t.measured)}: ${
          t.pass ? "within" : "outside"
        } the tolerance of the Xavier prediction${atLectureSize(p) ? " and the slide's table" : ""}.`,
      };
    },
  },
  {
    id: "C5",
    falsifiers: FALSIFIERS.C5,
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
        }}, Var(y)/(Din·Var(x)·Var(w)) is at most ${fmt(Math.abs(worst - 1) * 100)}% from 1 (worst ${fmt(worst)}).`,
      };
    },
  },
  {
    id: "C6",
    falsifiers: FALSIFIERS.C6,
    kind: "behaviour",
    statement: "Xavier init with ReLU: activations collapse towards zero, the std falling by about 1/√2 per layer.",
    check(runs, p) {
      const r = ratioCheck(runs, p, "xavier-relu", true);
      return {
        pass: r.pass,
        measured: r.measured,
        expected: r.expected,
        tolerance: `std strictly decreasing; layer-to-layer ratios ${r.tolerance} of the variance recursion's ` +
          `for randn/sqrt(Din) (1/√2)`,
        summary: `Std per layer ${JSON.stringify(r.stds.map((x) => Number(x.toPrecision(3))))}: each layer keeps ${
          fmt(mean(r.ratios))
        } of the previous one's std on average (claimed 1/√2 ≈ 0.7071).`,
      };
    },
  },
  {
    id: "C7",
    falsifiers: FALSIFIERS.C7,
    kind: "erratum",
    statement:
      "The Kaiming slide's code still divides by sqrt(Din) while its text says std = sqrt(2/Din): as printed it collapses like C6; with sqrt(2/Din) the std stays constant.",
    check(runs, p) {
      const printed = ratioCheck(runs, p, "kaiming-as-printed", true);
      const fixed = ratioCheck(runs, p, "kaiming-corrected", false);
      const parts = { "as printed: collapses like C6": printed.pass, "sqrt(2/Din): std constant": fixed.pass };
      const range = (x: number[]) => `${fmt(Math.min(...x))}–${fmt(Math.max(...x))}`;
      return {
        pass: printed.pass && fixed.pass,
        parts,
        measured: record([
          ["as printed: std ratio per layer", JSON.stringify(printed.measured)],
          ["sqrt(2/Din): std ratio per layer", JSON.stringify(fixed.measured)],
        ]),
        expected: record([
          ["as printed: std ratio per layer", JSON.stringify(printed.expected)],
          ["sqrt(2/Din): std ratio per layer", JSON.stringify(fixed.expected)],
        ]),
        tolerance: `layer-to-layer std ratios ±${fmt(RECURSION_REL * 100)}% each of the variance recursion's ` +
          `(randn/sqrt(Din) as printed: 1/√2, with the std strictly decreasing; sqrt(2/Din): 1), mean over seeds`,
        summary: `As printed each layer keeps ${range(printed.ratios)} of the previous layer's std (${
          printed.pass ? "the collapse of C6" : "not the claimed 1/√2"
        }); with sqrt(2/Din) it keeps ${range(fixed.ratios)} (${fixed.pass ? "constant" : "not the claimed 1"}).`,
      };
    },
  },
  {
    id: "C8",
    falsifiers: FALSIFIERS.C8,
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
        } of the input variance; leaving out k² multiplies it by ${fmt(wrong)}. tfjs's initializer variances ${
          checks.slice(2).every((x) => x.pass)
            ? "scale as fan-in = k²·C_in predicts"
            : "do not all scale as fan-in = k²·C_in predicts"
        }.`,
      };
    },
  },
];
