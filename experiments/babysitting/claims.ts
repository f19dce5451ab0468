/**
 * The claims of the babysitting experiment: the initial loss (G1, G2), overfitting (G3), the
 * learning-rate bracket (G4, G5, judged in checks.ts) and the gradient check (H1).
 * @module
 */
import type { Claim } from "../../lib/experiment.ts";
import { fmt, record } from "../../lib/checks.ts";
import { num } from "../../lib/nn/real.ts";
import { g4Verdict, g5Verdict } from "./checks.ts";
import { h1Verdict } from "./h1_check.ts";
import type { P } from "./params.ts";
import type { BabysitData } from "./types.ts";

const LN10 = Math.log(10);

/** Every claim of the babysitting experiment. */
export const babysittingClaims: Claim<BabysitData, P>[] = [
  {
    id: "G1",
    kind: "value",
    statement: "With reg = 0 the freshly initialised net's loss is ln(10) ≈ 2.3026 for 10 classes (lecture: 2.30261).",
    falsifiers: [{
      name: "W = 0.01·randn",
      description: "the common 0.01·randn init instead of the lecture's 1e-4·randn: the scores are no longer tiny",
      set: { initStd: "0.01", sweepLrs: "1e6", overfitEpochs: "1" },
    }],
    check(runs) {
      const losses = runs.map((r) => r.data.lectureSize.dataLoss);
      const worst = losses.reduce((a, b) => (Math.abs(b - LN10) > Math.abs(a - LN10) ? b : a));
      const range = Math.max(...runs.map((r) => r.data.lectureSize.logitRange));
      const pass = Math.abs(worst - LN10) <= 1e-3 && Math.abs(worst - 2.30261) <= 1e-3;
      return {
        pass,
        measured: record([["initial loss (worst seed)", worst], ["mean logit range", range]]),
        expected: record([["ln(10)", LN10], ["lecture", 2.30261]]),
        tolerance: "±1e-3 from both: with W = 1e-4·randn the scores are ~1e-4, and |loss − ln 10| ≤ the logit range",
        summary: `The initial loss is ${worst.toFixed(6)} against ln(10) = ${LN10.toFixed(6)}: the logits span ${
          fmt(range)
        } on average, ${pass ? "so the softmax is almost uniform" : "too much for a uniform softmax"}.`,
      };
    },
  },
  {
    id: "G2",
    kind: "value",
    statement:
      "Cranking up the regularization to reg = 1e3 raises the initial loss to the data loss plus 0.5·reg·ΣW² (lecture: 3.0686 at 3,072 inputs, 50 hidden, 10 classes).",
    falsifiers: [{
      name: "L2 term without the ½",
      description: "the loss adds reg·ΣW² instead of the lecture's 0.5·reg·ΣW²",
      set: { fault: "l2-no-half", epochs: "1", overfitEpochs: "1", sweepLrs: "1e6" },
    }],
    check(runs, p) {
      const parts = runs.map((r) => {
        const s = r.data.lectureSize, sum = s.dataLoss + 0.5 * p.highReg * s.sumSqW;
        return { measured: s.lossHighReg, sum, D: s.D, nW: s.D * p.hidden + p.hidden * 10 };
      });
      const identity = Math.max(...parts.map((x) => Math.abs(x.measured - x.sum)));
      const nW = parts[0].nW;
      // E[ΣW²] = nW·std², sd = std²·sqrt(2·nW) (chi-square); the L2 term scales both by 0.5·reg.
      const expectL2 = 0.5 * p.highReg * nW * p.initStd ** 2;
      const sdL2 = 0.5 * p.highReg * p.initStd ** 2 * Math.sqrt(2 * nW);
      const expected = LN10 + expectL2;
      const lectureSizes = p.hidden === 50 && parts[0].D === 3072 && p.highReg === 1e3 && p.initStd === 1e-4;
      const worst = parts.reduce((
        a,
        b,
      ) => (Math.abs(b.measured - expected) > Math.abs(a.measured - expected) ? b : a));
      const tol = 4 * sdL2 + 1e-3;
      const okExpected = Math.abs(worst.measured - expected) <= tol;
      const okLecture = !lectureSizes || Math.abs(worst.measured - 3.0686) <= tol;
      return {
        pass: identity <= 1e-9 && okExpected && okLecture,
        measured: record([["loss at reg 1e3", worst.measured], ["data loss + 0.5·reg·ΣW² − loss", identity]]),
        expected: record([["ln 10 + E[L2 term]", expected], [
          "lecture",
          lectureSizes ? 3.0686 : "n/a at these sizes",
        ]]),
        tolerance: `identity to 1e-9; ±${fmt(tol)} (4 sd of the L2 term, sd ${fmt(sdL2)}, + 1e-3) from ${
          lectureSizes ? "both values" : "the expectation"
        }`,
        summary: `With ${runs[0].data.lectureSize.inputs} as input, reg ${fmt(p.highReg)} raises the loss to ${
          fmt(worst.measured)
        }, ${
          identity <= 1e-9
            ? "the data loss plus the measured 0.5·reg·ΣW²"
            : `${fmt(identity)} away from the data loss plus 0.5·reg·ΣW²`
        }; the expectation ln 10 + ${fmt(expectL2)} = ${fmt(expected)}${
          lectureSizes ? ", the lecture printed 3.0686" : ""
        }.`,
      };
    },
  },
  {
    id: "G3",
    kind: "behaviour",
    statement:
      "The net overfits 20 training examples (reg 0, plain SGD on the full batch, lr 1e-3, 200 epochs): training accuracy 1.00 and the loss near 0.",
    falsifiers: [{
      name: "learning rate ×10 inside the net",
      description: "every training call applies 10× the learning rate it is named with (a unit slip)",
      set: { fault: "lr-x10" },
    }],
    check(runs) {
      const finals = runs.map((r) => r.data.overfit[r.data.overfit.length - 1]);
      const acc = Math.min(...finals.map((f) => f.trainAcc)), loss = Math.max(...finals.map((f) => num(f.cost)));
      return {
        pass: acc === 1 && loss <= 0.01 * LN10,
        measured: record([["final training accuracy", acc], ["final cost", loss]]),
        expected: record([["final training accuracy", 1], ["final cost", "≤ 0.023 (lecture 0.0026)"]]),
        tolerance: "accuracy exactly 1.00; cost ≤ 1% of the initial ln 10, every seed",
        summary: `After ${runs[0].data.overfit.length - 1} epochs on the 20 examples the training accuracy is ${
          fmt(acc)
        } and cost ${fmt(loss)}.`,
      };
    },
  },
  {
    id: "G4",
    kind: "behaviour",
    statement:
      "With lr 1e-6 the loss barely moves in 10 epochs while the accuracy still rises above chance, because the scores stay tiny: the loss is pinned within the logit range of ln 10 while the accuracy only needs their order.",
    falsifiers: [{
      name: "W = 0.01·randn",
      description: "the common 0.01·randn init instead of the lecture's 1e-4·randn: the scores are no longer tiny",
      set: { initStd: "0.01", sweepLrs: "1e6", overfitEpochs: "1" },
    }],
    check: (runs, p) => g4Verdict(runs.map((r) => r.data), p),
  },
  {
    id: "G5",
    kind: "behaviour",
    statement:
      "lr 1e6 gives a NaN/inf cost from the first epoch; too high a rate makes the cost explode (the lecture's 3e-3 on CIFAR-10: judged as such only on CIFAR-10 at 3,072 inputs, reported otherwise); the workable range is about [1e-5, 1e-3].",
    falsifiers: [{
      name: "learning rate ×10 inside the net",
      description: "every training call applies 10× the learning rate it is named with (a unit slip)",
      set: { fault: "lr-x10" },
    }],
    check: (runs, p) => g5Verdict(runs.map((r) => r.data), p),
  },
  {
    id: "H1",
    kind: "value",
    statement:
      "The analytic gradients of the 2-layer net match centred finite differences: at initialisation with reg 1e3 (where the L2 gradient dominates) and after the G3 training with reg 1e-6 (where the data gradient does), for the float64 reference net and for the tfjs net that trains (at G3's first step and after G3).",
    falsifiers: [{
      name: "ReLU mask dropped in the training net's backward pass",
      description: "the tfjs net's backward pass lets the gradient through inactive ReLUs (relu' taken as 1)",
      set: { fault: "relu-mask", epochs: "1", sweepLrs: "1e6" },
    }],
    check: (runs) => h1Verdict(runs.map((r) => r.data)),
  },
];
