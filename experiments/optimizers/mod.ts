/**
 * Advanced optimization: jitter, saddles, momentum, Nesterov, AdaGrad, RMSProp (and its slide's
 * erratum), Adam and AdamW, on 2-D surfaces with stated properties and on MNIST digits
 * (claims B4, B6–B15; the SGD quizzes B1–B3 and B5 are in `optimizers-sgd`).
 * @module
 */
import { defineExperiment, type RunContext, type SeedRun } from "../../lib/experiment.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { split } from "../../lib/data/dataset.ts";
import { softmaxRegression } from "../../lib/nn/softmax_regression.ts";
import { adam } from "../../lib/nn/optim/adam.ts";
import { momentum } from "../../lib/nn/optim/momentum.ts";
import type { Optimizer } from "../../lib/nn/optim/types.ts";
import { bestCurves, jitterStudy, momentumStudy, saddleStudy } from "./quadratic_study.ts";
import { sgd } from "../../lib/nn/optim/sgd.ts";
import { nesterov } from "../../lib/nn/optim/nesterov.ts";
import { adaptiveStudy, type AxisRun } from "./adaptive_study.ts";
import { adamFirstStep, compareWithLibrary } from "./library_study.ts";
import { decayStudy } from "./decay_study.ts";
import { adamNetStudy } from "./adam_net_study.ts";
import { figureStudy } from "./figure_study.ts";
import { optimizerCharts } from "./report.ts";
import { optimizerClaims } from "./claims.ts";
import { thin } from "../../lib/charts/thin.ts";

const num = (ci: number, full: number, doc: string, min = 0, max = 1e9, integer = false) => ({
  ci,
  full,
  doc,
  min,
  max,
  integer,
});
const list = (ci: number[], full: number[], doc: string, min = 0, max = 1e9, integer = false) => ({
  ci,
  full,
  doc,
  min,
  max,
  integer,
});

