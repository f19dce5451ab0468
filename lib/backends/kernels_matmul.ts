/**
 * BatchMatMul and _FusedMatMul on `cblas_sgemm`: one sgemm per output batch (one in all when the
 * right operand has no batch), on the tensors' own Float32Arrays.
 * @module
 */
import type { Blas } from "./blas_ffi.ts";
import { takeOutput } from "./buffer_pool.ts";
import { type CpuKernelArgs, f32, type FastKernel, finishFused, size, type TensorInfo } from "./kernel_util.ts";

/** Broadcast batch shape of two batch shapes (numpy rules), or undefined if incompatible. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | undefined {
  const rank = Math.max(a.length, b.length);
  const result: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return undefined;
    result.push(da === 1 ? db : da);
  }
  return result;
}

/** For each flat index of the broadcast batch shape `outDims`, the flat index into `dims`. */
export function batchIndexMap(dims: readonly number[], outDims: readonly number[]): Int32Array {
  const total = size(outDims);
  const map = new Int32Array(total);
  const rank = outDims.length;
  const offset = rank - dims.length;
  for (let flat = 0; flat < total; flat++) {
    let rest = flat;
    let index = 0;
    let stride = 1;
    for (let i = rank - 1; i >= 0; i--) {
      const coord = rest % outDims[i];
      rest = (rest - coord) / outDims[i];
      if (i >= offset) {
        const d = dims[i - offset];
        if (d !== 1) index += coord * stride;
        stride *= d;
      }
    }
    map[flat] = index;
  }
  return map;
}

/**
 * The product of `a` and `b` (rank ≥ 2, batch dims broadcast) as fresh values and shape, or
 * undefined when the inputs are not float32 or their shapes do not fit.
 */
export function matMulValues(
  blas: Blas,
  args: CpuKernelArgs,
): { values: Float32Array; shape: number[] } | undefined {
  const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
  const av = f32(args.backend, a);
  const bv = f32(args.backend, b);
  if (!av || !bv || a.shape.length < 2 || b.shape.length < 2) return undefined;
  const tA = args.attrs.transposeA === true;
  const tB = args.attrs.transposeB === true;
  const ra = a.shape.length;
  const rb = b.shape.length;
  const m = tA ? a.shape[ra - 1] : a.shape[ra - 2];
  const k = tA ? a.shape[ra - 2] : a.shape[ra - 1];
  const kb = tB ? b.shape[rb - 1] : b.shape[rb - 2];
  const n = tB ? b.shape[rb - 2] : b.shape[rb - 1];
  if (k !== kb) return undefined; // the stock kernel raises the proper error
  const aDims = a.shape.slice(0, -2);
  const bDims = b.shape.slice(0, -2);
  const outDims = broadcastShapes(aDims, bDims);
  if (!outDims) return undefined;
  const batch = size(outDims);
  const shape = [...outDims, m, n];
  // every element is written by sgemm (beta = 0), except for k = 0, where the product is zero
  const c = k === 0 ? new Float32Array(batch * m * n) : takeOutput(args.backend, batch * m * n);
  const lda = a.shape[ra - 1];
  const ldb = b.shape[rb - 1];
  const aBatch = size(aDims);
  const bBatch = size(bDims);
  if (k === 0) return { values: c, shape };
  if (bBatch === 1 && !tA && aBatch === batch) {
    // b is shared and a's batches are contiguous rows: one sgemm for all of them
    blas.sgemm(false, tB, batch * m, n, k, 1, av, lda, bv, ldb, 0, c, n);
    return { values: c, shape };
  }
  const mapA = batchIndexMap(aDims, outDims);
  const mapB = batchIndexMap(bDims, outDims);
  for (let i = 0; i < batch; i++) {
    blas.sgemm(
      tA,
      tB,
      m,
      n,
      k,
      1,
      av.subarray(mapA[i] * m * k),
      lda,
      bv.subarray(mapB[i] * k * n),
      ldb,
      0,
      c.subarray(i * m * n),
      n,
    );
  }
  return { values: c, shape };
}

/** The BatchMatMul override. */
export function batchMatMul(blas: Blas): FastKernel {
  return (args) => {
    const r = matMulValues(blas, args);
    return r && args.backend.makeTensorInfo(r.shape, "float32", r.values);
  };
}

/** The _FusedMatMul override: sgemm, then bias and activation in place. */
export function fusedMatMul(blas: Blas): FastKernel {
  return (args) => {
    const r = matMulValues(blas, args);
    if (!r) return undefined;
    const { bias, preluActivationWeights } = args.inputs;
    return finishFused(
      args.backend,
      r.values,
      r.shape,
      bias,
      args.attrs.activation,
      preluActivationWeights,
      args.attrs.leakyreluAlpha,
    );
  };
}
