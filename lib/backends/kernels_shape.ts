/**
 * Copy kernels for the cpu-blas backend: Slice, Transpose, PadV2, SplitV and Reverse as row copies
 * and strided loops (the gathers are in kernels_gather.ts). The stock cpu kernels compute a multi-index per element (`indexToLoc`), which made a
 * sliced conv net or an augmentation pipeline spend most of its time copying.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { f32, type FastKernel, out, size, strides } from "./kernel_util.ts";
import { gatherNd, gatherV2 } from "./kernels_gather.ts";

/**
 * Calls `row(inputOffset, rowIndex)` for every row of `rowShape` (all dims but the last), where the
 * input offset is `Σ (start[d] + i[d]) · stride[d]` over those dims.
 */
function forEachRow(
  rowShape: readonly number[],
  start: readonly number[],
  stride: readonly number[],
  row: (offset: number, r: number) => void,
): void {
  const rank = rowShape.length;
  const rows = size(rowShape);
  const idx = new Array<number>(rank).fill(0);
  let offset = 0;
  for (let d = 0; d < rank; d++) offset += start[d] * stride[d];
  for (let r = 0; r < rows; r++) {
    row(offset, r);
    for (let d = rank - 1; d >= 0; d--) {
      if (++idx[d] < rowShape[d]) {
        offset += stride[d];
        break;
      }
      offset -= (rowShape[d] - 1) * stride[d];
      idx[d] = 0;
    }
  }
}

/** Copies `run` values from `v[from…]` to `r[to…]`: a loop for short runs (a subarray per run costs more). */
function copyRun(v: Float32Array, from: number, r: Float32Array, to: number, run: number): void {
  if (run < 64) { for (let j = 0; j < run; j++) r[to + j] = v[from + j]; }
  else r.set(v.subarray(from, from + run), to);
}

/**
 * Slice: one contiguous run per output row, where the trailing axes the slice spans fully are
 * merged into the run (a channel-last slice of H and W copies W·C values per row, not C).
 */
export const slice: FastKernel = ({ inputs, backend, attrs }) => {
  const x = inputs.x!;
  const v = f32(backend, x);
  if (!v || x.shape.length === 0) return undefined;
  const [begin, sz] = tf.slice_util.parseSliceParams(
    x as unknown as tf.Tensor,
    attrs.begin as number[],
    attrs.size as number[],
  );
  const st = strides(x.shape);
  const result = new Float32Array(size(sz));
  if (result.length === 0) return out(backend, sz, result);
  let k = x.shape.length - 1; // the run spans axis k and every axis after it
  while (k > 0 && begin[k] === 0 && sz[k] === x.shape[k]) k--;
  const run = sz[k] * st[k], first = begin[k] * st[k];
  forEachRow(sz.slice(0, k), begin.slice(0, k), st.slice(0, k), (offset, r) => {
    copyRun(v, offset + first, result, r * run, run);
  });
  return out(backend, sz, result);
};

/**
 * The same transpose on fewer axes: size-1 axes dropped, and input axes that stay adjacent and in
 * order in `perm` merged into one. Returns the input shape and the permutation of that.
 */
export function simplifyTranspose(
  shape: readonly number[],
  perm: readonly number[],
): { shape: number[]; perm: number[] } {
  const kept = perm.filter((p) => shape[p] !== 1); // the output's axes, as input axes
  const groups: number[][] = [];
  for (const p of kept) {
    const g = groups[groups.length - 1];
    if (g && g[g.length - 1] + 1 === p) g.push(p);
    else groups.push([p]);
  }
  // number the groups in input order; each has the product of its axes' sizes
  const order = groups.map((_g, i) => i).sort((i, j) => groups[i][0] - groups[j][0]);
  const inShape = order.map((i) => groups[i].reduce((n, p) => n * shape[p], 1));
  const rank = new Array<number>(groups.length);
  order.forEach((i, k) => (rank[i] = k));
  return { shape: inShape, perm: rank };
}

/**
 * Transpose: a strided gather, two output axes per inner loop (so short trailing axes do not cost
 * a call each) after merging the axes that move together ({@link simplifyTranspose}).
 */
export const transpose: FastKernel = ({ inputs, backend, attrs }) => {
  const x = inputs.x!;
  const v = f32(backend, x);
  if (!v || x.shape.length === 0) return undefined;
  const shape = (attrs.perm as number[]).map((p) => x.shape[p]);
  const result = new Float32Array(v.length);
  if (result.length === 0) return out(backend, shape, result);
  const simple = simplifyTranspose(x.shape, attrs.perm as number[]);
  const rank = simple.perm.length;
  if (rank <= 1) {
    result.set(v);
    return out(backend, shape, result);
  }
  const st = strides(simple.shape);
  const outShape = simple.perm.map((p) => simple.shape[p]), permStride = simple.perm.map((p) => st[p]);
  const n1 = outShape[rank - 2], s1 = permStride[rank - 2], n0 = outShape[rank - 1], s0 = permStride[rank - 1];
  const block = n1 * n0;
  forEachRow(outShape.slice(0, rank - 2), new Array(rank - 2).fill(0), permStride.slice(0, rank - 2), (offset, r) => {
    transposeBlock(v, offset, n1, s1, n0, s0, result, r * block);
  });
  return out(backend, shape, result);
};

