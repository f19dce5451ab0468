/**
 * Tight float32 loops for unary kernels: Relu, Step, Abs, Neg, Square, Exp, Log, Tanh, Floor, Sqrt,
 * ClipByValue. Each
 * computes what the stock cpu kernel computes (the same Math function, rounded once to float32).
 *
 * Every operation has its own loop function on purpose: V8 shares optimised code between
 * closures of one function literal, so a loop parameterised by an operation (or a switch over
 * operations) is re-optimised back and forth and runs 3–10× slower.
 * @module
 */
import { bits, f32, type FastKernel, out, reluBits } from "./kernel_util.ts";
import { takeOutput } from "./buffer_pool.ts";

const relu = reluBits;

function abs(v: Float32Array, r: Float32Array): void {
  for (let i = 0; i < v.length; i++) r[i] = Math.abs(v[i]);
}

function neg(v: Float32Array, r: Float32Array): void {
  for (let i = 0; i < v.length; i++) r[i] = -1 * v[i];
}

function square(v: Float32Array, r: Float32Array): void {
  for (let i = 0; i < v.length; i++) r[i] = v[i] * v[i];
}

function exp(v: Float32Array, r: Float32Array): void {
  for (let i = 0; i < v.length; i++) r[i] = Math.exp(v[i]);
}

function log(v: Float32Array, r: Float32Array): void {
  for (let i = 0; i < v.length; i++) r[i] = Math.log(v[i]);
}

function tanh(v: Float32Array, r: Float32Array): void {
  for (let i = 0; i < v.length; i++) r[i] = Math.tanh(v[i]);
}

function floor(v: Float32Array, r: Float32Array): void {
  for (let i = 0; i < v.length; i++) r[i] = Math.floor(v[i]);
}

function sqrt(v: Float32Array, r: Float32Array): void {
  for (let i = 0; i < v.length; i++) r[i] = Math.sqrt(v[i]);
}

/** The stock kernel's clip, as written there: NaN and -0 pass through; lo and hi compared in double. */
function clip(v: Float32Array, r: Float32Array, lo: number, hi: number): void {
  for (let i = 0; i < v.length; i++) {
    const e = v[i];
    r[i] = e > hi ? hi : e < lo ? lo : e;
  }
}

/**
 * The same clip for lo < hi (or the very same bound) without data-dependent branches on the range:
 * Math.min/max agree with it except on NaN and on a zero inside the range, whose sign the stock
 * kernel keeps; both pass e through here.
 */
function clipOrdered(v: Float32Array, r: Float32Array, lo: number, hi: number): void {
  const zeroInside = lo <= 0 && 0 <= hi;
  for (let i = 0; i < v.length; i++) {
    const e = v[i];
    const m = Math.min(Math.max(e, lo), hi);
    r[i] = e !== e || (e === 0 && zeroInside) ? e : m;
  }
}

/** Step with alpha 0 on the float32 bits, without branches: 1 for e > 0, NaN for NaN, 0 elsewhere. */
function step0(v: Float32Array, r: Float32Array): void {
  const vb = bits(v), rb = bits(r);
  for (let i = 0; i < vb.length; i++) {
    const b = vb[i];
    const nan = (0x7f800000 - (b & 0x7fffffff)) >> 31; // all ones for NaN
    const positive = ~(b >> 31) & (-b >> 31); // all ones for b > 0 as an integer
    rb[i] = (0x3f800000 & positive & ~nan) | (b & nan); // 0x3f800000 is 1.0f
  }
}

/** Step: 1 where e > 0, NaN where e is NaN, `alpha` elsewhere. */
function stepAlpha(v: Float32Array, r: Float32Array, alpha: number): void {
  for (let i = 0; i < v.length; i++) {
    const e = v[i];
    r[i] = e > 0 ? 1 : e !== e ? e : alpha;
  }
}

function unary(loop: (v: Float32Array, r: Float32Array) => void): FastKernel {
  return ({ inputs, backend }) => {
    const x = inputs.x!;
    const v = f32(backend, x);
    if (!v) return undefined;
    const r = takeOutput(backend, v.length); // every element is written
    loop(v, r);
    return out(backend, x.shape, r);
  };
}

const step: FastKernel = ({ inputs, backend, attrs }) => {
  const x = inputs.x!;
  const v = f32(backend, x);
  if (!v) return undefined;
  const alpha = Number(attrs.alpha ?? 0);
  const r = takeOutput(backend, v.length); // every element is written
  if (alpha === 0) step0(v, r);
  else stepAlpha(v, r, alpha);
  return out(backend, x.shape, r);
};

const clipByValue: FastKernel = ({ inputs, backend, attrs }) => {
  const x = inputs.x!;
  const v = f32(backend, x);
  const lo = attrs.clipValueMin, hi = attrs.clipValueMax;
  if (!v || typeof lo !== "number" || typeof hi !== "number") return undefined;
  const r = takeOutput(backend, v.length); // every element is written
  if (lo < hi || Object.is(lo, hi)) clipOrdered(v, r, lo, hi);
  else clip(v, r, lo, hi);
  return out(backend, x.shape, r);
};

/** The unary overrides, by kernel name. */
export const unaryKernels: Record<string, FastKernel> = {
  Relu: unary(relu),
  Abs: unary(abs),
  Neg: unary(neg),
  Square: unary(square),
  Exp: unary(exp),
  Log: unary(log),
  Tanh: unary(tanh),
  Step: step,
  Floor: unary(floor),
  Sqrt: unary(sqrt),
  ClipByValue: clipByValue,
};
