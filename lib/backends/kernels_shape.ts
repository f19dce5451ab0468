/**
 * Copy kernels for the cpu-blas backend: Slice, Transpose and PadV2 as row copies and strided
 * loops. The stock cpu kernels compute a multi-index per element (`indexToLoc`), which made a
 * sliced conv net or an augmentation pipeline spend most of its time copying.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { f32, type FastKernel, out, size } from "./kernel_util.ts";

function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d];
  }
  return s;
}

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

/** GatherNd: one `set` per index tuple; out-of-range indices are left to the stock kernel's error. */
export const gatherNd: FastKernel = ({ inputs, backend }) => {
  const params = inputs.params!, indices = inputs.indices!;
  const v = f32(backend, params);
  const idx = backend.data.get(indices.dataId)?.values;
  if (!v || indices.dtype !== "int32" || !(idx instanceof Int32Array) || indices.shape.length < 1) return undefined;
  const k = indices.shape[indices.shape.length - 1];
  if (k < 1 || k > params.shape.length) return undefined;
  const st = strides(params.shape);
  const slice = size(params.shape.slice(k));
  const count = idx.length / k;
  const shape = [...indices.shape.slice(0, -1), ...params.shape.slice(k)];
  const result = new Float32Array(count * slice);
  if (k === 1 && slice === 1) {
    if (!indicesInRange(idx, params.shape[0])) return undefined;
    gatherScalars(v, idx, params.shape[0], 1, result);
    return out(backend, shape, result);
  }
  for (let i = 0; i < count; i++) {
    let offset = 0;
    for (let j = 0; j < k; j++) {
      const ix = idx[i * k + j];
      if (ix < 0 || ix >= params.shape[j]) return undefined;
      offset += ix * st[j];
    }
    if (slice === 1) result[i] = v[offset];
    else result.set(v.subarray(offset, offset + slice), i * slice);
  }
  return out(backend, shape, result);
};

/** Whether every index is in [0, dim) (one branch-free pass). */
function indicesInRange(idx: Int32Array, dim: number): boolean {
  let bad = 0;
  for (let k = 0; k < idx.length; k++) bad |= idx[k] | (dim - 1 - idx[k]);
  return bad >= 0;
}

/** One value per index: r[o·m + k] = v[o·dim + idx[k]]. */
function gatherScalars(v: Float32Array, idx: Int32Array, dim: number, outer: number, r: Float32Array): void {
  const m = idx.length;
  for (let o = 0, to = 0; o < outer; o++) {
    const off = o * dim;
    for (let k = 0; k < m; k++, to++) r[to] = v[off + idx[k]];
  }
}

/** Runs of `inner` values per index. */
function gatherRuns(v: Float32Array, idx: Int32Array, dim: number, outer: number, inner: number, r: Float32Array) {
  let to = 0;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < idx.length; k++, to += inner) {
      const from = (o * dim + idx[k]) * inner;
      if (inner < 16) { for (let j = 0; j < inner; j++) r[to + j] = v[from + j]; }
      else r.set(v.subarray(from, from + inner), to);
    }
  }
}

/** GatherV2 (batchDims 0): one run of `inner` values per (outer, index) pair. */
export const gatherV2: FastKernel = ({ inputs, backend, attrs }) => {
  const x = inputs.x!, indices = inputs.indices!;
  const v = f32(backend, x);
  const idx = backend.data.get(indices.dataId)?.values;
  if (!v || indices.dtype !== "int32" || !(idx instanceof Int32Array) || ((attrs.batchDims as number) ?? 0) !== 0) {
    return undefined;
  }
  const axis = tf.util.parseAxisParam(attrs.axis as number, x.shape)[0];
  const outer = size(x.shape.slice(0, axis)), inner = size(x.shape.slice(axis + 1)), dim = x.shape[axis];
  if (!indicesInRange(idx, dim)) return undefined; // the stock kernel reports the bad index
  const shape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
  const result = new Float32Array(outer * idx.length * inner);
  if (inner === 1) gatherScalars(v, idx, dim, outer, result);
  else gatherRuns(v, idx, dim, outer, inner, result);
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
