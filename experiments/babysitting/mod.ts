/**
 * Babysitting the learning process (claims G1–G5, H1): the lecture's 2-layer net and its sanity
 * checks. The data is loaded by lib/data (this file does no I/O): `--set babysitting.data=idx`.
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { fmt, record } from "../../lib/checks.ts";
import { type DataInfo, dataParamSpecs, prepareData } from "../../lib/data/prepare.ts";
import { initTwoLayerModel, lossAndGrads, type TwoLayerModel } from "../../lib/nn/two_layer_net.ts";
import { type EpochRow, train } from "../../lib/nn/classifier_trainer.ts";
import { gradCheck, type GradCheckResult } from "./grad_check.ts";
import { num } from "../../lib/nn/real.ts";
import { babysittingCharts, babysittingTables } from "./report.ts";
import { classifyRun, g4Verdict, g5Verdict } from "./claims.ts";

const params = {
  ...dataParamSpecs({ train: [8000, 8000], val: [1000, 1000], inputs: ["lecture", "lecture"] }),
  hidden: { ci: 50, full: 50, min: 1, max: 4096, integer: true, doc: "Hidden units (the lecture: 50)." },
  initStd: { ci: 1e-4, full: 1e-4, min: 0, max: 1, doc: "Weight init W = initStd·randn (the lecture: 1e-4)." },
  highReg: { ci: 1e3, full: 1e3, min: 0, doc: "The 'crank up regularization' value of G2 (the lecture: 1e3)." },
  overfitN: { ci: 20, full: 20, min: 1, max: 1000, integer: true, doc: "Examples of the overfitting check (G3)." },
  overfitEpochs: { ci: 200, full: 200, min: 1, integer: true, doc: "Full-batch epochs of G3 (the lecture: 200)." },
  overfitLr: { ci: 1e-3, full: 1e-3, min: 0, doc: "Learning rate of G3 (the lecture: 1e-3)." },
  epochs: { ci: 10, full: 10, min: 1, integer: true, doc: "Epochs of each learning-rate run (the lecture: 10)." },
  batchSize: { ci: 100, full: 100, min: 1, integer: true, doc: "Minibatch size (the lecture: 100)." },
  runReg: { ci: 1e-6, full: 1e-6, min: 0, doc: "Regularization of the learning-rate runs (the lecture: 1e-6)." },
  lowLr: { ci: 1e-6, full: 1e-6, min: 0, doc: "The 'too low' learning rate of G4 (the lecture: 1e-6)." },
  lectureLr: { ci: 3e-3, full: 3e-3, min: 0, doc: "The 'still too high' rate of G5 (the lecture: 3e-3)." },
  hugeLr: { ci: 1e6, full: 1e6, min: 0, doc: "The 'NaN' learning rate of G5 (the lecture: 1e6)." },
  sweepLrs: {
    ci: [1e-4, 1e-2],
    full: [1e-7, 1e-5, 1e-4, 1e-3, 1e-2, 3e-2],
    min: 0,
    doc: "More learning rates run alongside lowLr, lectureLr and hugeLr to locate the workable range (G5).",
  },
  gradCheckEntries: { ci: 8, full: 40, min: 1, integer: true, doc: "Entries per parameter in the H1 check." },
  gradCheckRows: { ci: 5, full: 20, min: 1, integer: true, doc: "Training examples in the H1 check's loss." },
  gradCheckH: { ci: 1e-5, full: 1e-5, min: 1e-12, max: 1, doc: "Step h of the centred differences (H1)." },
};
/** The resolved parameters. */
export type BabysitParams = { [K in keyof typeof params]: (typeof params)[K]["ci"] };

/** One learning-rate run: the epoch table of the lecture. */
export interface LrRun {
  lr: number;
  rows: EpochRow[];
}

/** What one seed produces. */
export interface BabysitData {
  data: DataInfo;
  /** G1/G2 at the lecture's sizes (3,072 inputs). */
  lectureSize: { D: number; inputs: string; dataLoss: number; sumSqW: number; lossHighReg: number; logitRange: number };
  overfit: EpochRow[];
  lrRuns: LrRun[];
  gradCheck: { init: GradCheckResult[]; trained: GradCheckResult[] };
}

function sumSq(m: TwoLayerModel): number {
  let s = 0;
  for (const w of m.W1) s += w * w;
  for (const w of m.W2) s += w * w;
  return s;
}

/** The learning rates run, sorted, without duplicates. */
export function runLrs(p: BabysitParams): number[] {
  return [...new Set([p.lowLr, p.lectureLr, p.hugeLr, ...p.sweepLrs])].sort((a, b) => a - b);
}

const LN10 = Math.log(10);

