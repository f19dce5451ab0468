/**
 * Gather kernels for the cpu-blas backend: GatherNd and GatherV2 as runs of copies, with a single
 * strided loop where every index picks one value (the bilinear resampling of the augmentations).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { f32, type FastKernel, out, size, strides } from "./kernel_util.ts";

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
    return gatherChecked(v, idx, params.shape[0], result) ? out(backend, shape, result) : undefined;
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

/**
 * r[k] = v[idx[k]] with the range check in the same pass; returns false (r is then garbage) when
 * an index is outside [0, dim).
 */
function gatherChecked(v: Float32Array, idx: Int32Array, dim: number, r: Float32Array): boolean {
  let bad = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    bad |= i | (dim - 1 - i);
    r[k] = v[i];
  }
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
  const shape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
  const result = new Float32Array(outer * idx.length * inner);
  // an index out of range is left to the stock kernel, which reports it
  if (outer === 1 && inner === 1) return gatherChecked(v, idx, dim, result) ? out(backend, shape, result) : undefined;
  if (!indicesInRange(idx, dim)) return undefined;
  if (inner === 1) gatherScalars(v, idx, dim, outer, result);
  else gatherRuns(v, idx, dim, outer, inner, result);
  return out(backend, shape, result);
};
