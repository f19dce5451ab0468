/**
 * The planted bugs of the babysitting falsifiers (`--set babysitting.fault=<name>`), each applied
 * where the bug would live; with `fault = none` nothing here changes a number.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";

/** The faults, by name, as the `fault` parameter documents them. */
export const BABYSITTING_FAULTS = {
  "relu-mask": "the training net's backward pass without the ReLU mask (the gradient also flows through " +
    "inactive units: relu' taken as 1)",
  "lr-x10": "the learning rate applied 10× larger than the one named (a unit slip in the training call)",
  "l2-no-half": "the L2 term as reg·ΣW² instead of the lecture's 0.5·reg·ΣW²",
} as const;

/** A fault's name, or none. */
export type Fault = keyof typeof BABYSITTING_FAULTS | "none";

/**
 * The tfjs namespace the training net runs on. Under `relu-mask` its `step` — the ReLU's derivative,
 * used only by the backward pass of lib/nn/two_layer_tf.ts (`dh = (ds·W2ᵀ) ⊙ step(h)`) — returns ones,
 * so that the net's own backward pass drops the mask (no second copy of the net).
 */
export function trainingTf(tf: typeof tfjs, fault: string): typeof tfjs {
  if (fault !== "relu-mask") return tf;
  return { ...tf, step: (x: tfjs.Tensor) => tf.onesLike(x) } as unknown as typeof tfjs;
}

/** The learning rate the training call passes for the named rate `lr`. */
export function appliedLr(lr: number, fault: string): number {
  return fault === "lr-x10" ? 10 * lr : lr;
}

/** The reg that the G2 loss is evaluated with, for the named `reg` (`l2-no-half`: the ½ forgotten). */
export function appliedReg(reg: number, fault: string): number {
  return fault === "l2-no-half" ? 2 * reg : reg;
}
