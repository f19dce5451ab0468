/**
 * The run of the `optimizers-sgd` experiment: batch GD against SGD to a target loss (B1), loss
 * increases, logistic regression and a small net, sorted against shuffled data (B1), the
 * mini-batch identity (B2), the learning-rate quiz runs (B3) and the gradient noise (B5).
 * @module
 */
import type { RunContext, SeedRun } from "../../lib/experiment.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { split, subset } from "../../lib/data/dataset.ts";
import { range, softmaxRegression } from "../../lib/nn/softmax_regression.ts";
import { twoLayerNet } from "../../lib/nn/two_layer.ts";
import {
  gradientNoise,
  increases,
  lossAfterEachUpdate,
  minibatchTrajectories,
  runningAverage,
  sgdPass,
  timeToLoss,
} from "./sgd_study.ts";
import type { P } from "./params.ts";
import type { AveragePoint, SgdData } from "./types.ts";

/** Runs one seed: every race, curve, quiz run and noise measurement of B1–B5. */
export async function run(ctx: RunContext<P>): Promise<SgdData> {
  const { tf, rng, progress, params: p } = ctx;
  const ds = loadEmbeddedMnist();
  const need = Math.max(p.bigM, p.smallM, p.shuffleM, p.b2M, p.quizM, p.noiseM);
  const data = split(ds, { train: need, val: 0, test: 0 }, rng.fork("split")).train;
  const model = softmaxRegression(data);
  progress(0, 6, "batch GD vs SGD timing");
  // Untimed warm-up of both update paths (results discarded; a fork of its own, so no other draw
  // moves): B1 compares times, and the first seed of a process otherwise raced with a cold JIT
  // (measured: SGD's first 1000 updates 0.44 s cold against 0.05 s warm, failing that seed).
  for (const batch of [1, p.bigM]) {
    const updates = batch === 1 ? 1000 : 2;
    const warm = { batch, lr: batch === 1 ? p.sgdLr : p.gdLr, target: -Infinity, maxUpdates: updates };
    await timeToLoss(model, p.bigM, { ...warm, evalEvery: updates, rng: rng.fork("warm-up") });
  }
  const gd = await timeToLoss(model, p.bigM, {
    batch: p.bigM,
    lr: p.gdLr,
    target: p.target,
    maxUpdates: p.maxGdSteps,
    evalEvery: 1,
    rng: rng.fork("gd"),
  });
  const sgd = await timeToLoss(model, p.bigM, {
    batch: 1,
    lr: p.sgdLr,
    target: p.target,
    maxUpdates: 20 * p.bigM,
    evalEvery: Math.max(1, Math.floor(p.bigM / 40)),
    rng: rng.fork("sgd"),
  });
  // The same race at a small m, for contrast ("when m is large").
  const race = async (m: number, label: string) => ({
    gd: await timeToLoss(model, m, {
      batch: m,
      lr: p.gdLr,
      target: p.target,
      maxUpdates: p.maxGdSteps,
      evalEvery: 1,
      rng: rng.fork(`gd ${label}`),
    }),
    sgd: await timeToLoss(model, m, {
      batch: 1,
      lr: p.sgdLr,
      target: p.target,
      maxUpdates: 20 * Math.max(m, 1000),
      evalEvery: Math.max(1, Math.floor(Math.min(m, 1000) / 40)),
      rng: rng.fork(`sgd ${label}`),
    }),
  });
  const smallRace = await race(p.smallM, "small");
  progress(1, 6, "loss increases; logistic regression and NN");
  const gdCurve = await lossAfterEachUpdate(model, p.smallM, {
    batch: p.smallM,
    lr: p.gdLr,
    updates: p.curveUpdates,
    rng: rng.fork("c1"),
  });
  const sgdCurve = await lossAfterEachUpdate(model, p.smallM, {
    batch: 1,
    lr: p.sgdLr,
    updates: p.curveUpdates,
    rng: rng.fork("c2"),
  });
  const orderN = rng.fork("nn order").shuffle(range(p.shuffleM));
  const cycle = (n: number) => Array.from({ length: n }, (_, i) => orderN[i % orderN.length]);
  const logistic = await sgdPass(model, new Float32Array(model.size), cycle(p.nnUpdates), () => p.sgdLr);
  const nnData = subset(data, range(p.shuffleM));
  const net = twoLayerNet(tf, nnData, p.hidden);
  const nnStart = net.init(rng.fork("nn init"));
  const nn = await sgdPass(net, nnStart, cycle(p.nnUpdates), () => p.sgdLr);
  const firstWindow = (xs: number[]) =>
    xs.slice(0, p.window).reduce((a, b) => a + b, 0) / Math.min(p.window, xs.length);
  const lastWindow = (xs: number[]) => xs.slice(-p.window).reduce((a, b) => a + b, 0) / Math.min(p.window, xs.length);
  const shuffleIdx = range(p.shuffleM);
  const sortedOrder = [...shuffleIdx].sort((a, b) => data.labels[a] - data.labels[b] || a - b);
  const shuffled = await sgdPass(model, new Float32Array(model.size), orderN, () => p.sgdLr);
  const sorted = await sgdPass(model, new Float32Array(model.size), sortedOrder, () => p.sgdLr);
  progress(2, 6, "mini-batch identity");
  const b2 = await minibatchTrajectories(model, p.b2M, {
    lr: p.gdLr,
    epochs: p.b2Epochs,
    batches: [1, Math.floor(p.b2M / 2), p.b2M],
    rng: rng.fork("b2"),
    fault: p.fault,
  });
  progress(3, 6, "learning-rate quiz");
  const quizOrder = (() => {
    const r = rng.fork("quiz order");
    return Array.from({ length: p.quizUpdates }, (_, t) => t).map(() => r.int(p.quizM));
  })();
  const zero = new Float32Array(model.size), quizAll = range(p.quizM);
  const constant = (lr: number) => () => lr;
  const runQuiz = async (lr: (t: number) => number, start = zero) => {
    const r = await sgdPass(model, start, quizOrder, lr);
    return {
      params: r.params,
      fullLoss: await model.loss(r.params, quizAll),
      avg: runningAverage(r.sampleLoss, p.window, Math.max(1, Math.floor(p.quizUpdates / 100))),
      firstAvg: firstWindow(r.sampleLoss),
      lastAvg: lastWindow(r.sampleLoss),
    };
  };
  const a = p.sgdLr, n = p.quizUpdates, f = p.scheduleRange;
  const tuned = await runQuiz(constant(a));
  const small = await runQuiz(constant(a / p.smallFactor));
  const tiny = await runQuiz(constant(a / p.tinyFactor));
  const big = await runQuiz(constant(a * p.bigFactor));
  const bigKept = await runQuiz(constant(a * p.bigFactor), big.params);
  const bigReduced = await runQuiz(constant(a), big.params);
  const increasing = await runQuiz((t) => (a / Math.sqrt(f)) * f ** (t / n));
  const decreasing = await runQuiz((t) => a * Math.sqrt(f) * f ** ((p.fault === "schedule-grows" ? t : -t) / n));
  const strip = (q: typeof tuned) => ({ fullLoss: q.fullLoss, avg: q.avg, firstAvg: q.firstAvg, lastAvg: q.lastAvg });
  progress(4, 6, "gradient noise");
  const warm = await sgdPass(model, zero, quizOrder.slice(0, p.noiseWarmup).map((i) => i % p.noiseM), constant(a));
  const noise = await gradientNoise(model, p.noiseM, warm.params, {
    batches: p.noiseBatches,
    draws: p.noiseDraws,
    rng: rng.fork("noise"),
    fault: p.fault,
  });
  progress(6, 6, "done");
  return {
    timing: { gd, sgd },
    timingSmall: {
      gdSeconds: smallRace.gd.seconds,
      gdUpdates: smallRace.gd.updates,
      sgdSeconds: smallRace.sgd.seconds,
      sgdUpdates: smallRace.sgd.updates,
    },
    increases: { gd: increases(gdCurve), sgd: increases(sgdCurve), gdCurve, sgdCurve },
    models: {
      logistic: {
        initial: await model.loss(new Float32Array(model.size), range(p.shuffleM)),
        final: await model.loss(logistic.params, range(p.shuffleM)),
      },
      nn: { initial: await net.loss(nnStart, range(p.shuffleM)), final: await net.loss(nn.params, range(p.shuffleM)) },
      logisticAvg: runningAverage(logistic.sampleLoss, p.window, Math.max(1, Math.floor(p.nnUpdates / 100))),
      nnAvg: runningAverage(nn.sampleLoss, p.window, Math.max(1, Math.floor(p.nnUpdates / 100))),
    },
    shuffle: {
      shuffled: await model.loss(shuffled.params, shuffleIdx),
      sorted: await model.loss(sorted.params, shuffleIdx),
      lastLabelSorted: data.labels[sortedOrder[sortedOrder.length - 1]],
    },
    b2,
    quiz: {
      tuned: strip(tuned),
      small: strip(small),
      tiny: strip(tiny),
      bigKept: strip(bigKept),
      bigReduced: strip(bigReduced),
      increasing: strip(increasing),
      decreasing: strip(decreasing),
    },
    noise,
  };
}

/**
 * The gradient updates the runs recorded, for the run-state guard: B1's timed races (the last
 * curve point's `updates`), its per-update loss curves (one loss per update after the initial
 * one), and the per-sample SGD passes of the logistic model, the small net and the B3 quiz runs
 * (the last running-average point's sample count `t`).
 */
export function trainedSteps(runs: readonly SeedRun<SgdData>[]): number {
  const lastT = (avg: readonly AveragePoint[]) => avg.at(-1)?.t ?? 0;
  return runs.reduce((sum, { data: d }) =>
    sum +
    (d.timing.gd.curve.at(-1)?.updates ?? 0) + (d.timing.sgd.curve.at(-1)?.updates ?? 0) +
    Math.max(0, d.increases.gdCurve.length - 1) + Math.max(0, d.increases.sgdCurve.length - 1) +
    lastT(d.models.logisticAvg) + lastT(d.models.nnAvg) +
    Object.values(d.quiz).reduce((s, q) => s + lastT(q.avg), 0), 0);
}
