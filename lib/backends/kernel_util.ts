/**
 * Shared plumbing for kernel overrides on the tfjs `cpu` backend data layout (cpu and cpu-blas).
 *
 * An override is a {@link FastKernel}: it returns a result, or `undefined` when it does not handle
 * the case (another dtype, an unusual layout), and the stock kernel runs instead.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";

/** A tensor as a kernel sees it: shape, dtype and a handle to the backend's data. */
export type TensorInfo = tf.TensorInfo;

/** What tfjs passes to a kernel on a cpu-layout backend. */
export interface CpuKernelArgs {
  inputs: Record<string, TensorInfo | undefined>;
  backend: MathBackendCPU;
  attrs: Record<string, unknown>;
}

/** A kernel override; `undefined` means "not handled here, run the stock kernel". */
export type FastKernel = (args: CpuKernelArgs) => TensorInfo | TensorInfo[] | undefined;

/** The Float32Array behind a float32 tensor (no copy), or `undefined` for any other dtype. */
export function f32(backend: MathBackendCPU, t: TensorInfo | undefined): Float32Array | undefined {
  if (!t || t.dtype !== "float32") return undefined;
  const values = backend.data.get(t.dataId)?.values;
  return values instanceof Float32Array ? values : undefined;
}

/** Wraps freshly computed float32 values as a tensor of the backend. */
export function out(backend: MathBackendCPU, shape: number[], values: Float32Array): TensorInfo {
  return backend.makeTensorInfo(shape, "float32", values);
}

/** Number of elements of a shape. */
export function size(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a shape (elements, not bytes). */
export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d];
  }
  return s;
}

/** Calls the stock `cpu` kernel `name` (used for the cases an override leaves to it). */
export function stock(name: string, args: CpuKernelArgs): TensorInfo {
  const config = tf.getKernel(name, "cpu");
  if (!config) throw new Error(`tfjs has no cpu kernel "${name}"`);
  return config.kernelFunc(args as unknown as Parameters<tf.KernelFunc>[0]) as TensorInfo;
}

/**
 * Whether tfjs is recording a gradient tape: only then may a gradient kernel ask for what a forward
 * kernel kept for it (MaxPool's positions, a convolution's columns, the loss's softmax).
 */
export function recordingGradients(): boolean {
  return tf.engine().state.gradientDepth > 0;
}

/** The float32 bits of `v` (same memory). */
export function bits(v: Float32Array): Int32Array {
  return new Int32Array(v.buffer, v.byteOffset, v.length);
}

/**
 * r = max(0, v) on the float32 bits, without branches (V8 compiles Math.max to compare-and-branch,
 * which on random signs mispredicts half the time and runs ~10× slower): keep the bits unless the
 * sign bit is set and the value is not NaN; -0 and -Inf become +0, NaN stays NaN. r may be v.
 */
export function reluBits(v: Float32Array, r: Float32Array): void {
  const vb = bits(v), rb = bits(r);
  for (let i = 0; i < vb.length; i++) {
    const b = vb[i];
    const nan = (0x7f800000 - (b & 0x7fffffff)) >> 31; // all ones for NaN
    rb[i] = b & (~(b >> 31) | nan);
  }
}

/**
 * Applies a fused activation in place where it is a plain loop (`linear`, `relu`); returns false
 * for the others, which the caller then runs through their stock kernels.
 */
export function activateInPlace(values: Float32Array, activation: unknown): boolean {
  if (activation === undefined || activation === null || activation === "linear") return true;
  if (activation === "relu") {
    reluBits(values, values);
    return true;
  }
  return false;
}

/** Runs a fused activation that {@link activateInPlace} did not handle, through the stock kernels. */
export function activateStock(
  backend: MathBackendCPU,
  x: TensorInfo,
  activation: string,
  preluWeights: TensorInfo | undefined,
  leakyreluAlpha: unknown,
): TensorInfo {
  const call = (name: string, inputs: CpuKernelArgs["inputs"], attrs: CpuKernelArgs["attrs"] = {}) =>
    stock(name, { inputs, backend, attrs });
  switch (activation) {
    case "relu6":
      return call("Relu6", { x });
    case "elu":
      return call("Elu", { x });
    case "sigmoid":
      return call("Sigmoid", { x });
    case "leakyrelu":
      return call("LeakyRelu", { x }, { alpha: leakyreluAlpha });
    case "prelu":
      return call("Prelu", { x, alpha: preluWeights });
    default:
      throw new Error(`Activation ${activation} has not been implemented for the CPU backend.`);
  }
}

/**
 * Adds a bias in place to `values` laid out as rows of `n`, when the bias is a scalar or has
 * `n` elements (one per column). Returns false for any other bias shape.
 */
export function addBiasInPlace(values: Float32Array, n: number, bias: Float32Array): boolean {
  if (bias.length === 1) {
    const b = bias[0];
    for (let i = 0; i < values.length; i++) values[i] += b;
    return true;
  }
  if (bias.length !== n) return false;
  for (let row = 0; row < values.length; row += n) {
    for (let j = 0; j < n; j++) values[row + j] += bias[j];
  }
  return true;
}

/**
 * Finishes a fused kernel (`_FusedMatMul`, `FusedConv2D`): bias then activation, in place where
 * possible, otherwise through the stock Add and activation kernels. `y` is owned by the caller.
 */
export function finishFused(
  backend: MathBackendCPU,
  y: Float32Array,
  shape: number[],
  bias: TensorInfo | undefined,
  activation: unknown,
  preluWeights: TensorInfo | undefined,
  leakyreluAlpha: unknown,
): TensorInfo | undefined {
  const n = shape[shape.length - 1];
  let result: TensorInfo | undefined;
  if (bias) {
    const b = f32(backend, bias);
    if (!b) return undefined;
    // Only a bias spanning the last axis (or a scalar) is added in place; [n] broadcast to rows.
    const simple = bias.shape.length <= 1 && addBiasInPlace(y, n, b);
    if (!simple) {
      const yt = out(backend, shape, y);
      result = stock("Add", { inputs: { a: yt, b: bias }, backend, attrs: {} });
      backend.disposeIntermediateTensorInfo(yt);
    }
  }
  if (!result && activateInPlace(y, activation)) return out(backend, shape, y);
  const pre = result ?? out(backend, shape, y);
  if (activateInPlace(f32(backend, pre)!, activation)) return pre;
  const activated = activateStock(backend, pre, activation as string, preluWeights, leakyreluAlpha);
  backend.disposeIntermediateTensorInfo(pre);
  return activated;
}
