/**
 * The optimization slides on 2-D surfaces: jitter on an ill-conditioned quadratic (B4), momentum
 * (B7), Nesterov (B8) and the saddle (B6). Pure float math, seeded start points; every number
 * here is measured from trajectories.
 * @module
 */
import { eigen2, numericHessian, type Objective, quadratic, saddle } from "./problems.ts";
import { sgd } from "../../lib/nn/optim/sgd.ts";
import { slideMomentum, slideNesterov } from "./faults.ts";
import { minimize, type Optimizer } from "../../lib/nn/optim/types.ts";
import { along, bestOnGrid, logGrid, overshoot, reversals, stepsToReach } from "./trajectory.ts";
import type { Rng } from "../../lib/rng.ts";

/** Settings shared by the quadratic studies. */
export interface QuadraticSettings {
  shallow: number;
  kappa: number;
  angle: number;
  /** SGD's learning rate in units of 1/L (L = largest Hessian eigenvalue). */
  sgdLr: number;
  rhos: number[];
  /** Target loss as a fraction of the start loss. */
  tol: number;
  maxSteps: number;
  /** Learning-rate grid, in units of 1/L: [lo, hi] and size. */
  gridLo: number;
  gridHi: number;
  gridSize: number;
  /** Steps over which jitter (direction reversals) is counted. */
  jitterSteps: number;
  /** A planted bug of the falsifier tests ("none" in real runs). */
  fault?: string;
}

/** The measured Hessian of a quadratic and its eigen-structure. */
export interface HessianInfo {
  hessian: number[][];
  eigenvalues: [number, number];
  /** Unit eigenvectors: shallow, steep. */
  axes: [number[], number[]];
  kappa: number;
}

/** Measures the Hessian of `f` at `at` by differences of the gradient (fault "axes-swapped": steep axis first). */
export function hessianInfo(f: Objective, at: Float32Array, fault = "none"): HessianInfo {
  const hessian = numericHessian(f, at);
  const { values, vectors } = eigen2(hessian);
  const axes: [number[], number[]] = fault === "axes-swapped" ? [vectors[1], vectors[0]] : vectors;
  return { hessian, eigenvalues: values, axes, kappa: Math.abs(values[1] / values[0]) };
}

/** A seeded start point: angle φ in [20°, 70°] in the eigenbasis, equal loss scale on both axes. */
export function startPoint(info: HessianInfo, rng: Rng): Float32Array {
  const phi = ((20 + 50 * rng.next()) * Math.PI) / 180;
  const [l1, l2] = info.eigenvalues, [u, w] = info.axes;
  const c1 = Math.cos(phi) / Math.sqrt(l1), c2 = Math.sin(phi) / Math.sqrt(l2);
  return Float32Array.of(c1 * u[0] + c2 * w[0], c1 * u[1] + c2 * w[1]);
}

/**
 * Steps gradient descent with step α needs on a quadratic, from the eigen-decomposition alone:
 * loss(t) = ½ Σ λ_i c_i² (1 − αλ_i)^{2t}. Null when it never gets there within `maxSteps`.
 */
export function gdStepsTheory(info: HessianInfo, start: Float32Array, lr: number, target: number, maxSteps: number) {
  const c = info.axes.map((v) => v[0] * start[0] + v[1] * start[1]);
  for (let t = 0; t <= maxSteps; t++) {
    const loss = info.eigenvalues.reduce((s, l, i) => s + 0.5 * l * c[i] ** 2 * (1 - lr * l) ** (2 * t), 0);
    if (loss <= target) return t;
  }
  return null;
}

type Maker = (lr: number) => Optimizer<unknown>;
const makers = (rho: number, fault?: string): Record<string, Maker> => ({
  momentum: (lr) => slideMomentum({ lr, rho }, fault) as Optimizer<unknown>,
  nesterov: (lr) => slideNesterov({ lr, rho }, fault) as Optimizer<unknown>,
});

