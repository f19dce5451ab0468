/**
 * The mean softmax cross-entropy of a batch, as `tf.losses.softmaxCrossEntropy(labels, logits)`
 * computes it, through one fused kernel where the active backend has it (cpu-blas: the same numbers
 * bit for bit, a fraction of the kernel dispatches; see lib/backends/kernels_loss.ts) and through
 * tfjs's composite everywhere else.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import { SOFTMAX_XENT } from "../backends/kernels_loss.ts";

/** Mean over the rows of −Σ labels·log softmax(logits); labels and logits [N, C], N, C ≥ 1. */
export function softmaxCrossEntropy(tf: typeof tfjs, labels: tfjs.Tensor, logits: tfjs.Tensor): tfjs.Scalar {
  const fused = labels.dtype === "float32" && logits.dtype === "float32" && logits.rank === 2 &&
    labels.rank === 2 && logits.shape[0] === labels.shape[0] && logits.shape[1] === labels.shape[1] &&
    logits.size > 0 && tf.getKernel(SOFTMAX_XENT, tf.getBackend()) !== undefined;
  if (!fused) return tf.losses.softmaxCrossEntropy(labels, logits) as tfjs.Scalar;
  return tf.engine().runKernel(SOFTMAX_XENT, { labels, logits }, {}) as tfjs.Scalar;
}
