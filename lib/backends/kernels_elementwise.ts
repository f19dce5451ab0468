/**
 * Tight float32 loops for the binary element-wise kernels: Add, Sub, Multiply, RealDiv (equal
 * shapes and one-sided broadcasts). Results equal the stock kernels' bit for bit: both compute in
 * double and round once to float32.
 * @module
 */
import type { Blas } from "./blas_ffi.ts";
import { f32, type FastKernel, out, size, type TensorInfo } from "./kernel_util.ts";
import { takeOutput } from "./buffer_pool.ts";
import type { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";

/**
 * From how many elements Add/Sub of equal shapes and Multiply by a scalar run on BLAS level 1
 * (scopy + saxpy/sscal, SIMD: ~7× faster than a JavaScript loop on 150k floats) instead of a loop.
 */
export const elementwiseTuning = { blasMin: 2048 };

type Level1 = NonNullable<Blas["level1"]>;

/**
 * The cases BLAS level 1 computes with the same rounding as the loops: `a ± b` (equal shapes, one
 * saxpy with ±1: the product is exact, one rounding) and `x · s` for a finite non-zero scalar s
 * (one sscal; s = 0 is left to the loop, since some BLAS versions then write zeros over NaN/Inf).
 * Undefined for the other cases.
 */
function level1(
  backend: MathBackendCPU,
  l1: Level1,
  op: Op,
  full: Float32Array,
  small: Float32Array,
  span: number,
  swap: boolean,
): Float32Array | undefined {
  const n = full.length;
  if (span === n && (op === 0 || op === 1)) {
    const [a, b] = swap ? [small, full] : [full, small];
    const r = takeOutput(backend, n);
    l1.scopy(n, a, r);
    l1.saxpy(n, op === 0 ? 1 : -1, b, r);
    return r;
  }
  if (span === 1 && op === 2 && small[0] !== 0 && Number.isFinite(small[0])) {
    const r = takeOutput(backend, n);
    l1.scopy(n, full, r);
    l1.sscal(n, small[0], r);
    return r;
  }
  return undefined;
}

/**
 * How the smaller operand `small` (right-aligned against `outShape`) repeats: it must equal the
 * output on one contiguous block of axes and be 1 elsewhere. Element i of the output then uses
 * element `floor(i / inner) % span` of `small`. Undefined for any other pattern.
 */
export function repeatPattern(
  small: readonly number[],
  outShape: readonly number[],
): { inner: number; span: number } | undefined {
  const rank = outShape.length;
  const pad = rank - small.length; // small's axis i is the output's axis i + pad
  if (pad < 0) return undefined;
  let first = -1, last = -1;
  for (let i = pad; i < rank; i++) {
    const d = small[i - pad];
    if (d === 1) continue;
    if (d !== outShape[i]) return undefined;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return { inner: size(outShape), span: 1 };
  let inner = 1, span = 1;
  for (let i = first; i <= last; i++) {
    if (small[i - pad] !== outShape[i]) return undefined;
    span *= outShape[i];
  }
  for (let i = last + 1; i < rank; i++) inner *= outShape[i];
  return { inner, span };
}

type Op = 0 | 1 | 2 | 3; // add, sub, mul, div

/** out[i] = a[i] op b[j(i)], with b repeating as `pattern` says; `swap` computes b op a instead. */
function loop(
  r: Float32Array,
  op: Op,
  full: Float32Array,
  small: Float32Array,
  inner: number,
  span: number,
  swap: boolean,
): Float32Array {
  const n = full.length;
  if (inner === 1 && span === full.length) {
    // equal shapes
    if (swap) [full, small] = [small, full];
    if (op === 0) { for (let i = 0; i < n; i++) r[i] = full[i] + small[i]; }
    else if (op === 1) { for (let i = 0; i < n; i++) r[i] = full[i] - small[i]; }
    else if (op === 2) { for (let i = 0; i < n; i++) r[i] = full[i] * small[i]; }
    else for (let i = 0; i < n; i++) r[i] = full[i] / small[i];
    return r;
  }
  if (inner === 1) {
    // the small operand spans the trailing axes (e.g. a bias): rows of `span`
    for (let row = 0; row < n; row += span) {
      if (!swap) {
        if (op === 0) { for (let j = 0; j < span; j++) r[row + j] = full[row + j] + small[j]; }
        else if (op === 1) { for (let j = 0; j < span; j++) r[row + j] = full[row + j] - small[j]; }
        else if (op === 2) { for (let j = 0; j < span; j++) r[row + j] = full[row + j] * small[j]; }
        else for (let j = 0; j < span; j++) r[row + j] = full[row + j] / small[j];
      } else {
        if (op === 0) { for (let j = 0; j < span; j++) r[row + j] = small[j] + full[row + j]; }
        else if (op === 1) { for (let j = 0; j < span; j++) r[row + j] = small[j] - full[row + j]; }
        else if (op === 2) { for (let j = 0; j < span; j++) r[row + j] = small[j] * full[row + j]; }
        else for (let j = 0; j < span; j++) r[row + j] = small[j] / full[row + j];
      }
    }
    return r;
  }
  let i = 0;
  while (i < n) {
    for (let j = 0; j < span; j++) {
      const s = small[j];
      const end = i + inner;
      if (!swap) {
        if (op === 0) { for (; i < end; i++) r[i] = full[i] + s; }
        else if (op === 1) { for (; i < end; i++) r[i] = full[i] - s; }
        else if (op === 2) { for (; i < end; i++) r[i] = full[i] * s; }
        else for (; i < end; i++) r[i] = full[i] / s;
      } else {
        if (op === 0) { for (; i < end; i++) r[i] = s + full[i]; }
        else if (op === 1) { for (; i < end; i++) r[i] = s - full[i]; }
        else if (op === 2) { for (; i < end; i++) r[i] = s * full[i]; }
        else for (; i < end; i++) r[i] = s / full[i];
      }
    }
  }
  return r;
}

/**
 * Any other broadcast (both operands repeat, e.g. [N,1,1] · [1,H,W]): strided loops over the output
 * rows, each operand stepping by 0 along the axes it repeats on.
 */
function broadcastLoop(
  backend: MathBackendCPU,
  op: Op,
  a: TensorInfo,
  av: Float32Array,
  b: TensorInfo,
  bv: Float32Array,
): { shape: number[]; values: Float32Array } | undefined {
  const rank = Math.max(a.shape.length, b.shape.length);
  const pad = (s: readonly number[]) => [...new Array(rank - s.length).fill(1), ...s];
  const pa = pad(a.shape), pb = pad(b.shape);
  const shape = pa.map((d, i) => Math.max(d, pb[i]));
  if (pa.some((d, i) => d !== 1 && d !== shape[i]) || pb.some((d, i) => d !== 1 && d !== shape[i])) return undefined;
  const stridesOf = (s: number[]) => {
    const st = new Array<number>(rank);
    let acc = 1;
    for (let d = rank - 1; d >= 0; d--) {
      st[d] = s[d] === 1 ? 0 : acc;
      acc *= s[d];
    }
    return st;
  };
  const sa = stridesOf(pa), sb = stridesOf(pb);
  const n = size(shape), inner = shape[rank - 1] ?? 1, ia = sa[rank - 1] ?? 0, ib = sb[rank - 1] ?? 0;
  const r = takeOutput(backend, n);
  const idx = new Array<number>(Math.max(0, rank - 1)).fill(0);
  let oa = 0, ob = 0;
  for (let row = 0; row < n; row += inner) {
    if (op === 0) { for (let j = 0; j < inner; j++) r[row + j] = av[oa + j * ia] + bv[ob + j * ib]; }
    else if (op === 1) { for (let j = 0; j < inner; j++) r[row + j] = av[oa + j * ia] - bv[ob + j * ib]; }
    else if (op === 2) { for (let j = 0; j < inner; j++) r[row + j] = av[oa + j * ia] * bv[ob + j * ib]; }
    else for (let j = 0; j < inner; j++) r[row + j] = av[oa + j * ia] / bv[ob + j * ib];
    for (let d = rank - 2; d >= 0; d--) {
      if (++idx[d] < shape[d]) {
        oa += sa[d];
        ob += sb[d];
        break;
      }
      oa -= (shape[d] - 1) * sa[d];
      ob -= (shape[d] - 1) * sb[d];
      idx[d] = 0;
    }
  }
  return { shape, values: r };
}

function binary(op: Op, l1: Level1 | undefined): FastKernel {
  return ({ inputs, backend }) => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const av = f32(backend, a);
    const bv = f32(backend, b);
    if (!av || !bv) return undefined;
    const aFull = av.length >= bv.length;
    const big = aFull ? a : b;
    const small = aFull ? b : a;
    const pattern = repeatPattern(small.shape, big.shape);
    if (!pattern) {
      const general = broadcastLoop(backend, op, a, av, b, bv);
      return general && out(backend, general.shape, general.values);
    }
    const bigV = aFull ? av : bv;
    const smallV = aFull ? bv : av;
    if (pattern.inner === 1 && pattern.span === bigV.length && small.shape.length !== big.shape.length) {
      return undefined; // equal sizes but different ranks: leave the shape rules to the stock kernel
    }
    const fast = l1 && bigV.length >= elementwiseTuning.blasMin && (pattern.inner === 1 || pattern.span === 1)
      ? level1(backend, l1, op, bigV, smallV, pattern.span, !aFull)
      : undefined;
    return out(
      backend,
      big.shape,
      fast ?? loop(takeOutput(backend, bigV.length), op, bigV, smallV, pattern.inner, pattern.span, !aFull),
    );
  };
}

/** The binary element-wise overrides, by kernel name; with `blas`, large cases use its level 1. */
export function binaryKernels(blas?: Blas): Record<string, FastKernel> {
  const l1 = blas?.level1;
  return { Add: binary(0, l1), Sub: binary(1, l1), Multiply: binary(2, l1), RealDiv: binary(3, l1) };
}