/** B4: SGD's jitter on the quadratic, and steps to the target against the condition number. */
export function jitterStudy(s: QuadraticSettings, kappas: number[], rng: Rng) {
  const q = quadratic({ shallow: s.shallow, kappa: s.kappa, angleDeg: s.angle });
  const info = hessianInfo(q, Float32Array.of(0.3, -0.2), s.fault);
  const start = startPoint(info, rng);
  const L = info.eigenvalues[1], lr = s.sgdLr / L;
  const t = minimize(sgd({ lr }), q, start, s.jitterSteps);
  const steep = along(t.params, info.axes[1]), flat = along(t.params, info.axes[0]);
  const sweep = kappas.map((kappa) => {
    const qk = quadratic({ shallow: s.shallow, kappa, angleDeg: s.angle });
    const ik = hessianInfo(qk, Float32Array.of(0.3, -0.2), s.fault);
    const st = startPoint(ik, rng.fork(`kappa ${kappa}`));
    const lrk = s.sgdLr / ik.eigenvalues[1], target = s.tol * qk.loss(st);
    return {
      kappa,
      measuredKappa: ik.kappa,
      steps: stepsToReach(sgd({ lr: lrk }), qk, st, target, s.maxSteps),
      theorySteps: gdStepsTheory(ik, st, lrk, target, s.maxSteps),
    };
  });
  return {
    hessian: info.hessian,
    eigenvalues: info.eigenvalues,
    measuredKappa: info.kappa,
    lr,
    steepReversals: reversals(steep),
    /** |steep|, |shallow| coordinate relative to the start, after jitterSteps. */
    steepLeft: Math.abs(steep[steep.length - 1] / steep[0]),
    shallowLeft: Math.abs(flat[flat.length - 1] / flat[0]),
    shallowTheory: Math.abs(1 - lr * info.eigenvalues[0]) ** s.jitterSteps,
    steepTheory: Math.abs(1 - lr * info.eigenvalues[1]) ** s.jitterSteps,
    path: t.params.map((p) => [p[0], p[1]]),
    sweep,
  };
}

/** B7 and B8: momentum (EMA form) and Nesterov against SGD on the ill-conditioned quadratic. */
export function momentumStudy(s: QuadraticSettings, rng: Rng) {
  const q = quadratic({ shallow: s.shallow, kappa: s.kappa, angleDeg: s.angle });
  const info = hessianInfo(q, Float32Array.of(0.3, -0.2), s.fault);
  const start = startPoint(info, rng);
  const L = info.eigenvalues[1], target = s.tol * q.loss(start);
  const grid = logGrid(s.gridLo / L, s.gridHi / L, s.gridSize);
  const steepOf = (opt: Optimizer<unknown>) => along(minimize(opt, q, start, s.jitterSteps).params, info.axes[1]);
  const steps = (opt: Optimizer<unknown>) => stepsToReach(opt, q, start, target, s.maxSteps);
  const sgdBest = bestOnGrid(grid, (lr) => steps(sgd({ lr }) as Optimizer<unknown>));
  const perRho = s.rhos.map((rho) => {
    const mk = makers(rho, s.fault);
    const done = (t: { losses: number[] }) => t.losses[t.losses.length - 1] <= target;
    const os = (t: { params: Float32Array[] }) => Math.max(...info.axes.map((ax) => overshoot(along(t.params, ax))));
    // One momentum and one Nesterov run per grid α: momentum's best α (B7), and B8's pairs at the same α and ρ.
    let best: { lr: number; steps: number | null } = { lr: grid[0], steps: null };
    const pairs = [];
    for (const lr of grid) {
      const a = minimize(mk.momentum(lr), q, start, s.maxSteps, (l) => l <= target);
      if (done(a) && (best.steps === null || a.losses.length - 1 < best.steps)) {
        best = { lr, steps: a.losses.length - 1 };
      }
      if (!done(a)) continue;
      const b = minimize(mk.nesterov(lr), q, start, s.maxSteps, (l) => l <= target);
      if (!done(b)) continue;
      pairs.push({
        lrL: lr * L,
        momentumOvershoot: os(a),
        nesterovOvershoot: os(b),
        momentumSteps: a.losses.length - 1,
        nesterovSteps: b.losses.length - 1,
      });
    }
    return {
      rho,
      reversals: reversals(steepOf(mk.momentum(s.sgdLr / L))),
      bestLrL: best.lr * L,
      bestSteps: best.steps,
      pairs,
    };
  });
  return {
    measuredKappa: info.kappa,
    sgdReversals: reversals(steepOf(sgd({ lr: s.sgdLr / L }) as Optimizer<unknown>)),
    sgdBestLrL: sgdBest.lr * L,
    sgdBestSteps: sgdBest.steps,
    perRho,
  };
}

