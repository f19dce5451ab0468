/**
 * B15: trajectories of SGD, SGD + momentum, Nesterov, RMSProp and Adam on one 2-D loss surface
 * (a rotated ill-conditioned quadratic), as in the slides' comparison figure.
 * @module
 */
import { quadratic } from "./problems.ts";
import { sgd } from "../../lib/nn/optim/sgd.ts";
import { slideMomentum, slideNesterov } from "./faults.ts";
import { rmsprop } from "../../lib/nn/optim/rmsprop.ts";
import { adam } from "../../lib/nn/optim/adam.ts";
import { minimize, type Optimizer } from "../../lib/nn/optim/types.ts";

/** Settings of {@link figureStudy}. */
export interface FigureSettings {
  kappa: number;
  angle: number;
  steps: number;
  /** Learning rates of SGD, momentum, Nesterov, RMSProp, Adam (absolute). */
  lrs: number[];
  rho: number;
  decay: number;
  beta1: number;
  beta2: number;
  start: number[];
  /** A planted bug of the falsifier tests ("none" in real runs). */
  fault?: string;
}

/** The paths of the five optimizers from the same start. */
export function figureStudy(s: FigureSettings) {
  const q = quadratic({ shallow: 1, kappa: s.kappa, angleDeg: s.angle });
  const [a, b, c, d, e] = s.lrs;
  const opts: Optimizer<unknown>[] = [
    sgd({ lr: a }),
    slideMomentum({ lr: b, rho: s.rho }, s.fault),
    slideNesterov({ lr: c, rho: s.rho }, s.fault),
    rmsprop({ lr: d, decay: s.decay }),
    adam({ lr: e, beta1: s.beta1, beta2: s.beta2 }),
  ] as Optimizer<unknown>[];
  return opts.map((opt) => {
    const t = minimize(opt, q, Float32Array.from(s.start), s.steps);
    return { name: opt.name, path: t.params.map((p) => [p[0], p[1]]), losses: t.losses };
  });
}
