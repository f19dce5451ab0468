/**
 * The run of the optimizers family: one seed's studies, summarised and thinned for the report.
 * @module
 */
import type { RunContext, SeedRun } from "../../lib/experiment.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { split } from "../../lib/data/dataset.ts";
import { softmaxRegression } from "../../lib/nn/softmax_regression.ts";
import { adam } from "../../lib/nn/optim/adam.ts";
import type { Optimizer } from "../../lib/nn/optim/types.ts";
import { bestCurves, jitterStudy, momentumStudy, saddleStudy } from "./quadratic_study.ts";
import { sgd } from "../../lib/nn/optim/sgd.ts";
import { slideMomentum, slideNesterov } from "./faults.ts";
import { adaptiveStudy, type AxisRun } from "./adaptive_study.ts";
import { adamFirstStep, compareWithLibrary } from "./library_study.ts";
import { decayStudy } from "./decay_study.ts";
import { adamNetStudy } from "./adam_net_study.ts";
import { figureStudy } from "./figure_study.ts";
import { thin } from "../../lib/charts/thin.ts";
import type { P } from "./params.ts";
import type { AdaptiveSummary, OptimizerData } from "./types.ts";

/** Scalars and thinned curves of one adaptive run. */
function adaptiveSummary(r: AxisRun): AdaptiveSummary {
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

/** One seed: the 2-D surface studies, the tfjs comparisons, Adam on the 2-layer net, AdamW and the figure. */
export async function run(ctx: RunContext<P>): Promise<OptimizerData> {
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
    fault: p.fault,
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
      opt: slideMomentum({ lr: r.bestLrL / L, rho: r.rho }, p.fault) as Optimizer<unknown>,
    })),
    ...mom.perRho.map((r) => ({
      name: `Nesterov ρ=${r.rho} (momentum's α)`,
      opt: slideNesterov({ lr: r.bestLrL / L, rho: r.rho }, p.fault) as Optimizer<unknown>,
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
    fault: p.fault,
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
    fault: p.fault,
  }, rng.fork("adaptive"));
  progress(4, 8, "tfjs optimizers");
  const mnist = split(loadEmbeddedMnist(), { train: p.train, val: p.val, test: 0 }, rng.fork("split"));
  const model = softmaxRegression(mnist.train);
  const zero = new Float32Array(model.size);
  // The slide's Adam as compared with tfjs and measured in B11 (faults: betas swapped, no bias correction).
  const betas = p.fault === "betas-swapped" ? { beta1: p.beta2, beta2: p.beta1 } : { beta1: p.beta1, beta2: p.beta2 };
  const libAdam = await compareWithLibrary(
    tf,
    adam({ lr: p.adamLr, ...betas, biasCorrection: p.fault !== "no-bias-correction" }) as Optimizer<unknown>,
    tf.train.adam(p.adamLr, p.beta1, p.beta2, 1e-7),
    model,
    { steps: p.libSteps, batch: p.batch, n: p.train, rng: rng.fork("adam batches"), start: zero },
  );
  const libMomentum = await Promise.all(p.rhos.map((rho) =>
    compareWithLibrary(
      tf,
      slideMomentum({ lr: p.momentumLr, rho }, p.fault) as Optimizer<unknown>,
      tf.train.momentum(p.momentumLr * (1 - rho), rho),
      model,
      { steps: p.libSteps, batch: p.batch, n: p.train, rng: rng.fork(`momentum batches ${rho}`), start: zero },
    )
  ));
  const first = await adamFirstStep(model, {
    lr: p.adamLr,
    ...betas,
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
    fault: p.fault,
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
    fault: p.fault,
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

/**
 * The training steps on MNIST the runs recorded, for the run-state guard: the steps of the
 * softmax-regression comparisons with tfjs (Adam and momentum per ρ, counted in the loop) and
 * Adam's steps on the 2-layer net (the last validation point's step, per learning rate).
 */
export function trainedSteps(runs: readonly SeedRun<OptimizerData>[]): number {
  return runs.reduce(
    (sum, { data: d }) =>
      sum + d.library.adam.steps + d.library.momentum.reduce((s, m) => s + m.steps, 0) +
      d.net.reduce((s, n) => s + (n.curve.at(-1)?.step ?? 0), 0),
    0,
  );
}
