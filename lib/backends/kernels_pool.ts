/**
 * MaxPool and MaxPoolGrad (NHWC) as channel-inner loops. Ties and NaN follow the stock kernel:
 * the first strictly greater value in row-major window order wins, NaN never wins, and a window
 * with no winner (all NaN or -Inf) gives -Inf and passes no gradient. The forward pass keeps the
 * maxima's positions for MaxPoolGrad only while a gradient is being recorded.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import {
  bits,
  type CpuKernelArgs,
  f32,
  type FastKernel,
  out,
  recordingGradients,
  size,
  type TensorInfo,
} from "./kernel_util.ts";
import { takeOutput } from "./buffer_pool.ts";

function poolInfo(xShape: number[], attrs: CpuKernelArgs["attrs"]) {
  return tf.backend_util.computePool2DInfo(
    xShape as [number, number, number, number],
    attrs.filterSize as [number, number],
    attrs.strides as [number, number],
    1,
    attrs.pad as "same",
    attrs.dimRoundingMode as "round" | undefined,
  );
}

/**
 * For each output element, the flat input index of its window's maximum (-1 if none), and the
 * maxima themselves (in `maxOut` when given: any contents, every element is written).
 */
export function maxPoolArgmax(
  x: Float32Array,
  info: tf.backend_util.Conv2DInfo,
  maxOut?: Float32Array,
): { max: Float32Array; arg: Int32Array } {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { filterHeight: FH, filterWidth: FW, strideHeight: SH, strideWidth: SW } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const max = (maxOut ?? new Float32Array(N * OH * OW * C)).fill(-Infinity);
  const arg = new Int32Array(max.length).fill(-1);
  const maxBits = bits(max), xBits = bits(x);
  let o = 0;
  for (let b = 0; b < N; b++) {
    for (let oy = 0; oy < OH; oy++) {
      const y0 = Math.max(0, oy * SH - top);
      const y1 = Math.min(H, oy * SH - top + FH);
      for (let ox = 0; ox < OW; ox++, o += C) {
        const x0 = Math.max(0, ox * SW - left);
        const x1 = Math.min(W, ox * SW - left + FW);
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const base = ((b * H + iy) * W + ix) * C;
            for (let c = 0; c < C; c++) {
              // branch-free "if (v > max) take it": random data mispredicts a branch half the time
              const take = -((x[base + c] > max[o + c]) as unknown as number); // all ones or 0
              maxBits[o + c] ^= (maxBits[o + c] ^ xBits[base + c]) & take;
              arg[o + c] ^= (arg[o + c] ^ (base + c)) & take;
            }
          }
        }
      }
    }
  }
  return { max, arg };
}

/**
 * The window maxima alone, as {@link maxPoolArgmax} computes them (every element of `max` written):
 * the forward pass of inference, where no gradient will ask for the positions. A loop of its own on
 * purpose (see kernels_unary.ts): the positions' stores were about a quarter of the time.
 */
export function maxPoolValues(x: Float32Array, info: tf.backend_util.Conv2DInfo, max: Float32Array): Float32Array {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { filterHeight: FH, filterWidth: FW, strideHeight: SH, strideWidth: SW } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  max.fill(-Infinity);
  const maxBits = bits(max), xBits = bits(x);
  for (let b = 0, o = 0; b < N; b++) {
    for (let oy = 0; oy < OH; oy++) {
      const y0 = Math.max(0, oy * SH - top);
      const y1 = Math.min(H, oy * SH - top + FH);
      for (let ox = 0; ox < OW; ox++, o += C) {
        const x0 = Math.max(0, ox * SW - left);
        const x1 = Math.min(W, ox * SW - left + FW);
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const base = ((b * H + iy) * W + ix) * C;
            for (let c = 0; c < C; c++) {
              const take = -((x[base + c] > max[o + c]) as unknown as number);
              maxBits[o + c] ^= (maxBits[o + c] ^ xBits[base + c]) & take;
            }
          }
        }
      }
    }
  }
  return max;
}

/**
 * The window maxima's positions found by the forward MaxPool, by input data id (tfjs never
 * changes a tensor's data in place), so that MaxPoolGrad need not search the windows again.
 */
const argmaxCache = new WeakMap<object, { key: string; arg: Int32Array }>();

function attrsKey(attrs: CpuKernelArgs["attrs"]): string {
  return JSON.stringify([attrs.filterSize, attrs.strides, attrs.pad, attrs.dimRoundingMode]);
}

/** The MaxPool override. */
export const maxPool: FastKernel = ({ inputs, backend, attrs }) => {
  const x = inputs.x as TensorInfo;
  const xv = f32(backend, x);
  if (!xv || x.shape.length !== 4) return undefined;
  const info = poolInfo(x.shape, attrs);
  const maxOut = takeOutput(backend, size(info.outShape));
  if (!recordingGradients()) return out(backend, info.outShape, maxPoolValues(xv, info, maxOut));
  const { max, arg } = maxPoolArgmax(xv, info, maxOut);
  argmaxCache.set(x.dataId, { key: attrsKey(attrs), arg });
  return out(backend, info.outShape, max);
};

/** The MaxPoolGrad override: each output's gradient goes to its window's first maximum. */
export const maxPoolGrad: FastKernel = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const xv = f32(backend, input);
  const dyv = f32(backend, dy);
  if (!xv || !dyv || input.shape.length !== 4) return undefined;
  const info = poolInfo(input.shape, attrs);
  const cached = argmaxCache.get(input.dataId);
  const arg = cached?.key === attrsKey(attrs) && cached.arg.length === size(info.outShape)
    ? cached.arg
    : maxPoolArgmax(xv, info).arg;
  const dx = takeOutput(backend, xv.length).fill(0);
  for (let i = 0; i < arg.length; i++) if (arg[i] >= 0) dx[arg[i]] += dyv[i];
  return out(backend, input.shape, dx);
};
