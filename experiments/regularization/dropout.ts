/**
 * Dropout as on the slides. `p` is the probability of KEEPING a unit ("higher = less dropout");
 * the library's `rate` is the probability of dropping one, `rate = 1 - p`.
 *
 * - Vanilla dropout: `H *= U` with `U = rand < p` in training; `H * p` at test time.
 * - Inverted dropout: `H *= U / p` in training; `H` unchanged at test time.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";

/** The two implementations on the "Dropout Summary" slides. */
export type DropoutKind = "vanilla" | "inverted";

/** The family's planted bug (params.ts `fault`; "none" in real runs), passed down to where the bug would live. */
export type Fault = string;

/** The library's drop `rate` for a keep probability `p` (tfjs `tf.dropout`, `tf.layers.dropout`). */
export function rateFromKeep(p: number, fault: Fault = "none"): number {
  checkKeep(p);
  return fault === "rate-is-keep" ? p : 1 - p;
}

function checkKeep(p: number): void {
  if (!(p > 0 && p <= 1)) throw new RangeError(`Keep probability p must be in (0, 1], got "${p}"`);
}

/**
 * A keep mask as on the slides, `U = np.random.rand(n) < p`: 1 where the unit is kept, else 0.
 * @example
 * ```ts
 * keepMask(createRng(1), 4096, 0.5); // about half ones
 * ```
 */
export function keepMask(rng: Rng, n: number, p: number, fault: Fault = "none"): Float32Array {
  checkKeep(p);
  const mask = rng.below(n, p); // the same draws as n calls of rng.next()
  if (fault === "swap-keep-drop") mask.forEach((m, i) => (mask[i] = 1 - m)); // U = rand >= p: p drops
  return mask;
}

/** A keep mask shaped like `shape`, as a tensor (the caller disposes it). */
export function maskTensor(tf: typeof tfjs, rng: Rng, shape: number[], p: number, fault: Fault = "none"): tfjs.Tensor {
  return tf.tensor(keepMask(rng, shape.reduce((a, b) => a * b, 1), p, fault), shape);
}

/**
 * Training-time dropout of activations `h` with keep `mask` (0/1, same shape):
 * `h * U` (vanilla) or `h * U / p` (inverted).
 */
export function dropoutTrain<T extends tfjs.Tensor>(
  tf: typeof tfjs,
  h: T,
  mask: tfjs.Tensor,
  p: number,
  kind: DropoutKind,
  fault: Fault = "none",
): T {
  checkKeep(p);
  return tf.tidy(() =>
    kind === "vanilla" || fault === "no-rescale" ? tf.mul(h, mask) : tf.mul(h, tf.div(mask, p))
  ) as T;
}

/** Test-time dropout: `h * p` (vanilla: "scale the activations") or `h` (inverted: "no scaling necessary"). */
export function dropoutTest<T extends tfjs.Tensor>(tf: typeof tfjs, h: T, p: number, kind: DropoutKind): T {
  checkKeep(p);
  return tf.tidy(() => kind === "vanilla" ? tf.mul(h, p) : tf.clone(h)) as T;
}

/**
 * The slide's single neuron `a = w1·x + w2·y` under every dropout mask of its two inputs, with the
 * probability of each mask (keep probability `p`); summing `prob · a` is E[a] exactly.
 */
export function enumerateNeuronMasks(
  w: [number, number],
  input: [number, number],
  p: number,
): { mask: [number, number]; prob: number; a: number }[] {
  checkKeep(p);
  const out = [];
  for (const m1 of [1, 0]) {
    for (const m2 of [1, 0]) {
      const prob = (m1 ? p : 1 - p) * (m2 ? p : 1 - p);
      out.push({ mask: [m1, m2] as [number, number], prob, a: w[0] * input[0] * m1 + w[1] * input[1] * m2 });
    }
  }
  return out;
}

/**
 * log10 of the number of dropout masks of an `n`-unit layer, 2^n: `n · log10 2`, and, computed
 * independently with exact integers, the number of decimal digits of 2^n.
 */
export function maskCountLog10(n: number, fault: Fault = "none"): { log10: number; digits: number } {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Units must be a positive integer, got "${n}"`);
  const log2 = fault === "ln-for-log10" ? Math.log(2) : Math.log10(2); // JavaScript's Math.log is ln
  return { log10: n * log2, digits: (2n ** BigInt(n)).toString().length };
}
