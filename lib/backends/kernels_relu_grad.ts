/**
 * The gradient of Relu as one kernel. tfjs computes it as `dy · cast(step(x))`: three kernels, two
 * passes over a float32 array more than needed (on the bench CNN's first layer 2.1 ms of a 25 ms
 * train step; 1.1 ms as this kernel).
 *
 * The kernel gives what that composite gives on the cpu layout, bit for bit: `dy` where x > 0,
 * `dy · 0` where x ≤ 0 (a zero with dy's sign, NaN for an infinite or NaN dy), NaN where x is NaN
 * (kernels_relu_grad_test.ts compares them on random and special values, through first and second
 * derivatives). Relu's gradient is re-registered with tfjs to dispatch to it where the active
 * backend has the kernel, and to the very composite elsewhere.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { bits, type CpuKernelArgs, f32, out, type TensorInfo } from "./kernel_util.ts";
import { takeOutput } from "./buffer_pool.ts";

/** The kernel: inputs `dy`, `x` (float32, one shape); output dy where x > 0, as the stock gradient. */
export const RELU_GRAD = "ClaimbookReluGrad";

/**
 * The composite on the float32 bits for finite x and dy: dy where x > 0, dy · 0 (a zero with dy's
 * sign) elsewhere, without data-dependent branches (signs are random). Returns true when some x or
 * dy was NaN or infinite, for which {@link reluGradSpecial} must run instead.
 */
function reluGradFinite(dy: Float32Array, x: Float32Array, r: Float32Array): boolean {
  const db = bits(dy), xb = bits(x), rb = bits(r);
  let special = 0;
  for (let i = 0; i < xb.length; i++) {
    const b = xb[i], d = db[i];
    rb[i] = d & ((~(b >> 31) & (-b >> 31)) | 0x80000000); // positive x as an integer: all ones
    special |= (0x7f7fffff - (b & 0x7fffffff)) | (0x7f7fffff - (d & 0x7fffffff)); // < 0 for ±Inf, NaN
  }
  return special < 0;
}

/** The same with NaN for x NaN, and for x ≤ 0 under an infinite or NaN dy. */
function reluGradSpecial(dy: Float32Array, x: Float32Array, r: Float32Array): void {
  const db = bits(dy), xb = bits(x), rb = bits(r);
  for (let i = 0; i < xb.length; i++) {
    const b = xb[i], d = db[i];
    const xNaN = (0x7f800000 - (b & 0x7fffffff)) >> 31; // all ones for NaN
    const positive = ~(b >> 31) & (-b >> 31) & ~xNaN; // all ones for 0 < x ≤ +Inf
    const dyNonFinite = (0x7f7fffff - (d & 0x7fffffff)) >> 31; // all ones for ±Inf and NaN
    const timesZero = (d & 0x80000000) | (dyNonFinite & 0x7fc00000); // dy · 0
    rb[i] = (positive & d) | (~positive & ~xNaN & timesZero) | (xNaN & 0x7fc00000);
  }
}

/** The kernel for the cpu layout; throws on anything but two float32 tensors of one size. */
export function reluGrad(args: CpuKernelArgs): TensorInfo {
  const { dy, x } = args.inputs;
  const dv = f32(args.backend, dy), xv = f32(args.backend, x);
  if (!dv || !xv || dv.length !== xv.length) throw new Error(`${RELU_GRAD}: dy and x must be float32 of one shape`);
  const r = takeOutput(args.backend, xv.length); // every element is written
  if (reluGradFinite(dv, xv, r)) reluGradSpecial(dv, xv, r);
  return out(args.backend, x!.shape, r);
}

/** The stock gradient, as tfjs-core writes it. */
function composite(dy: tf.Tensor, x: tf.Tensor): tf.Tensor {
  return tf.mul(dy, tf.cast(tf.step(x), "float32"));
}

function fused(dy: tf.Tensor, x: tf.Tensor): tf.Tensor {
  const usable = dy.dtype === "float32" && x.dtype === "float32" && dy.size === x.size &&
    tf.getKernel(RELU_GRAD, tf.getBackend()) !== undefined;
  return usable ? tf.engine().runKernel(RELU_GRAD, { dy, x }, {}) as tf.Tensor : composite(dy, x);
}

/**
 * Registers Relu's gradient (global, for every backend: the fused kernel where the backend has it,
 * the stock composite elsewhere) and the kernel's own gradient, for second derivatives: the
 * composite's derivative by dy is the same mask, by x zero.
 */
export function registerReluGradient(): void {
  tf.registerGradient({
    kernelName: "Relu",
    inputsToSave: ["x"],
    gradFunc: (dy, saved) => ({ x: () => fused(dy as tf.Tensor, saved[0]) }),
  });
  tf.registerGradient({
    kernelName: RELU_GRAD,
    inputsToSave: ["x"],
    gradFunc: (ddx, saved) => ({
      dy: () => fused(ddx as tf.Tensor, saved[0]),
      x: () => tf.zerosLike(saved[0]),
    }),
  });
}