const params = {
  kappa: num(1000, 1000, "Condition number of the ill-conditioned quadratic (steep/shallow curvature).", 1, 1e6),
  kappas: list([10, 100, 1000], [10, 100, 1000, 10000], "Condition numbers of the B4 sweep.", 1, 1e6),
  shallow: num(1, 1, "Curvature of the quadratic's shallow axis.", 1e-6, 1e6),
  angle: num(0, 0, "Rotation of the quadratic's axes, in degrees.", -360, 360),
  sgdLr: num(1.8, 1.8, "SGD learning rate for the jitter comparisons, in units of 1/L (L = largest eigenvalue).", 0, 2),
  rhos: list([0.9, 0.99], [0.9, 0.99], "Momentum friction values ρ (the slide: 0.9 or 0.99).", 0, 0.9999),
  tol: num(1e-6, 1e-6, "Target loss as a fraction of the start loss ('reaches the minimum').", 1e-12, 1),
  maxSteps: num(20000, 50000, "Step budget on the 2-D surfaces.", 1, 1e7, true),
  gridLo: num(0.5, 0.3, "Smallest learning rate of the tuning grid, in units of 1/L.", 1e-6, 1e6),
  gridHi: num(100, 100, "Largest learning rate of the tuning grid, in units of 1/L.", 1e-6, 1e6),
  gridSize: num(12, 25, "Learning rates on the (log-spaced) tuning grid.", 1, 1000, true),
  jitterSteps: num(100, 200, "Steps over which direction reversals (jitter) are counted.", 3, 1e6, true),
  saddleRatio: num(100, 100, "Saddle: positive curvature / magnitude of the negative curvature.", 1, 1e6),
  saddleOffset: num(1e-5, 1e-5, "Saddle: scale of the start's distance from the stable manifold.", 1e-12, 0.1),
  adaLr: num(0.003, 0.003, "AdaGrad / RMSProp learning rate (their steps are about α per coordinate).", 0, 10),
  decay: num(0.9, 0.9, "RMSProp decay_rate.", 0, 0.9999),
  adaSteps: num(2000, 5000, "Steps of the AdaGrad / RMSProp runs.", 10, 1e6, true),
  beta1: num(0.9, 0.9, "Adam β1.", 0, 0.9999),
  beta2: num(0.999, 0.999, "Adam β2.", 0, 0.999999),
  adamLr: num(1e-3, 1e-3, "Adam learning rate for B11 and B12.", 0, 10),
  momentumLr: num(0.5, 0.5, "SGD + momentum learning rate for the library comparison (B7).", 0, 100),
  libSteps: num(150, 500, "Steps compared with the tfjs optimizers (B7, B12).", 1, 1e5, true),
  batch: num(32, 32, "Mini-batch size of the MNIST softmax-regression gradients.", 1, 10000, true),
  train: num(1000, 5000, "MNIST training digits (seeded subset).", 10, 9000, true),
  netLrs: list([1e-3, 5e-4], [1e-3, 5e-4], "Adam learning rates of the practical tip (B13).", 0, 10),
  hidden: num(50, 50, "Hidden units of the 2-layer net (the lecture: 50).", 1, 4096, true),
  netSteps: num(300, 2000, "Adam steps on the 2-layer net.", 1, 1e6, true),
  netBatch: num(32, 64, "Mini-batch size of the 2-layer net.", 1, 10000, true),
  val: num(500, 1000, "MNIST validation digits.", 10, 5000, true),
  wdLr: num(0.01, 0.01, "Learning rate of the weight-decay comparison (B14).", 0, 10),
  wdLambda: num(0.1, 0.1, "Weight decay λ (B14).", 0, 100),
  wdSteps: num(1000, 3000, "Steps of the weight-decay comparison.", 1, 1e6, true),
  wdScales: list([0.001, 0.01, 0.1, 1, 10], [0.001, 0.01, 0.1, 1, 10], "Gradient-noise scale per group (B14).", 0),
  wdPerGroup: num(100, 400, "Weights per group (B14).", 1, 1e6, true),
  figKappa: num(10, 10, "Condition number of the B15 surface.", 1, 1e6),
  figAngle: num(30, 30, "Rotation of the B15 surface, degrees.", -360, 360),
  figSteps: num(60, 100, "Steps drawn in B15.", 1, 10000, true),
  figLrs: list(
    [0.15, 0.3, 0.3, 0.1, 0.2],
    [0.15, 0.3, 0.3, 0.1, 0.2],
    "B15 rates: SGD, momentum, Nesterov, RMSProp, Adam.",
    0,
  ),
  fraction: num(0.9, 0.9, "Fraction of seeds a statistical claim must hold in.", 0, 1),
};
/** Resolved parameters of the experiment. */
export type OptimizerParams = { [K in keyof typeof params]: (typeof params)[K]["ci"] };

/** Scalars and thinned curves of one adaptive run. */
function adaptiveSummary(r: AxisRun) {
  const n = r.losses.length - 1, half = Math.floor(n / 2);
  const acc = r.log10Accumulator;
  // Growth of log10 G per step over the finite part (skipping the first 10 steps' transient).
  const finite = acc.map((v, i) => [i, v] as const).filter(([i, v]) => v !== null && i >= 10) as [number, number][];
  const slope = finite.length >= 2
    ? (finite[finite.length - 1][1] - finite[0][1]) / (finite[finite.length - 1][0] - finite[0][0])
    : null;
  return {
    name: r.name,
    firstRatio: r.moveSteep[0] / r.moveShallow[0],
    startLoss: r.losses[0],
    halfLoss: r.losses[half],
    endLoss: r.losses[n],
    stepShallowFirst: r.stepShallow[0] ?? null,
    stepShallowLast: r.stepShallow[n - 1] ?? null,
    stepMonotone: r.stepShallow.every((x, i) => i === 0 || x <= r.stepShallow[i - 1]) &&
      r.stepSteep.every((x, i) => i === 0 || x <= r.stepSteep[i - 1]),
    overflowStep: r.overflowStep,
    log10Slope: slope,
    pathShallow: r.pathShallow,
    pathSteep: r.pathSteep,
    curve: thin(n + 1, 200).map((i) => ({
      step: i,
      loss: r.losses[i],
      stepShallow: i > 0 ? r.stepShallow[i - 1] ?? null : null,
      stepSteep: i > 0 ? r.stepSteep[i - 1] ?? null : null,
      log10G: i > 0 ? acc[i - 1] ?? null : null,
    })),
  };
}

