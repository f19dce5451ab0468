/**
 * Batch-, Layer-, Instance- and GroupNorm written from their definitions (Wu & He, "Group
 * Normalization", ECCV 2018): for activations x of shape [N, H, W, C],
 * `x̂ = (x − μ) / sqrt(σ² + ε)` with μ, σ² taken over a set S of elements that share them:
 * BatchNorm pools (N, H, W) per channel, LayerNorm (H, W, C) per sample, InstanceNorm (H, W) per
 * sample and channel, GroupNorm (H, W, C/G) per sample and group of C/G channels. γ = 1, β = 0.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";

/** The four normalizations of the figure. */
export type NormName = "batch" | "layer" | "instance" | "group";
/** Every norm, in the figure's order. */
export const NORMS: readonly NormName[] = ["batch", "layer", "instance", "group"];

function normalizeOver(tf: typeof tfjs, x: tfjs.Tensor, axes: number[], eps: number): tfjs.Tensor {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, axes, true);
    return tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps)));
  });
}

function check4d(x: tfjs.Tensor): void {
  if (x.rank !== 4) throw new RangeError(`Expected activations [N, H, W, C], got shape [${x.shape}]`);
}

/**
 * BatchNorm (training mode): statistics per channel over the batch and both spatial axes. `fault` is the
 * family's planted bug (params.ts), "none" in real runs.
 */
export function batchNorm(tf: typeof tfjs, x: tfjs.Tensor4D, eps: number, fault = "none"): tfjs.Tensor4D {
  check4d(x);
  return normalizeOver(tf, x, fault === "bn-channels-first" ? [0, 2, 3] : [0, 1, 2], eps) as tfjs.Tensor4D;
}

/** LayerNorm: statistics per sample over all of its channels and positions. */
export function layerNorm(tf: typeof tfjs, x: tfjs.Tensor4D, eps: number): tfjs.Tensor4D {
  check4d(x);
  return normalizeOver(tf, x, [1, 2, 3], eps) as tfjs.Tensor4D;
}

/** InstanceNorm: statistics per sample and channel over the positions. */
export function instanceNorm(tf: typeof tfjs, x: tfjs.Tensor4D, eps: number): tfjs.Tensor4D {
  check4d(x);
  return normalizeOver(tf, x, [1, 2], eps) as tfjs.Tensor4D;
}

/** GroupNorm: channels split into `groups` groups of C/G; statistics per sample and group. */
export function groupNorm(tf: typeof tfjs, x: tfjs.Tensor4D, groups: number, eps: number): tfjs.Tensor4D {
  check4d(x);
  const [n, h, w, c] = x.shape;
  if (!Number.isInteger(groups) || groups < 1 || c % groups !== 0) {
    throw new RangeError(`Groups must divide the ${c} channels, got "${groups}"`);
  }
  return tf.tidy(() => {
    const grouped = tf.reshape(x, [n, h, w, groups, c / groups]);
    return tf.reshape(normalizeOver(tf, grouped, [1, 2, 4], eps), [n, h, w, c]);
  }) as tfjs.Tensor4D;
}

/** Applies a norm by name (`groups` only for GroupNorm). */
export function applyNorm(
  tf: typeof tfjs,
  name: NormName,
  x: tfjs.Tensor4D,
  o: { groups: number; eps: number; fault?: string },
): tfjs.Tensor4D {
  switch (name) {
    case "batch":
      return batchNorm(tf, x, o.eps, o.fault);
    case "layer":
      return layerNorm(tf, x, o.eps);
    case "instance":
      return instanceNorm(tf, x, o.eps);
    case "group":
      return groupNorm(tf, x, o.groups, o.eps);
  }
}

/**
 * The set S a norm pools, as a key of the (sample n, channel c) cell: two elements share their
 * statistics iff their cells have the same key (positions h, w are always pooled).
 */
export function poolKey(name: NormName, n: number, c: number, channels: number, groups: number): string {
  switch (name) {
    case "batch":
      return `c${c}`;
    case "layer":
      return `n${n}`;
    case "instance":
      return `n${n}c${c}`;
    case "group":
      return `n${n}g${Math.floor(c / (channels / groups))}`;
  }
}

/**
 * The largest |mean| and |variance − 1| over the sets S that `pool` defines, computed in float64
 * from an [N, H, W, C] array of values.
 */
export function statsOver(
  values: ArrayLike<number>,
  shape: [number, number, number, number],
  pool: NormName,
  groups: number,
): { maxAbsMean: number; maxVarDev: number } {
  const [n, h, w, c] = shape;
  const sums = new Map<string, [number, number, number]>();
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < h * w; p++) {
      for (let k = 0; k < c; k++) {
        const v = values[(i * h * w + p) * c + k];
        const key = poolKey(pool, i, k, c, groups);
        const s = sums.get(key) ?? [0, 0, 0];
        s[0] += v;
        s[1] += v * v;
        s[2]++;
        sums.set(key, s);
      }
    }
  }
  let maxAbsMean = 0, maxVarDev = 0;
  for (const [s, q, count] of sums.values()) {
    const m = s / count;
    maxAbsMean = Math.max(maxAbsMean, Math.abs(m));
    maxVarDev = Math.max(maxVarDev, Math.abs(q / count - m * m - 1));
  }
  return { maxAbsMean, maxVarDev };
}
