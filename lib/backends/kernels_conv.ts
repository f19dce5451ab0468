/**
 * Conv2D, FusedConv2D and both Conv2D gradients as im2col + `cblas_sgemm` (NHWC only; NCHW goes
 * to the stock kernels). Columns are built a few images at a time to bound memory.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Blas } from "./blas_ffi.ts";
import { giveBack, takeOutput } from "./buffer_pool.ts";
import {
  type CpuKernelArgs,
  f32,
  type FastKernel,
  finishFused,
  out,
  recordingGradients,
  type TensorInfo,
} from "./kernel_util.ts";
import { col2im, type ConvInfo, im2col } from "./im2col.ts";

/** Tuning of the convolutions. */
export const convTuning = {
  /** The largest im2col buffer, in floats, before the batch is split into chunks of images. */
  maxCols: 1 << 22,
  /** How many forward passes' columns are kept for their filter gradients (the most recent ones). */
  cachedCols: 8,
};

/** Conv2D geometry for NHWC input, or undefined for NCHW (left to the stock kernels). */
function convInfo(xShape: number[], filterShape: number[], attrs: CpuKernelArgs["attrs"], dilations: unknown) {
  const format = attrs.dataFormat ?? "NHWC";
  if (format !== "NHWC" && format !== "channelsLast") return undefined;
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides as [number, number],
    (dilations ?? 1) as [number, number],
    attrs.pad as "same",
    attrs.dimRoundingMode as "round" | undefined,
    false,
    "channelsLast",
  );
}

/**
 * The recent forward passes' im2col of their inputs, by input data id (tfjs never changes a
 * tensor's data in place, and never reuses a data id), so that the filter gradient of the same
 * convolution need not build it again. The columns are scratch arrays of the backend's buffer
 * pool: a fresh 7 MB array costs more in page faults (~2 ms) than im2col itself, so the oldest
 * entry beyond `convTuning.cachedCols` goes back to the pool (and outside a gradient tape, where no
 * filter gradient follows, the columns go back at once).
 */
const colsCache = new Map<object, { key: string; cols: Float32Array; backend: CpuKernelArgs["backend"] }>();

function cacheCols(backend: CpuKernelArgs["backend"], dataId: object, key: string, cols: Float32Array): void {
  const old = colsCache.get(dataId);
  colsCache.delete(dataId);
  if (old) giveBack(old.backend, old.cols);
  colsCache.set(dataId, { key, cols, backend });
  for (const [id, entry] of colsCache) {
    if (colsCache.size <= convTuning.cachedCols) break;
    colsCache.delete(id);
    giveBack(entry.backend, entry.cols);
  }
}

function geometryKey(info: ConvInfo): string {
  return [
    info.filterHeight,
    info.filterWidth,
    info.inChannels,
    info.strideHeight,
    info.strideWidth,
    info.dilationHeight,
    info.dilationWidth,
    info.padInfo.top,
    info.padInfo.left,
    info.outHeight,
    info.outWidth,
  ].join();
}

/** Images per chunk so that one chunk's columns stay under `convTuning.maxCols` floats. */
function chunkImages(info: ConvInfo): number {
  const perImage = info.outHeight * info.outWidth * info.filterHeight * info.filterWidth * info.inChannels;
  return Math.max(1, Math.min(info.batchSize, Math.floor(convTuning.maxCols / Math.max(1, perImage))));
}

/** True when the convolution is a plain matrix product of x (1×1 filter, stride 1, no padding). */
function isPointwise(info: ConvInfo): boolean {
  return info.filterHeight === 1 && info.filterWidth === 1 && info.strideHeight === 1 && info.strideWidth === 1 &&
    info.padInfo.top === 0 && info.padInfo.left === 0 && info.outHeight === info.inHeight &&
    info.outWidth === info.inWidth;
}

/** Forward convolution values [N, OH, OW, OC], or undefined when the case is left to the stock kernel. */
function convValues(blas: Blas, args: CpuKernelArgs): { values: Float32Array; shape: number[] } | undefined {
  const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
  const xv = f32(args.backend, x);
  const wv = f32(args.backend, filter);
  if (!xv || !wv) return undefined;
  const info = convInfo(x.shape, filter.shape, args.attrs, args.attrs.dilations);
  if (!info) return undefined;
  const oc = info.outChannels;
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const rowsPerImage = info.outHeight * info.outWidth;
  // every row is written by sgemm (beta 0), except for k = 0 (no input channels), where y is zero
  const n = info.batchSize * rowsPerImage * oc;
  const y = k === 0 ? new Float32Array(n) : takeOutput(args.backend, n);
  if (isPointwise(info)) {
    blas.sgemm(false, false, info.batchSize * rowsPerImage, oc, k, 1, xv, k, wv, oc, 0, y, oc);
  } else {
    const chunk = chunkImages(info);
    const cols = takeOutput(args.backend, chunk * rowsPerImage * k);
    for (let b0 = 0; b0 < info.batchSize; b0 += chunk) {
      const nb = Math.min(chunk, info.batchSize - b0);
      im2col(xv, info, b0, nb, cols);
      blas.sgemm(false, false, nb * rowsPerImage, oc, k, 1, cols, k, wv, oc, 0, y.subarray(b0 * rowsPerImage * oc), oc);
    }
    // kept only while a gradient is being recorded: only then may a filter gradient ask for them
    if (chunk >= info.batchSize && recordingGradients()) {
      cacheCols(args.backend, x.dataId, geometryKey(info), cols);
    } else giveBack(args.backend, cols);
  }
  return { values: y, shape: info.outShape };
}

