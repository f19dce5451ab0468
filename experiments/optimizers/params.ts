/**
 * The parameters of the optimizers family (B4, B6–B15).
 * @module
 */
import { faultParam, numberListParam as list, numberParam as num, type ParamValues } from "../../lib/params.ts";

/** The parameters of the family (every one overridable with --set optimizers.<name>=…). */
export const params = {
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
  libSteps: num(100, 500, "Steps compared with the tfjs optimizers (B7, B12).", 1, 1e5, true),
  batch: num(32, 32, "Mini-batch size of the MNIST softmax-regression gradients.", 1, 10000, true),
  train: num(1000, 5000, "MNIST training digits (seeded subset).", 10, 9000, true),
  netLrs: list([1e-3, 5e-4], [1e-3, 5e-4], "Adam learning rates of the practical tip (B13).", 0, 10),
  hidden: num(50, 50, "Hidden units of the 2-layer net (the lecture: 50).", 1, 4096, true),
  netSteps: num(150, 2000, "Adam steps on the 2-layer net.", 1, 1e6, true),
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
  level: num(0.05, 0.05, "Level of the one-sided sign test over seeds of the statistical claims.", 0.001, 0.49),
  fault: faultParam({
    "axes-swapped": "the Hessian's eigen-axes are taken in the wrong order (steep first) (B4)",
    "momentum-sign": "the momentum step is applied with the wrong sign, weights += α·vel (B6, B7, B8, B15)",
    "nesterov-no-lookahead": "Nesterov's gradient is taken at θ, not at the look-ahead θ − αρv (B8)",
    "state-not-kept": "the adaptive optimizers' state is not carried between steps (B9, B10)",
    "printed-is-corrected": "the 'as printed' RMSProp run uses the corrected code (=) (B10)",
    "betas-swapped": "the slide's Adam is built with β1 and β2 swapped (B11, B12)",
    "no-bias-correction": "the slide's Adam compared with tfjs runs without bias correction (B12)",
    "adamw-coupled": "'AdamW' adds the decay to the gradient, i.e. is Adam + L2 (B14)",
  }),
};
/** Resolved parameters of the experiment. */
export type P = ParamValues<typeof params>;
