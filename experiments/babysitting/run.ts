/**
 * The run of the babysitting experiment: the initial losses at the lecture's sizes (G1, G2),
 * overfitting a few examples (G3), one training run per learning rate (G4, G5) and the gradient
 * checks (H1).
 * @module
 */
import type { RunContext, SeedRun } from "../../lib/experiment.ts";
import { fmt } from "../../lib/checks.ts";
import { prepareData } from "../../lib/data/prepare.ts";
import { loadDataset } from "../../lib/data/load.ts";
import { initTwoLayerModel, lossAndGrads, type TwoLayerModel } from "../../lib/nn/two_layer_net.ts";
import { type EpochRow, train } from "../../lib/nn/classifier_trainer.ts";
import { gradCheck } from "./grad_check.ts";
import { tfGradCheck } from "./tf_grad_check.ts";
import { appliedLr, appliedReg, trainingTf } from "./faults.ts";
import type { P } from "./params.ts";
import type { BabysitData, LrRun } from "./types.ts";

function sumSq(m: TwoLayerModel): number {
  let s = 0;
  for (const w of m.W1) s += w * w;
  for (const w of m.W2) s += w * w;
  return s;
}

/** The learning rates run, sorted, without duplicates. */
export function runLrs(p: P): number[] {
  return [...new Set([p.lowLr, p.lectureLr, p.hugeLr, ...p.sweepLrs])].sort((a, b) => a - b);
}

/** Loads the data files the run reads (cached), so that bad data is found before any experiment runs. */
export async function loadInputs(p: P): Promise<void> {
  await loadDataset(p.data, p.dataDir, { limit: p.trainSize + p.valSize + p.testSize });
}

/** Runs one seed: every sanity check of the lecture on the prepared data. */
export async function run({ tf: backendTf, params: p, rng, progress }: RunContext<P>): Promise<BabysitData> {
  const tf = trainingTf(backendTf, p.fault);
  const lrs = runLrs(p);
  const total = 3 + lrs.length;
  progress(0, total, "loading data");
  const prepared = await prepareData(p, rng.fork("split"));
  const { train: tr, val, info } = prepared;
  const big = p.inputs === "lecture" ? prepared : await prepareData({ ...p, inputs: "lecture" }, rng.fork("split"));

  progress(1, total, "initial loss (G1, G2)");
  const m0 = initTwoLayerModel(big.train.D, p.hidden, big.info.classes, rng.fork("init-lecture"), p.initStd);
  const r0 = lossAndGrads(m0, big.train, big.train.y, 0, false);
  const rHigh = lossAndGrads(m0, big.train, big.train.y, appliedReg(p.highReg, p.fault), false);
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
  const tfRng = rng.fork("tf-gradcheck"), tfOpts = { delta: p.gradCheckDelta, rng: tfRng };
  const tfInit = await tfGradCheck(tf, mTiny, tiny, 0, tfOpts); // G3's first step
  const overfit = await train(tf, mTiny, tiny, tiny, {
    reg: 0,
    learningRate: appliedLr(p.overfitLr, p.fault),
    sampleBatches: false,
    numEpochs: p.overfitEpochs,
    learningRateDecay: 1,
  }, rng.fork("overfit"));
  const gcTrained = gradCheck(mTiny, gcBatch, gcY, p.runReg, gcOpts);
  const gcTf = { ...gcBatch, D: tr.D, y: gcY };
  const tfTrained = await tfGradCheck(tf, mTiny, gcTf, p.runReg, tfOpts);

  const lrRuns: LrRun[] = [];
  for (const [i, lr] of lrs.entries()) {
    progress(3 + i, total, `learning rate ${fmt(lr)} (G4, G5)`);
    const m = initTwoLayerModel(tr.D, p.hidden, info.classes, rng.fork("init-lr"), p.initStd);
    const rows = await train(tf, m, tr, val, {
      reg: p.runReg,
      learningRate: appliedLr(lr, p.fault),
      numEpochs: p.epochs,
      batchSize: p.batchSize,
      learningRateDecay: 1,
      stopOnNonFinite: true,
    }, rng.fork(`lr-${lr}`));
    lrRuns.push({ lr, rows });
  }
  // G4's repeats at the low rate: independent nets (own init and batch order), pooled with the sweep's run
  const lowRepeats: EpochRow[][] = [];
  for (let k = 1; k < p.lowRepeats; k++) {
    const m = initTwoLayerModel(tr.D, p.hidden, info.classes, rng.fork(`init-low-${k}`), p.initStd);
    lowRepeats.push(
      await train(tf, m, tr, val, {
        reg: p.runReg,
        learningRate: appliedLr(p.lowLr, p.fault),
        numEpochs: p.epochs,
        batchSize: p.batchSize,
        learningRateDecay: 1,
        stopOnNonFinite: true,
      }, rng.fork(`low-${k}`)),
    );
  }
  progress(total, total, "done");
  return {
    data: info,
    lectureSize,
    overfit,
    lrRuns,
    lowRepeats,
    gradCheck: { init: gcInit, trained: gcTrained },
    tfGradCheck: { init: tfInit, trained: tfTrained },
  };
}

/** The training epochs the learning-rate runs executed, for the run-state guard. */
export function trainedSteps(runs: readonly SeedRun<BabysitData>[]): number {
  return runs.reduce((sum, r) => sum + r.data.lrRuns.reduce((s, l) => s + (l.rows.at(-1)?.epoch ?? 0), 0), 0);
}
