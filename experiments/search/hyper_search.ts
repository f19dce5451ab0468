/**
 * Hyper-parameter search as in the lecture: trials of the 2-layer net at (lr, reg) drawn
 * log-uniformly (`10**uniform(lo, hi)`) or on a grid, coarse-to-fine narrowing of the ranges, and
 * the "worrying" check that flags a best value at the edge of its range.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import type { Matrix } from "../../lib/data/matrix.ts";
import { initTwoLayerModel } from "../../lib/nn/two_layer_net.ts";
import { train } from "../../lib/nn/classifier_trainer.ts";
import { num, type Real } from "../../lib/nn/real.ts";

/** A range of log10 values, [lo, hi]. */
export type LogRange = [number, number];

/** One trial's outcome. */
export interface Trial {
  lr: number;
  reg: number;
  /** Validation accuracy after the last epoch (a NaN model predicts class 0 everywhere). */
  valAcc: number;
  /** The last minibatch cost ("NaN" or "+Inf" when the run blew up). */
  cost: Real;
  /** Whether the cost or parameters went NaN/Inf. */
  nonFinite: boolean;
  /** Epochs trained, as the trainer's last row records them (fewer than asked when a NaN/Inf stopped it). */
  epochs: number;
}

/** How every trial is trained (the lecture's coarse-search call). */
export interface TrialSetup {
  hidden: number;
  initStd: number;
  epochs: number;
  batchSize: number;
  momentum: number;
  lrDecay: number;
}

/** Trains one fresh net at (lr, reg) on the tfjs backend and returns its outcome. */
export async function runTrial(
  tf: typeof tfjs,
  data: { train: Matrix; val: Matrix; classes: number },
  lr: number,
  reg: number,
  s: TrialSetup,
  rng: Rng,
): Promise<Trial> {
  const m = initTwoLayerModel(data.train.D, s.hidden, data.classes, rng.fork("init"), s.initStd);
  const rows = await train(tf, m, data.train, data.val, {
    reg,
    learningRate: lr,
    momentum: s.momentum,
    learningRateDecay: s.lrDecay,
    batchSize: s.batchSize,
    numEpochs: s.epochs,
    stopOnNonFinite: true,
    trainEvalSize: 1,
  }, rng.fork("train"));
  const last = rows[rows.length - 1];
  const nonFinite = rows.length - 1 < s.epochs || !Number.isFinite(num(last.cost));
  return { lr, reg, valAcc: last.valAcc, cost: last.cost, nonFinite, epochs: last.epoch };
}

/** `10**uniform(lo, hi)`, the lecture's sampling in log space. */
export function logUniform(rng: Rng, [lo, hi]: LogRange): number {
  return 10 ** rng.uniform(lo, hi);
}

/** `uniform(10**lo, 10**hi)`: sampling the rate itself uniformly, the mistake the lecture warns of (the
 * `linear-sampling` fault: nine tenths of the draws land in the top decade). */
export function linearUniform(rng: Rng, [lo, hi]: LogRange): number {
  return rng.uniform(10 ** lo, 10 ** hi);
}

/**
 * A k × k grid over two log ranges (k = round(sqrt(budget))), with spacing (hi − lo)/k. `offset`
 * places the points within their cells (0.5: the cell centres; a random offset gives a randomly
 * shifted grid, so that comparisons do not hinge on where a fixed lattice happens to fall).
 */
export function gridPoints(
  budget: number,
  a: LogRange,
  b: LogRange,
  offset: [number, number] = [0.5, 0.5],
): [number, number][] {
  const k = Math.max(1, Math.round(Math.sqrt(budget)));
  const at = ([lo, hi]: LogRange, i: number, u: number) => 10 ** (lo + ((i + u) * (hi - lo)) / k);
  const out: [number, number][] = [];
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out.push([at(a, i, offset[0]), at(b, j, offset[1])]);
  return out;
}

/** The trial with the highest validation accuracy (ties: the first; NaN/Inf trials rank last). */
export function best(trials: readonly Trial[]): Trial {
  const ok = trials.filter((t) => !t.nonFinite);
  const pool = ok.length ? ok : trials;
  return pool.reduce((a, b) => (b.valAcc > a.valAcc ? b : a));
}

/**
 * The fine stage's ranges: the smallest whole-decade ranges holding the `top` best coarse trials
 * (the lecture went from lr [-6, -3], reg [-5, 5] to lr [-4, -3], reg [-4, 0]). `worstFirst` is the
 * `narrow-worst` fault: the ranking sorted the wrong way round.
 */
export function narrowRanges(
  trials: readonly Trial[],
  top: number,
  worstFirst = false,
): { lr: LogRange; reg: LogRange } {
  const order = worstFirst ? (a: Trial, b: Trial) => a.valAcc - b.valAcc : (a: Trial, b: Trial) => b.valAcc - a.valAcc;
  const ranked = trials.filter((t) => !t.nonFinite).sort(order).slice(0, top);
  if (ranked.length === 0) throw new Error("Every coarse trial went NaN/Inf: nothing to narrow the search to");
  const span = (xs: number[]): LogRange => {
    const lo = Math.floor(Math.min(...xs.map(Math.log10)));
    const hi = Math.ceil(Math.max(...xs.map(Math.log10)));
    return [lo, hi > lo ? hi : lo + 1];
  };
  return { lr: span(ranked.map((t) => t.lr)), reg: span(ranked.map((t) => t.reg)) };
}

/** Where a value lies in its log range: 0 at the low edge, 1 at the high edge. */
export function position(x: number, [lo, hi]: LogRange): number {
  return (Math.log10(x) - lo) / (hi - lo);
}

/**
 * Which edge, if any, a value lies within `fraction` of (in log space): the lecture's "worrying" best.
 * `inverted` is the `edge-inverted` fault: the comparison turned round, so that a central value is
 * flagged (at the nearer edge) and a value at an edge is not.
 */
export function edgeOf(x: number, range: LogRange, fraction: number, inverted = false): "low" | "high" | null {
  const t = position(x, range);
  if (inverted) return t > fraction && t < 1 - fraction ? (t < 0.5 ? "low" : "high") : null;
  return t <= fraction ? "low" : t >= 1 - fraction ? "high" : null;
}

/** `n` learning rates spaced evenly in log space over `range`, both edges included. */
export function logSpaced([lo, hi]: LogRange, n: number): number[] {
  return Array.from({ length: n }, (_, i) => 10 ** (n === 1 ? hi : lo + (i * (hi - lo)) / (n - 1)));
}

/** The range widened by `decades` on the flagged side. */
export function widen(range: LogRange, edge: "low" | "high", decades: number): LogRange {
  return edge === "low" ? [range[0] - decades, range[1]] : [range[0], range[1] + decades];
}