async function run(ctx: RunContext<OptimizerParams>) {
  const { tf, rng, progress, params: p } = ctx;
  const q = {
    shallow: p.shallow,
    kappa: p.kappa,
    angle: p.angle,
    sgdLr: p.sgdLr,
    rhos: p.rhos,
    tol: p.tol,
    maxSteps: p.maxSteps,
    gridLo: p.gridLo,
    gridHi: p.gridHi,
    gridSize: p.gridSize,
    jitterSteps: p.jitterSteps,
  };
  progress(0, 8, "jitter");
  const jitter = jitterStudy(q, p.kappas, rng.fork("jitter"));
  progress(1, 8, "momentum and Nesterov");
  const mom = momentumStudy(q, rng.fork("momentum"));
  const L = p.shallow * p.kappa;
  const curves = bestCurves(q, rng.fork("momentum"), [
    { name: "SGD", opt: sgd({ lr: mom.sgdBestLrL / L }) as Optimizer<unknown> },
    ...mom.perRho.map((r) => ({
      name: `momentum ρ=${r.rho}`,
      opt: momentum({ lr: r.bestLrL / L, rho: r.rho }) as Optimizer<unknown>,
    })),
    ...mom.perRho.map((r) => ({
      name: `Nesterov ρ=${r.rho} (momentum's α)`,
      opt: nesterov({ lr: r.bestLrL / L, rho: r.rho }) as Optimizer<unknown>,
    })),
  ]).map((c) => ({ name: c.name, points: thin(c.losses.length, 300).map((i) => [i, c.losses[i]]) }));
  progress(2, 8, "saddle");
  const sad = saddleStudy({
    ratio: p.saddleRatio,
    offset: p.saddleOffset,
    rhos: p.rhos,
    gridLo: p.gridLo,
    gridHi: p.gridHi,
    gridSize: p.gridSize,
    maxSteps: p.maxSteps,
  }, rng.fork("saddle"));
  progress(3, 8, "AdaGrad and RMSProp");
  const ada = adaptiveStudy({
    shallow: p.shallow,
    kappa: p.kappa,
    angle: p.angle,
    lr: p.adaLr,
    decay: p.decay,
    steps: p.adaSteps,
    sgdLr: p.sgdLr,
  }, rng.fork("adaptive"));
  progress(4, 8, "tfjs optimizers");
  const mnist = split(loadEmbeddedMnist(), { train: p.train, val: p.val, test: 0 }, rng.fork("split"));
  const model = softmaxRegression(mnist.train);
  const zero = new Float32Array(model.size);
  const libAdam = await compareWithLibrary(
    tf,
    adam({ lr: p.adamLr, beta1: p.beta1, beta2: p.beta2 }) as Optimizer<unknown>,
    tf.train.adam(p.adamLr, p.beta1, p.beta2, 1e-7),
    model,
    { steps: p.libSteps, batch: p.batch, n: p.train, rng: rng.fork("adam batches"), start: zero },
  );
  const libMomentum = await Promise.all(p.rhos.map((rho) =>
    compareWithLibrary(
      tf,
      momentum({ lr: p.momentumLr, rho }) as Optimizer<unknown>,
      tf.train.momentum(p.momentumLr * (1 - rho), rho),
      model,
      { steps: p.libSteps, batch: p.batch, n: p.train, rng: rng.fork(`momentum batches ${rho}`), start: zero },
    )
  ));
  const first = await adamFirstStep(model, {
    lr: p.adamLr,
    beta1: p.beta1,
    beta2: p.beta2,
    batch: p.batch,
    n: p.train,
    rng: rng.fork("first step"),
    minGrad: 1e-3,
  });
  progress(5, 8, "Adam on the 2-layer net");
  const net = await adamNetStudy(tf, mnist.train, mnist.val, {
    lrs: p.netLrs,
    beta1: p.beta1,
    beta2: p.beta2,
    hidden: p.hidden,
    steps: p.netSteps,
    batch: p.netBatch,
    evals: 15,
  }, rng.fork("net"));
  progress(6, 8, "AdamW vs Adam + L2");
  const wd = decayStudy({
    lr: p.wdLr,
    beta1: p.beta1,
    beta2: p.beta2,
    decay: p.wdLambda,
    steps: p.wdSteps,
    scales: p.wdScales,
    perGroup: p.wdPerGroup,
  }, rng.fork("decay"));
  progress(7, 8, "trajectories");
  const figure = figureStudy({
    kappa: p.figKappa,
    angle: p.figAngle,
    steps: p.figSteps,
    lrs: p.figLrs,
    rho: p.rhos[0],
    decay: p.decay,
    beta1: p.beta1,
    beta2: p.beta2,
    start: [-2.5, 1.5],
  });
  const shrink = (a: typeof libAdam) => ({
    steps: a.steps,
    worst: Math.max(...a.maxAbsDiff),
    maxStep: a.maxStep,
    finalMaxAbs: a.maxAbs[a.maxAbs.length - 1],
    curve: thin(a.steps, 100).map((i) => ({ step: i + 1, diff: a.maxAbsDiff[i] })),
  });
  return {
    jitter,
    mom,
    curves,
    saddle: {
      ...sad,
      gdYs: thin(sad.gdYs.length, 300).map((i) => [i, sad.gdYs[i]]),
      perRho: sad.perRho.map((r) => ({ ...r, ys: thin(r.ys.length, 300).map((i) => [i, r.ys[i]]) })),
    },
    adaptive: {
      measuredKappa: ada.measuredKappa,
      axisAligned: ada.axisAligned,
      sgdRatioTheory: ada.sgdRatioTheory,
      sgd: adaptiveSummary(ada.runs.sgd),
      adagrad: adaptiveSummary(ada.runs.adagrad),
      rmsprop: adaptiveSummary(ada.runs.rmsprop),
      printed: adaptiveSummary(ada.runs.printed),
    },
    library: { adam: shrink(libAdam), momentum: libMomentum.map(shrink) },
    first,
    net,
    wd,
    figure,
  };
}

