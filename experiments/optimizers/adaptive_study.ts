/**
 * AdaGrad and RMSProp on the ill-conditioned quadratic: per-axis step sizes (B9), and the
 * RMSProp slide's code as printed against the corrected one (erratum B10).
 * @module
 */
import { quadratic } from "./problems.ts";
import { sgd } from "../../lib/nn/optim/sgd.ts";
import { adagrad, type SquaredState } from "../../lib/nn/optim/adagrad.ts";
import { rmsprop, rmspropAsPrinted } from "../../lib/nn/optim/rmsprop.ts";
import type { Optimizer } from "../../lib/nn/optim/types.ts";
import { hessianInfo, startPoint } from "./quadratic_study.ts";
import type { Rng } from "../../lib/rng.ts";

/** Settings of the adaptive-step studies. */
export interface AdaptiveSettings {
  shallow: number;
  kappa: number;
  angle: number;
  /** AdaGrad / RMSProp learning rate (absolute: their steps are ≈ α per coordinate). */
  lr: number;
  /** RMSProp decay_rate. */
  decay: number;
  steps: number;
  /** SGD's learning rate in units of 1/L, for the first-step comparison. */
  sgdLr: number;
  /** A planted bug of the falsifier tests ("none" in real runs). */
  fault?: string;
}

/** One run's per-axis record. */
export interface AxisRun {
  name: string;
  losses: number[];
  /** Effective step α/(sqrt(G)+ε) per step, along the shallow and the steep eigen-axis (adaptive only). */
  stepShallow: number[];
  stepSteep: number[];
  /** |Δθ| along the shallow and steep axes at each step. */
  moveShallow: number[];
  moveSteep: number[];
  /** log10 of the accumulator (largest coordinate) at each step; null once it is no longer finite. */
  log10Accumulator: (number | null)[];
  /** First step at which the accumulator overflowed float32 (null if never). */
  overflowStep: number | null;
  /** Total distance moved along each axis. */
  pathShallow: number;
  pathSteep: number;
}

function record(opt: Optimizer<unknown>, lr: number, s: AdaptiveSettings, rng: Rng): AxisRun {
  const q = quadratic({ shallow: s.shallow, kappa: s.kappa, angleDeg: s.angle });
  const info = hessianInfo(q, Float32Array.of(0.3, -0.2), s.fault);
  let params = startPoint(info, rng);
  let state = opt.init(2);
  const [u, w] = info.axes;
  const proj = (p: Float32Array, v: number[]) => p[0] * v[0] + p[1] * v[1];
  const out: AxisRun = {
    name: opt.name,
    losses: [q.loss(params)],
    stepShallow: [],
    stepSteep: [],
    moveShallow: [],
    moveSteep: [],
    log10Accumulator: [],
    overflowStep: null,
    pathShallow: 0,
    pathSteep: 0,
  };
  for (let t = 1; t <= s.steps; t++) {
    const g = q.grad(opt.gradientPoint(state, params));
    const next = opt.step(state, params, g);
    const ms = Math.abs(proj(next.params, u) - proj(params, u)), mt = Math.abs(proj(next.params, w) - proj(params, w));
    out.moveShallow.push(ms);
    out.moveSteep.push(mt);
    out.pathShallow += ms;
    out.pathSteep += mt;
    const acc = (next.state as SquaredState | null)?.gradSquared;
    if (acc) {
      // The accumulator is per coordinate; on an axis-aligned problem coordinates are the axes.
      const eff = Array.from(acc, (a) => lr / (Math.sqrt(a) + 1e-7));
      out.stepShallow.push(Math.abs(u[0]) >= Math.abs(u[1]) ? eff[0] : eff[1]);
      out.stepSteep.push(Math.abs(w[0]) >= Math.abs(w[1]) ? eff[0] : eff[1]);
      const big = Math.max(...acc);
      out.log10Accumulator.push(Number.isFinite(big) && big > 0 ? Math.log10(big) : null);
      if (!Number.isFinite(big) && out.overflowStep === null) out.overflowStep = t;
    }
    params = next.params;
    if (s.fault !== "state-not-kept") state = next.state;
    out.losses.push(q.loss(params));
  }
  return out;
}

/** B9 and B10: SGD, AdaGrad, RMSProp and the printed RMSProp from the same seeded start. */
export function adaptiveStudy(s: AdaptiveSettings, rng: Rng) {
  const q = quadratic({ shallow: s.shallow, kappa: s.kappa, angleDeg: s.angle });
  const info = hessianInfo(q, Float32Array.of(0.3, -0.2), s.fault);
  const sgdLr = s.sgdLr / info.eigenvalues[1];
  const runs = {
    sgd: record(sgd({ lr: sgdLr }) as Optimizer<unknown>, sgdLr, s, rng.fork("start")),
    adagrad: record(adagrad({ lr: s.lr }) as Optimizer<unknown>, s.lr, s, rng.fork("start")),
    rmsprop: record(rmsprop({ lr: s.lr, decay: s.decay }) as Optimizer<unknown>, s.lr, s, rng.fork("start")),
    printed: record(
      (s.fault === "printed-is-corrected" ? rmsprop : rmspropAsPrinted)({ lr: s.lr, decay: s.decay }) as Optimizer<
        unknown
      >,
      s.lr,
      s,
      rng.fork("start"),
    ),
  };
  const start = startPoint(info, rng.fork("start"));
  const coords = info.axes.map((v) => Math.abs(v[0] * start[0] + v[1] * start[1]));
  return {
    measuredKappa: info.kappa,
    eigenvalues: info.eigenvalues,
    axisAligned: s.angle % 90 === 0,
    /** SGD's first-step ratio |Δ steep| / |Δ shallow| predicted from the Hessian: λ₂|c₂| / (λ₁|c₁|). */
    sgdRatioTheory: (info.eigenvalues[1] * coords[1]) / (info.eigenvalues[0] * coords[0]),
    runs,
  };
}