/** The Conv2D override. */
export function conv2D(blas: Blas): FastKernel {
  return (args) => {
    const r = convValues(blas, args);
    return r && out(args.backend, r.shape, r.values);
  };
}

/** The FusedConv2D override: im2col + sgemm, then bias and activation in place. */
export function fusedConv2D(blas: Blas): FastKernel {
  return (args) => {
    const r = convValues(blas, args);
    if (!r) return undefined;
    const { bias, preluActivationWeights } = args.inputs;
    const { activation, leakyreluAlpha } = args.attrs;
    return finishFused(args.backend, r.values, r.shape, bias, activation, preluActivationWeights, leakyreluAlpha);
  };
}

/** The Conv2DBackpropInput override: dcols = dy · Wᵀ, then col2im. */
export function conv2DBackpropInput(blas: Blas): FastKernel {
  return (args) => {
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    const dyv = f32(args.backend, dy);
    const wv = f32(args.backend, filter);
    if (!dyv || !wv) return undefined;
    const info = convInfo(args.attrs.inputShape as number[], filter.shape, args.attrs, 1);
    if (!info) return undefined;
    const oc = info.outChannels;
    const k = info.filterHeight * info.filterWidth * info.inChannels;
    const rowsPerImage = info.outHeight * info.outWidth;
    const dx = takeOutput(args.backend, info.batchSize * info.inHeight * info.inWidth * info.inChannels).fill(0);
    if (isPointwise(info)) {
      blas.sgemm(false, true, info.batchSize * rowsPerImage, k, oc, 1, dyv, oc, wv, oc, 0, dx, k);
    } else {
      const chunk = chunkImages(info);
      const cols = takeOutput(args.backend, chunk * rowsPerImage * k);
      for (let b0 = 0; b0 < info.batchSize; b0 += chunk) {
        const nb = Math.min(chunk, info.batchSize - b0);
        blas.sgemm(
          false,
          true,
          nb * rowsPerImage,
          k,
          oc,
          1,
          dyv.subarray(b0 * rowsPerImage * oc),
          oc,
          wv,
          oc,
          0,
          cols,
          k,
        );
        col2im(cols, info, b0, nb, dx);
      }
      giveBack(args.backend, cols);
    }
    return out(args.backend, info.inShape, dx);
  };
}

/** The Conv2DBackpropFilter override: dW = colsᵀ · dy, accumulated over chunks of images. */
export function conv2DBackpropFilter(blas: Blas): FastKernel {
  return (args) => {
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    const xv = f32(args.backend, x);
    const dyv = f32(args.backend, dy);
    if (!xv || !dyv) return undefined;
    const filterShape = args.attrs.filterShape as number[];
    const info = convInfo(x.shape, filterShape, args.attrs, 1);
    if (!info) return undefined;
    const oc = info.outChannels;
    const k = info.filterHeight * info.filterWidth * info.inChannels;
    const rowsPerImage = info.outHeight * info.outWidth;
    const dw = new Float32Array(k * oc);
    if (isPointwise(info)) {
      blas.sgemm(true, false, k, oc, info.batchSize * rowsPerImage, 1, xv, k, dyv, oc, 0, dw, oc);
    } else {
      const chunk = chunkImages(info);
      const cached = colsCache.get(x.dataId);
      const reuse = chunk >= info.batchSize && cached?.key === geometryKey(info);
      const cols = reuse ? cached.cols : takeOutput(args.backend, chunk * rowsPerImage * k);
      for (let b0 = 0; b0 < info.batchSize; b0 += chunk) {
        const nb = Math.min(chunk, info.batchSize - b0);
        if (!reuse) im2col(xv, info, b0, nb, cols);
        const rows = nb * rowsPerImage;
        blas.sgemm(
          true,
          false,
          k,
          oc,
          rows,
          1,
          cols,
          k,
          dyv.subarray(b0 * rowsPerImage * oc),
          oc,
          b0 === 0 ? 0 : 1,
          dw,
          oc,
        );
      }
      if (!reuse) giveBack(args.backend, cols);
    }
    return out(args.backend, filterShape, dw);
  };
}