/** Loss curves of SGD and momentum at their best grid rates (seed's start), for the chart. */
export function bestCurves(s: QuadraticSettings, rng: Rng, best: { name: string; opt: Optimizer<unknown> }[]) {
  const q = quadratic({ shallow: s.shallow, kappa: s.kappa, angleDeg: s.angle });
  const info = hessianInfo(q, Float32Array.of(0.3, -0.2), s.fault);
  const start = startPoint(info, rng);
  const target = s.tol * q.loss(start);
  return best.map(({ name, opt }) => ({
    name,
    losses: minimize(opt, q, start, s.maxSteps, (l) => l <= target * 1e-2).losses,
  }));
}

/** Settings of the saddle study (B6). */
export interface SaddleSettings {
  /** steep / shallow curvature. */
  ratio: number;
  /** Scale of the start's distance from the stable manifold (y). */
  offset: number;
  rhos: number[];
  gridLo: number;
  gridHi: number;
  gridSize: number;
  maxSteps: number;
  /** A planted bug of the falsifier tests ("none" in real runs). */
  fault?: string;
}

/** B6: steps to leave the saddle (loss below half the minimum's value), GD against momentum. */
export function saddleStudy(s: SaddleSettings, rng: Rng) {
  const f = saddle({ steep: s.ratio, shallow: 1 });
  const start = Float32Array.of(0.5 + rng.next(), (rng.next() < 0.5 ? -1 : 1) * s.offset * 2 ** (2 * rng.next() - 1));
  const fMin = -0.25, target = fMin / 2, near = 0.01;
  const grid = logGrid(s.gridLo / s.ratio, s.gridHi / s.ratio, s.gridSize);
  const run = (opt: Optimizer<unknown>) => minimize(opt, f, start, s.maxSteps, (l) => l <= target);
  const summary = (opt: Optimizer<unknown>) => {
    const t = run(opt), done = t.losses[t.losses.length - 1] <= target;
    return {
      steps: done ? t.losses.length - 1 : null,
      stalled: t.params.filter((p) => Math.abs(p[1]) < near).length,
      ys: t.params.map((p) => p[1]),
    };
  };
  const best = (mk: Maker) => bestOnGrid(grid, (lr) => summary(mk(lr)).steps);
  const gd = best((lr) => sgd({ lr }) as Optimizer<unknown>);
  const gdRun = summary(sgd({ lr: gd.lr }) as Optimizer<unknown>);
  const perRho = s.rhos.map((rho) => {
    const mk = makers(rho, s.fault);
    const b = best(mk.momentum);
    const r = summary(mk.momentum(b.lr));
    return {
      rho,
      bestLrL: b.lr * s.ratio,
      steps: b.steps,
      stalled: r.stalled,
      atGdLrSteps: summary(mk.momentum(gd.lr)).steps,
      ys: r.ys,
    };
  });
  return {
    start: [start[0], start[1]],
    gdLrL: gd.lr * s.ratio,
    gdSteps: gd.steps,
    gdStalled: gdRun.stalled,
    /** Linearised escape time of GD: ln(y_exit / abs(y0)) / ln(1 + α·shallow), y_exit where the loss crosses the target. */
    gdTheorySteps: Math.log(Math.sqrt(1 - Math.SQRT1_2) / Math.abs(start[1])) / Math.log(1 + gd.lr),
    /** Linearised time GD spends with |y| < 0.01: ln(0.01 / abs(y0)) / ln(1 + α·shallow). */
    gdStallTheory: Math.log(near / Math.abs(start[1])) / Math.log(1 + gd.lr),
    gdYs: gdRun.ys,
    perRho,
  };
}