/** r[to + i·n0 + j] = v[from + i·s1 + j·s0] for i < n1, j < n0, the longer axis in the inner loop. */
function transposeBlock(
  v: Float32Array,
  from: number,
  n1: number,
  s1: number,
  n0: number,
  s0: number,
  r: Float32Array,
  to: number,
): void {
  if (n0 < 8 && n1 > n0) {
    // a short last axis (e.g. channels): loop over the longer one inside
    for (let j = 0; j < n0; j++) {
      for (let i = 0, k = from + j * s0, o = to + j; i < n1; i++, k += s1, o += n0) r[o] = v[k];
    }
    return;
  }
  for (let i = 0; i < n1; i++, from += s1, to += n0) {
    for (let j = 0; j < n0; j++) r[to + j] = v[from + j * s0];
  }
}

/**
 * PadV2 (constant padding): fill, then one run per input row, where trailing axes without padding
 * are merged into the run.
 */
export const padV2: FastKernel = ({ inputs, backend, attrs }) => {
  const x = inputs.x!;
  const v = f32(backend, x);
  const paddings = attrs.paddings as [number, number][];
  if (!v || x.shape.length === 0) return undefined;
  const shape = x.shape.map((d, i) => paddings[i][0] + d + paddings[i][1]);
  const result = new Float32Array(size(shape));
  const fill = Number(attrs.constantValue ?? 0);
  if (fill !== 0) result.fill(fill);
  if (v.length === 0) return out(backend, shape, result);
  let k = x.shape.length - 1; // the run spans axis k and every axis after it
  while (k > 0 && paddings[k][0] === 0 && paddings[k][1] === 0) k--;
  const outStride = strides(shape), run = size(x.shape.slice(k));
  const base = paddings.reduce((o, [before], d) => o + before * outStride[d], 0);
  forEachRow(x.shape.slice(0, k), new Array(k).fill(0), outStride.slice(0, k), (offset, r) => {
    copyRun(v, r * run, result, base + offset, run);
  });
  return out(backend, shape, result);
};

/** SplitV: each part is `outer` contiguous runs of the input. */
export const splitV: FastKernel = ({ inputs, backend, attrs }) => {
  const x = inputs.x!;
  const v = f32(backend, x);
  if (!v || x.shape.length === 0) return undefined;
  const axis = tf.util.parseAxisParam(attrs.axis as number, x.shape)[0];
  const sizes = tf.backend_util.prepareSplitSize(x as unknown as tf.Tensor, attrs.numOrSizeSplits as number[], axis);
  const outer = size(x.shape.slice(0, axis)), inner = size(x.shape.slice(axis + 1)), dim = x.shape[axis];
  let begin = 0;
  return sizes.map((s) => {
    const result = new Float32Array(outer * s * inner);
    const run = s * inner;
    if (run === 1) {
      for (let o = 0, from = begin * inner; o < outer; o++, from += dim) result[o] = v[from];
    } else {
      for (let o = 0; o < outer; o++) copyRun(v, (o * dim + begin) * inner, result, o * run, run);
    }
    begin += s;
    return out(backend, x.shape.map((d, i) => (i === axis ? s : d)), result);
  });
};

/** Reverse along the given axes: a strided gather with negative strides on the reversed axes. */
export const reverse: FastKernel = ({ inputs, backend, attrs }) => {
  const x = inputs.x!;
  const v = f32(backend, x);
  if (!v || x.shape.length === 0) return undefined;
  const dims = tf.util.parseAxisParam(attrs.dims as number[], x.shape);
  const rank = x.shape.length, st = strides(x.shape);
  const flip = x.shape.map((_, d) => dims.includes(d));
  const start = x.shape.map((n, d) => (flip[d] ? n - 1 : 0));
  const step = st.map((s, d) => (flip[d] ? -s : s));
  const result = new Float32Array(v.length);
  if (v.length === 0) return out(backend, x.shape, result);
  const n = x.shape[rank - 1], s = step[rank - 1], first = start[rank - 1] * st[rank - 1];
  forEachRow(
    x.shape.slice(0, rank - 1),
    start.slice(0, rank - 1).map((b, d) => (flip[d] ? -b : b)),
    step.slice(0, rank - 1),
    (offset, r) => {
      const o = r * n, base = offset + first;
      for (let j = 0; j < n; j++) result[o + j] = v[base + j * s];
    },
  );
  return out(backend, x.shape, result);
};

/** The copy kernels, by tfjs kernel name. */
export const shapeKernels: Record<string, FastKernel> = {
  Slice: slice,
  Transpose: transpose,
  PadV2: padV2,
  GatherNd: gatherNd,
  GatherV2: gatherV2,
  SplitV: splitV,
  Reverse: reverse,
};
