/**
 * Stochastic and mini-batch gradient descent on MNIST digits: the slides' SGD quizzes (B1, B3),
 * mini-batch = batch GD when B = m (B2), and mini-batch gradient noise against b (B5).
 * @module
 */
import { defineExperiment, type RunContext, type SeedRun } from "../../lib/experiment.ts";
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
import { sgdClaims } from "./claims.ts";
import { sgdCharts } from "./report.ts";

const num = (ci: number, full: number, doc: string, min = 0, max = 1e9, integer = false) => ({
  ci,
  full,
  doc,
  min,
  max,
  integer,
});

const params = {
  bigM: num(5000, 9000, "Training-set size m for 'SGD is faster when m is large' (B1).", 10, 10000, true),
  target: num(0.6, 0.5, "Training loss both GD and SGD must reach (B1 timing).", 0, 10),
  gdLr: num(0.5, 0.5, "Batch-GD learning rate (B1, B2).", 0, 100),
  sgdLr: num(0.01, 0.01, "SGD learning rate, batch 1 (B1, B3).", 0, 100),
  fasterFactor: num(2, 2, "'Much faster': SGD must need less than 1/factor of batch GD's time.", 1, 1000),
  maxGdSteps: num(200, 400, "Step budget of batch GD (B1).", 1, 1e6, true),
  smallM: num(500, 1000, "Training-set size of the per-update loss curves (B1).", 10, 10000, true),
  curveUpdates: num(60, 200, "Updates whose full training loss is recorded (B1).", 2, 1e5, true),
  hidden: num(50, 50, "Hidden units of the small NN trained with SGD (B1).", 1, 4096, true),
  nnUpdates: num(1000, 3000, "SGD updates (batch 1) of logistic regression and the small NN (B1).", 1, 1e6, true),
  shuffleM: num(1000, 3000, "Training-set size of the sorted-vs-shuffled epoch (B1).", 10, 10000, true),
  b2M: num(64, 256, "Training-set size of the mini-batch identity (B2).", 2, 10000, true),
  b2Epochs: num(3, 5, "Epochs of the mini-batch identity (B2).", 1, 1000, true),
  quizM: num(2000, 8000, "Training-set size of the learning-rate quiz (B3).", 10, 10000, true),
  quizUpdates: num(3000, 20000, "SGD updates (batch 1) per learning-rate run (B3).", 10, 1e6, true),
  window: num(100, 1000, "Running average over the last k samples (the slide: 1000).", 1, 1e6, true),
  smallFactor: num(100, 100, "'Very small α' = α / factor (B3).", 1, 1e6),
  tinyFactor: num(1000, 1000, "'Poorly tuned α' = α / factor for the flat averaged loss (B3).", 1, 1e9),
  bigFactor: num(10, 10, "Large α = α · factor, then reduced back by it (B3, 'reducing α').", 1, 1e6),
  scheduleRange: num(10, 10, "Schedules change α by this factor over the run (B3).", 1, 1e6),
  noiseM: num(1000, 5000, "Training-set size for the gradient-noise measurement (B5).", 10, 10000, true),
  noiseBatches: {
    ci: [1, 4, 16, 64, 256],
    full: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    doc: "Mini-batch sizes b (B5).",
    min: 1,
    max: 10000,
    integer: true,
  },
  noiseDraws: num(100, 400, "Mini-batches drawn per b (B5).", 2, 1e6, true),
  noiseWarmup: num(200, 200, "SGD updates before measuring the gradient noise (B5).", 0, 1e6, true),
  fraction: num(1, 0.8, "Fraction of seeds in which every quiz statement must match its key.", 0, 1),
};
/** Resolved parameters of the experiment. */
export type SgdParams = { [K in keyof typeof params]: (typeof params)[K]["ci"] };

async function run(ctx: RunContext<SgdParams>) {
  const { tf, rng, progress, params: p } = ctx;
  const ds = loadEmbeddedMnist();
  const need = Math.max(p.bigM, p.smallM, p.shuffleM, p.b2M, p.quizM, p.noiseM);
  const data = split(ds, { train: need, val: 0, test: 0 }, rng.fork("split")).train;
  const model = softmaxRegression(data);
  progress(0, 6, "batch GD vs SGD timing");
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
  const decreasing = await runQuiz((t) => a * Math.sqrt(f) * f ** (-t / n));
  const strip = (q: typeof tuned) => ({ fullLoss: q.fullLoss, avg: q.avg, firstAvg: q.firstAvg, lastAvg: q.lastAvg });
  progress(4, 6, "gradient noise");
  const warm = await sgdPass(model, zero, quizOrder.slice(0, p.noiseWarmup).map((i) => i % p.noiseM), constant(a));
  const noise = await gradientNoise(model, p.noiseM, warm.params, {
    batches: p.noiseBatches,
    draws: p.noiseDraws,
    rng: rng.fork("noise"),
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

/** Data of one seed. */
export type SgdData = Awaited<ReturnType<typeof run>>;
/** All seeds' data. */
export type SgdRuns = readonly SeedRun<SgdData>[];

export default defineExperiment({
  id: "optimizers-sgd",
  title: "Stochastic and mini-batch gradient descent: the SGD quizzes on MNIST",
  lecture: ["Which of the following about SGD are true?", "Mini-batch Gradient Descent", "Checking for convergence"],
  summary: "Batch gradient descent uses all m examples per step, SGD one, mini-batch GD b. The slides' quizzes " +
    "ask when SGD is faster, whether its loss must fall every step, whether it only works for linear regression, " +
    "why to shuffle, what a small or a decreasing learning rate does, and how to read the loss averaged over the " +
    "last k samples. Here each quiz statement is tested on softmax regression (and a small net) on MNIST digits, " +
    "with real timing; mini-batch gradient noise is measured against b.",
  params,
  seeds: { ci: 3, full: 5 },
  run,
  claims: sgdClaims,
  charts: sgdCharts,
});