export default defineExperiment({
  id: "babysitting",
  title: "Babysitting the learning process: the 2-layer net's sanity checks",
  lecture: ["Babysitting the learning process", "Double check that the loss is reasonable", "Let's try to train now"],
  summary: "The lecture's 2-layer net (50 hidden ReLU units, W = 1e-4·randn, softmax loss + 0.5·reg·ΣW²) is " +
    "checked before any search: the initial loss is ln(10) ≈ 2.30 for 10 classes, cranking up the " +
    "regularization raises it (3.07 at reg 1e3), 20 examples can be overfitted to 100% accuracy, and the " +
    "learning rate is bracketed: 1e-6 barely moves the loss, 1e6 gives NaN, too high a rate explodes, " +
    "leaving a rough range of [1e-5, 1e-3]. Images are mean-subtracted raw pixels, as in the lecture.",
  params,
  seeds: { ci: 1, full: 2 },
  async run({ tf, params: p, rng, progress }): Promise<BabysitData> {
    const lrs = runLrs(p);
    const total = 3 + lrs.length;
    progress(0, total, "loading data");
    const prepared = await prepareData(p, rng.fork("split"));
    const { train: tr, val, info } = prepared;
    const big = p.inputs === "lecture" ? prepared : await prepareData({ ...p, inputs: "lecture" }, rng.fork("split"));

    progress(1, total, "initial loss (G1, G2)");
    const m0 = initTwoLayerModel(big.train.D, p.hidden, big.info.classes, rng.fork("init-lecture"), p.initStd);
    const r0 = lossAndGrads(m0, big.train, big.train.y, 0, false);
    const rHigh = lossAndGrads(m0, big.train, big.train.y, p.highReg, false);
    let range = 0;
    for (let i = 0; i < big.train.N; i++) {
      const c = big.info.classes, s = r0.scores.subarray(i * c, (i + 1) * c);
      range += Math.max(...s) - Math.min(...s);
    }
    const lectureSize = {
      D: big.train.D,
      inputs: big.info.inputs,
      dataLoss: r0.dataLoss,
      sumSqW: sumSq(m0),
      lossHighReg: rHigh.loss,
      logitRange: range / big.train.N,
    };

    progress(2, total, "overfitting 20 examples (G3)");
    const tiny = { X: tr.X.subarray(0, p.overfitN * tr.D), y: tr.y.subarray(0, p.overfitN), N: p.overfitN, D: tr.D };
    const mTiny = initTwoLayerModel(tr.D, p.hidden, info.classes, rng.fork("init-overfit"), p.initStd);
    const gcRng = rng.fork("gradcheck");
    const gcBatch = { X: tr.X.subarray(0, p.gradCheckRows * tr.D), N: p.gradCheckRows };
    const gcY = tr.y.subarray(0, p.gradCheckRows);
    const gcOpts = { entries: p.gradCheckEntries, h: p.gradCheckH, rng: gcRng };
    const gcInit = gradCheck(mTiny, gcBatch, gcY, p.highReg, gcOpts); // the L2 gradient dominates here
    const overfit = await train(tf, mTiny, tiny, tiny, {
      reg: 0,
      learningRate: p.overfitLr,
      sampleBatches: false,
      numEpochs: p.overfitEpochs,
      learningRateDecay: 1,
    }, rng.fork("overfit"));
    const gcTrained = gradCheck(mTiny, gcBatch, gcY, p.runReg, gcOpts);

    const lrRuns: LrRun[] = [];
    for (const [i, lr] of lrs.entries()) {
      progress(3 + i, total, `learning rate ${fmt(lr)} (G4, G5)`);
      const m = initTwoLayerModel(tr.D, p.hidden, info.classes, rng.fork("init-lr"), p.initStd);
      const rows = await train(tf, m, tr, val, {
        reg: p.runReg,
        learningRate: lr,
        numEpochs: p.epochs,
        batchSize: p.batchSize,
        learningRateDecay: 1,
        stopOnNonFinite: true,
      }, rng.fork(`lr-${lr}`));
      lrRuns.push({ lr, rows });
    }
    progress(total, total, "done");
    return { data: info, lectureSize, overfit, lrRuns, gradCheck: { init: gcInit, trained: gcTrained } };
  },
  claims: [
    {
      id: "G1",
      kind: "value",
      statement:
        "With reg = 0 the freshly initialised net's loss is ln(10) ≈ 2.3026 for 10 classes (lecture: 2.30261).",
      check(runs) {
        const losses = runs.map((r) => r.data.lectureSize.dataLoss);
        const worst = losses.reduce((a, b) => (Math.abs(b - LN10) > Math.abs(a - LN10) ? b : a));
        const range = Math.max(...runs.map((r) => r.data.lectureSize.logitRange));
        return {
          pass: Math.abs(worst - LN10) <= 1e-3 && Math.abs(worst - 2.30261) <= 1e-3,
          measured: record([["initial loss (worst seed)", worst], ["mean logit range", range]]),
          expected: record([["ln(10)", LN10], ["lecture", 2.30261]]),
          tolerance: "±1e-3 from both: with W = 1e-4·randn the scores are ~1e-4, and |loss − ln 10| ≤ the logit range",
          summary: `The initial loss is ${worst.toFixed(6)} against ln(10) = ${LN10.toFixed(6)}: the logits span only ${
            fmt(range)
          } on average, so the softmax is almost uniform.`,
        };
      },
    },
    {
      id: "G2",
      kind: "value",
      statement:
        "Cranking up the regularization to reg = 1e3 raises the initial loss to the data loss plus 0.5·reg·ΣW² (lecture: 3.0686 at 3,072 inputs, 50 hidden, 10 classes).",
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
          }, exactly the data loss plus the measured L2 term; the expectation ln 10 + ${fmt(expectL2)} = ${
            fmt(expected)
          }${lectureSizes ? ", the lecture printed 3.0686" : ""}.`,
        };
      },
    },
    {
      id: "G3",
      kind: "behaviour",
      statement:
        "The net overfits 20 training examples (reg 0, plain SGD on the full batch, lr 1e-3, 200 epochs): training accuracy 1.00 and the loss near 0.",
      check(runs) {
        const finals = runs.map((r) => r.data.overfit[r.data.overfit.length - 1]);
        const acc = Math.min(...finals.map((f) => f.trainAcc)), loss = Math.max(...finals.map((f) => num(f.cost)));
        return {
          pass: acc === 1 && loss <= 0.01 * LN10,
          measured: record([["final training accuracy", acc], ["final cost", loss]]),
          expected: record([["final training accuracy", 1], ["final cost", "≤ 0.023 (lecture 0.0026)"]]),
          tolerance: "accuracy exactly 1.00; cost ≤ 1% of the initial ln 10, every seed",
          summary: `After ${runs[0].data.overfit.length - 1} epochs the 20 examples are fitted with accuracy ${
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
      check: (runs, p) => g4Verdict(runs.map((r) => r.data), p),
    },
    {
      id: "G5",
      kind: "behaviour",
      statement:
        "lr 1e6 gives a NaN/inf cost from the first epoch; too high a rate makes the cost explode (the lecture's 3e-3 on CIFAR-10: judged as such only on CIFAR-10 at 3,072 inputs, reported otherwise); the workable range is about [1e-5, 1e-3].",
      check: (runs, p) => g5Verdict(runs.map((r) => r.data), p),
    },
    {
      id: "H1",
      kind: "value",
      statement:
        "The analytic gradients of the 2-layer net match centred finite differences: at initialisation with reg 1e3 (where the L2 gradient dominates) and after the G3 training with reg 1e-6 (where the data gradient does).",
      check(runs) {
        const all = runs.flatMap((r) => [...r.data.gradCheck.init, ...r.data.gradCheck.trained]);
        const rels = all.map((g) => num(g.maxRelError)).filter((x) => !Number.isNaN(x));
        const rel = rels.length ? Math.max(...rels) : NaN;
        const scaled = Math.max(...all.map((g) => g.maxScaledError));
        const checked = all.reduce((a, g) => a + g.entries - g.kinks, 0);
        const kinks = all.reduce((a, g) => a + g.kinks, 0);
        return {
          pass: checked > 0 && rel <= 1e-4 && scaled <= 1e-5,
          measured: record([["max relative error", rel], ["max error / largest gradient", scaled], [
            "entries checked",
            checked,
          ], ["skipped at ReLU kinks", kinks]]),
          expected: record([["max relative error", "≤ 1e-4"], ["max error / largest gradient", "≤ 1e-5"]]),
          tolerance: "relative error |a − n| / (|a| + |n|) ≤ 1e-4 on entries with a resolvable gradient (≥ 1% of the " +
            "array's largest; the course's bar for objectives with kinks — float64 rounding alone gives ~1e-6 on the " +
            "smallest gradients, b1's), and |a − n| / max|a| ≤ 1e-5 on every entry; a wrong gradient gives errors " +
            "~1; entries whose ±h crosses a ReLU kink are skipped and counted",
          summary: `Over ${checked} entries of W1, b1, W2, b2 (the largest gradients and random ones) the worst ` +
            `relative error is ${fmt(rel)} and the worst error relative to the largest gradient ${fmt(scaled)} ` +
            `(${kinks} entries skipped at ReLU kinks).`,
        };
      },
    },
  ],
  charts: (runs, p) => babysittingCharts(runs, p, classifyRun),
  tables: (runs, p) => babysittingTables(runs, p, classifyRun),
});
