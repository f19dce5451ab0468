/**
 * Softmax cross-entropy (mean over the batch) as one kernel and its gradient as another, for the
 * cpu layout. `tf.losses.softmaxCrossEntropy` is a composite of ~16 kernels forward and ~20 backward
 * (log-sum-exp, the mean's division, the custom gradient computing both inputs' gradients), each
 * paying tfjs's per-kernel dispatch: about half the kernels of the lecture's 2-layer-net train step.
 *
 * Both kernels compute what that composite computes on the cpu layout, bit for bit: every
 * intermediate rounded to float32 where the composite stores a tensor, the sums accumulated in
 * double in the stock order, NaN and infinities propagated alike (kernels_loss_test.ts compares
 * them on random, extreme and non-finite inputs). While a gradient is being recorded, the forward
 * kernel also keeps the softmax it computed, by the logits' data id (tfjs never changes a tensor's
 * data in place), for the gradient kernel; elsewhere the gradient recomputes it from the logits
 * (the same values).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { type CpuKernelArgs, f32, out, recordingGradients, type TensorInfo } from "./kernel_util.ts";
import { takeOutput } from "./buffer_pool.ts";

/** The kernel: inputs `labels`, `logits` (both float32 [N, C]); output the scalar mean loss. */
export const SOFTMAX_XENT = "ClaimbookSoftmaxCrossEntropy";
/** Its gradient: inputs `dy` (scalar), `labels`, `logits`; attr `wrt` "logits" or "labels". */
export const SOFTMAX_XENT_GRAD = "ClaimbookSoftmaxCrossEntropyGrad";

/** lr = logits − logSumExp(logits) per row, as the composite's Max, Sub, Exp, Sum, Log, Add, Sub. */
function logSoftmax(x: Float32Array, rows: number, cols: number, lr: Float32Array): void {
  for (let i = 0, o = 0; i < rows; i++, o += cols) {
    let m = x[o];
    for (let j = 0; j < cols; j++) {
      const v = x[o + j];
      if (v !== v || v > m) m = v; // the stock Max: a NaN wins and stays
    }
    let s = 0;
    for (let j = 0; j < cols; j++) s += Math.fround(Math.exp(Math.fround(x[o + j] - m)));
    const lse = Math.fround(m + Math.fround(Math.log(Math.fround(s))));
    for (let j = 0; j < cols; j++) lr[o + j] = x[o + j] - lse;
  }
}

/** [rows, cols] of a rank-2 float32 pair of equal shapes, or undefined. */
function matrixShape(args: CpuKernelArgs): [number, number] | undefined {
  const { labels, logits } = args.inputs;
  if (!labels || !logits || logits.shape.length !== 2) return undefined;
  if (labels.shape.length !== 2 || labels.shape[0] !== logits.shape[0] || labels.shape[1] !== logits.shape[1]) {
    return undefined;
  }
  return [logits.shape[0], logits.shape[1]];
}

function inputsOf(args: CpuKernelArgs): { x: Float32Array; y: Float32Array; rows: number; cols: number } {
  const shape = matrixShape(args);
  const x = f32(args.backend, args.inputs.logits), y = f32(args.backend, args.inputs.labels);
  if (!shape || !x || !y) throw new Error(`${SOFTMAX_XENT}: labels and logits must be float32 [N, C] of one shape`);
  return { x, y, rows: shape[0], cols: shape[1] };
}

/** The softmax exp(log-softmax) as the composite rounds it, in place. */
function expInPlace(lr: Float32Array): Float32Array {
  for (let k = 0; k < lr.length; k++) lr[k] = Math.exp(lr[k]);
  return lr;
}

/** The softmax of recent logits (by data id) whose loss was computed while recording a gradient. */
const softmaxOf = new WeakMap<object, Float32Array>();

/** The forward kernel: mean over rows of −Σ_j labels·log-softmax(logits). */
export function softmaxXent(args: CpuKernelArgs): TensorInfo {
  const { x, y, rows, cols } = inputsOf(args);
  const lr = new Float32Array(x.length);
  logSoftmax(x, rows, cols, lr);
  let total = 0;
  for (let i = 0, o = 0; i < rows; i++, o += cols) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += -Math.fround(lr[o + j] * y[o + j]);
    total += Math.fround(s);
  }
  if (recordingGradients()) softmaxOf.set(args.inputs.logits!.dataId, expInPlace(lr));
  return out(args.backend, [], Float32Array.of(Math.fround(total) / Math.fround(rows)));
}

/** The gradient kernel: dy/N · (softmax − labels) for the logits; its negation for the labels (as tfjs). */
export function softmaxXentGrad(args: CpuKernelArgs): TensorInfo {
  const { x, y, rows, cols } = inputsOf(args);
  const dy = f32(args.backend, args.inputs.dy);
  if (!dy || dy.length !== 1) throw new Error(`${SOFTMAX_XENT_GRAD}: dy must be a float32 scalar`);
  const g = Math.fround(dy[0] / Math.fround(rows));
  const r = takeOutput(args.backend, x.length);
  let p = softmaxOf.get(args.inputs.logits!.dataId);
  if (!p || p.length !== x.length) {
    logSoftmax(x, rows, cols, r);
    p = expInPlace(r);
  }
  if (args.attrs.wrt === "labels") {
    for (let k = 0; k < r.length; k++) r[k] = g * Math.fround(y[k] - p[k]);
  } else {
    for (let k = 0; k < r.length; k++) r[k] = g * Math.fround(p[k] - y[k]);
  }
  return out(args.backend, [rows, cols], r);
}

/** The loss kernels, by name, for a cpu-layout backend. */
export const lossKernels: Record<string, (args: CpuKernelArgs) => TensorInfo> = {
  [SOFTMAX_XENT]: softmaxXent,
  [SOFTMAX_XENT_GRAD]: softmaxXentGrad,
};

/** Registers the loss kernel's gradient with tfjs (global, for every backend that has the kernels). */
export function registerLossGradient(): void {
  tf.registerGradient({
    kernelName: SOFTMAX_XENT,
    inputsToSave: ["labels", "logits"],
    gradFunc: (dy, saved) => {
      const [labels, logits] = saved;
      const grad = (wrt: string) => () =>
        tf.engine().runKernel(SOFTMAX_XENT_GRAD, { dy: dy as tf.Tensor, labels, logits }, { wrt }) as tf.Tensor;
      return { labels: grad("labels"), logits: grad("logits") };
    },
  });
}
