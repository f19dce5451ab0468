/**
 * Seeded randomness. Every random number in claimbook comes from an {@link Rng}; nothing else
 * may call `Math.random` or an unseeded tfjs op. The generator is sfc32 (a small, fast,
 * well-tested PRNG), seeded through splitmix32 so that nearby seeds give unrelated streams.
 * @module
 */
import { boxMuller } from "./box_muller.ts";

/** A seeded pseudo-random generator with the distributions the experiments need. */
export interface Rng {
  /** The seed this generator was made from. */
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo?: number, hi?: number): number;
  /** Standard normal (Box-Muller), or N(mean, std^2). */
  normal(mean?: number, std?: number): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** A fresh 32-bit integer, e.g. the `seed` argument of a tfjs random op or initializer. */
  seedInt(): number;
  /** `n` uniform values in [0, 1): the same numbers as `n` calls of {@link Rng.next}, faster. */
  uniforms(n: number): Float64Array;
  /** `n` draws of `next() < p` as 1 or 0: the same draws and outcomes as `n` calls of {@link Rng.next}, faster. */
  below(n: number, p: number): Float32Array;
  /** A Float32Array of `n` normal samples times `std`: the same numbers as `n` calls of `std * normal()`. */
  normals(n: number, std?: number): Float32Array;
  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
  /** An independent child generator, derived from this one's seed and `label`. */
  fork(label: string): Rng;
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Creates a generator from an integer seed.
 * @example
 * ```ts
 * const rng = createRng(1);
 * rng.normal(); // the same number on every machine
 * ```
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`Seed must be an integer, got "${seed}"`);
  const init = splitmix32(seed >>> 0);
  let a = init(), b = init(), c = init(), d = init();
  const next32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();
  let spare: number | null = null;
  const next = () => next32() / 4294967296;
  const gauss = () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = next();
    while (u === 0) u = next();
    const r = Math.sqrt(-2 * Math.log(u)), th = 2 * Math.PI * next();
    spare = r * Math.sin(th);
    return r * Math.cos(th);
  };
  // The bulk draws below run the generator on local copies of its state (a closure's variables are
  // slower to update in a loop) and store it back: the same stream as next32, 3× faster. Each inlines the
  // sfc32 step on purpose: a function call per draw would cost as much as the step itself.
  const uniforms = (n: number) => {
    const out = new Float64Array(n);
    let sa = a, sb = b, sc = c, sd = d;
    for (let i = 0; i < n; i++) {
      const t = (((sa + sb) | 0) + sd) | 0;
      sd = (sd + 1) | 0;
      sa = sb ^ (sb >>> 9);
      sb = (sc + (sc << 3)) | 0;
      sc = (sc << 21) | (sc >>> 11);
      sc = (sc + t) | 0;
      out[i] = (t >>> 0) / 4294967296;
    }
    a = sa, b = sb, c = sc, d = sd;
    return out;
  };
  const below = (n: number, p: number) => {
    // next() < p ⟺ t / 2^32 < p ⟺ t < p·2^32 (both sides exact in float64) ⟺ t < ceil(p·2^32) for an integer t
    const limit = Math.ceil(p * 4294967296);
    const out = new Float32Array(n);
    let sa = a, sb = b, sc = c, sd = d;
    for (let i = 0; i < n; i++) {
      const t = (((sa + sb) | 0) + sd) | 0;
      sd = (sd + 1) | 0;
      sa = sb ^ (sb >>> 9);
      sb = (sc + (sc << 3)) | 0;
      sc = (sc << 21) | (sc >>> 11);
      sc = (sc + t) | 0;
      out[i] = +((t >>> 0) < limit); // a flag, not a branch: random outcomes would mispredict
    }
    a = sa, b = sb, c = sc, d = sd;
    return out;
  };
  /** The draws of `pairs` Box-Muller pairs as {@link gauss} makes them: u (redrawn while 0), then v. */
  const drawPairs = (raw: Uint32Array, pairs: number) => {
    let sa = a, sb = b, sc = c, sd = d;
    for (let p = 0; p < 2 * pairs; p += 2) {
      let u = 0;
      do {
        u = (((sa + sb) | 0) + sd) | 0;
        sd = (sd + 1) | 0;
        sa = sb ^ (sb >>> 9);
        sb = (sc + (sc << 3)) | 0;
        sc = (sc << 21) | (sc >>> 11);
        sc = (sc + u) | 0;
      } while (u === 0);
      const v = (((sa + sb) | 0) + sd) | 0;
      sd = (sd + 1) | 0;
      sa = sb ^ (sb >>> 9);
      sb = (sc + (sc << 3)) | 0;
      sc = (sc << 21) | (sc >>> 11);
      sc = (sc + v) | 0;
      raw[p] = u;
      raw[p + 1] = v;
    }
    a = sa, b = sb, c = sc, d = sd;
  };
  const rng: Rng = {
    seed,
    next,
    uniform: (lo = 0, hi = 1) => lo + (hi - lo) * next(),
    normal: (mean = 0, std = 1) => mean + std * gauss(),
    int: (n) => Math.floor(next() * n),
    seedInt: () => next32() & 0x7fffffff,
    uniforms,
    below,
    normals(n, std = 1) {
      const out = new Float32Array(n);
      let i = 0;
      if (n > 0 && spare !== null) out[i++] = std * gauss();
      const pairs = Math.floor((n - i) / 2), pairsEnd = i + 2 * pairs;
      boxMuller(pairs, (raw) => drawPairs(raw, pairs), std, out, i);
      if (pairsEnd < n) out[pairsEnd] = std * gauss(); // leaves its sin as the spare, as gauss does
      return out;
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
    fork: (label) => createRng((seed ^ hashLabel(label)) | 0),
  };
  return rng;
}
