/**
 * The falsifiers of the `optimizers` claims: realistic bugs in the optimizers and studies, switched
 * on through the run's own `fault` parameter (or a learning rate). Each run shrinks the budgets of
 * the studies it does not judge; statistical claims keep the ci seeds their sign test needs.
 * @module
 */
import type { Falsifier } from "../../lib/experiment.ts";

/** The learning-rate grids of the momentum and saddle studies, shrunk. */
const noGrid = { gridSize: "1", maxSteps: "100" };
/** The tfjs comparisons (B7, B12), shrunk. */
const noLib = { libSteps: "1" };
/** Adam on the 2-layer net (B13), shrunk. */
const noNet = { netSteps: "1", hidden: "5" };
/** The weight-decay study (B14), shrunk. */
const noWd = { wdSteps: "1", wdPerGroup: "1" };
/** The AdaGrad / RMSProp runs (B9, B10), shrunk. */
const noAda = { adaSteps: "10" };

/** B4 (B9): the eigen-axes in the wrong order. */
export const axesSwapped: Falsifier = {
  name: "eigen-axes swapped",
  description: "The study takes the Hessian's eigenvectors steep-first while the eigenvalues are smallest-first, so " +
    "'steep' and 'shallow' axis are exchanged in every measurement.",
  set: { fault: "axes-swapped", ...noLib, ...noNet, ...noWd },
  seeds: 1,
};

/** B6, B7, B8, B15: momentum's step with the wrong sign. */
export const momentumSign: Falsifier = {
  name: "momentum step with the wrong sign",
  description: "SGD + momentum applies weights += α·vel instead of −=: it climbs the loss and never reaches the " +
    "minimum or leaves the saddle.",
  set: { fault: "momentum-sign", ...noNet, ...noWd, ...noAda },
};

/** B8: Nesterov without the look-ahead. */
export const noLookahead: Falsifier = {
  name: "Nesterov without look-ahead",
  description: "Nesterov's gradient is taken at θ instead of the look-ahead θ − αρv: it is classical momentum and " +
    "overshoots just as much.",
  set: { fault: "nesterov-no-lookahead", ...noLib, ...noNet, ...noWd, ...noAda },
};

/** B9, B10: the adaptive optimizers forget their accumulator. */
export const stateNotKept: Falsifier = {
  name: "accumulator not carried between steps",
  description: "The training loop never stores the optimizer's new state: AdaGrad's accumulator becomes " +
    "grad_squared = grad·grad (no accumulation, no decaying step) and the printed RMSProp cannot grow.",
  set: { fault: "state-not-kept", ...noGrid, ...noLib, ...noNet, ...noWd },
  seeds: 1,
};

/** B10: the slide's code replaced by the corrected one. */
export const printedIsCorrected: Falsifier = {
  name: "the 'as printed' run uses '='",
  description: "The erratum test runs the corrected RMSProp (`grad_squared = …`) where the slide's `+=` code is " +
    "meant, so nothing grows and nothing freezes.",
  set: { fault: "printed-is-corrected", ...noGrid, ...noLib, ...noNet, ...noWd },
  seeds: 1,
};

/** B11, B12: β1 and β2 exchanged. */
export const betasSwapped: Falsifier = {
  name: "Adam with β1 and β2 swapped",
  description: "The slide's Adam is built with β1 = 0.999 and β2 = 0.9 (arguments in the wrong order): the first " +
    "uncorrected step is (1 − 0.999)/√(1 − 0.9) ≈ 0.003α and it no longer matches tf.train.adam.",
  set: { fault: "betas-swapped", ...noGrid, ...noNet, ...noWd, ...noAda },
  seeds: 1,
};

/** B12: Adam without bias correction. */
export const noBiasCorrection: Falsifier = {
  name: "Adam without bias correction",
  description: "The slide's Adam compared with tf.train.adam skips the division by (1 − β^t): its early steps are " +
    "√(1−β2)/(1−β1)-fold off, so the parameters drift apart from the library's.",
  set: { fault: "no-bias-correction", ...noGrid, ...noNet, ...noWd, ...noAda },
  seeds: 1,
};

/** B13: Adam's learning rate 10× too small. */
export const netLr10xSmall: Falsifier = {
  name: "Adam learning rate 10× too small",
  description: "The net is trained at α = 1e-4 and 5e-5 instead of 1e-3 and 5e-4: within the same steps the " +
    "validation loss stays far above ln(10)/2.",
  set: { netLrs: "0.0001,0.00005", ...noGrid, ...noLib, ...noWd, ...noAda },
};

/** B14: AdamW coded as Adam + L2. */
export const adamwCoupled: Falsifier = {
  name: "AdamW with coupled decay",
  description: "'AdamW' adds λθ to the gradient before the moments (Adam + L2), the very bug AdamW fixes: noisy " +
    "weights then decay less than quiet ones.",
  set: { fault: "adamw-coupled", ...noGrid, ...noLib, ...noNet, ...noAda },
};
