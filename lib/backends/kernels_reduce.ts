/**
 * Sum, Mean and Max over a set of leading or trailing axes (the others go to the stock kernels):
 * Sum and Mean accumulated in double in the stock kernels' order, Max visiting the elements in the
 * stock kernel's order, so results match them bit for bit.
 * @module
 */
import { type CpuKernelArgs, f32, type FastKernel, out, size } from "./kernel_util.ts";
import { takeOutput } from "./buffer_pool.ts";

/** The sorted, non-negative reduction axes, or undefined if out of range. */
function reductionAxes(axis: unknown, rank: number): number[] | undefined {
  const raw = Array.isArray(axis) ? axis as number[] : axis == null ? [...Array(rank).keys()] : [axis as number];
  const axes = [...new Set(raw.map((a) => (a < 0 ? a + rank : a)))].sort((p, q) => p - q);
  return axes.some((a) => a < 0 || a >= rank) ? undefined : axes;
}

/**
 * Reduces x over `attrs.axis`; each element is first mapped by `scale` (Mean divides by the count
 * and rounds to float32 first, as the stock Mean does).
 */
function reduce(args: CpuKernelArgs, mean: boolean) {
  const { inputs, backend, attrs } = args;
  const x = inputs.x!;
  const v = f32(backend, x);
  if (!v) return undefined;
  const rank = x.shape.length;
  const axes = reductionAxes(attrs.axis, rank);
  if (!axes) return undefined;
  const reduced = new Set(axes);
  const kept = x.shape.filter((_, i) => !reduced.has(i));
  const shape = attrs.keepDims ? x.shape.map((d, i) => (reduced.has(i) ? 1 : d)) : kept;
  const trailing = axes.every((a, i) => a === rank - axes.length + i);
  const leading = axes.every((a, i) => a === i);
  const outSize = size(kept);
  const count = outSize === 0 ? 0 : v.length / outSize;
  const r = takeOutput(backend, outSize);
  if (trailing) {
    for (let o = 0, p = 0; o < outSize; o++) {
      let s = 0;
      const end = p + count;
      if (mean) { for (; p < end; p++) s += Math.fround(v[p] / count); }
      else for (; p < end; p++) s += v[p];
      r[o] = s;
    }
  } else if (leading) {
    const acc = new Float64Array(outSize);
    for (let p = 0; p < v.length;) {
      if (mean) { for (let o = 0; o < outSize; o++, p++) acc[o] += Math.fround(v[p] / count); }
      else for (let o = 0; o < outSize; o++, p++) acc[o] += v[p];
    }
    r.set(acc);
  } else {
    return undefined;
  }
  return out(backend, shape, r);
}

/** Max of runs of `count` consecutive elements: r[o] = max of v[o·count …]. */
function maxTrailing(v: Float32Array, r: Float32Array, count: number): void {
  for (let o = 0, p = 0; o < r.length; o++) {
    // as the stock kernel: start from the first element, take any NaN (it then stays), else a larger one
    let m = v[p];
    for (const end = p + count; p < end; p++) {
      const e = v[p];
      if (e > m || e !== e) m = e;
    }
    r[o] = m;
  }
}

/** Max over leading axes: r[o] = max over rows of v[row·r.length + o], rows in order. */
function maxLeading(v: Float32Array, r: Float32Array): void {
  const n = r.length;
  for (let o = 0; o < n; o++) r[o] = v[o];
  for (let p = n; p < v.length; p += n) {
    for (let o = 0; o < n; o++) {
      const e = v[p + o];
      if (e > r[o] || e !== e) r[o] = e;
    }
  }
}

/** Max over `attrs.reductionIndices` when they are leading or trailing axes. */
function max(args: CpuKernelArgs) {
  const { inputs, backend, attrs } = args;
  const x = inputs.x!;
  const v = f32(backend, x);
  if (!v || v.length === 0) return undefined;
  const rank = x.shape.length;
  const axes = reductionAxes(attrs.reductionIndices, rank);
  if (!axes) return undefined;
  const reduced = new Set(axes);
  const kept = x.shape.filter((_, i) => !reduced.has(i));
  const shape = attrs.keepDims ? x.shape.map((d, i) => (reduced.has(i) ? 1 : d)) : kept;
  const r = takeOutput(backend, size(kept));
  if (axes.every((a, i) => a === rank - axes.length + i)) maxTrailing(v, r, v.length / r.length);
  else if (axes.every((a, i) => a === i)) maxLeading(v, r);
  else return undefined;
  return out(backend, shape, r);
}

/** The reduction overrides, by kernel name. */
export const reduceKernels: Record<string, FastKernel> = {
  Sum: (args) => reduce(args, false),
  Mean: (args) => reduce(args, true),
  Max: max,
};