/** Data of one seed. */
export type OptimizerData = Awaited<ReturnType<typeof run>>;

/** All seeds' data. */
export type OptimizerRuns = readonly SeedRun<OptimizerData>[];

export default defineExperiment({
  id: "optimizers",
  title: "Advanced optimization: momentum, Nesterov, AdaGrad, RMSProp, Adam, AdamW",
  lecture: [
    "Problems of SGD",
    "Introducing a momentum Algorithm",
    "Nesterow Momentum",
    "AdaGrad",
    "RMSprop",
    "Adam",
    "AdamW",
  ],
  summary: "Plain SGD jitters on ill-conditioned losses (large ratio of Hessian eigenvalues), stalls near saddle " +
    "points and follows noisy mini-batch gradients. Momentum (velocity v = ρv + (1−ρ)g) and Nesterov's look-ahead " +
    "damp the jitter and roll through flat regions; AdaGrad and RMSProp scale each coordinate by its accumulated " +
    "squared gradients; Adam combines both, with a bias correction for the zero-initialised moments; AdamW decouples " +
    "the weight decay. The RMSProp slide's code has `+=` where `=` is meant.",
  params,
  seeds: { ci: 3, full: 10 },
  run,
  claims: optimizerClaims,
  charts: optimizerCharts,
});
