/**
 * The activation functions of the lecture, as plain numbers (for expectations) and by name.
 * @module
 */

/** Activation names used in experiment parameters. */
export type ActivationName = "tanh" | "relu";

/** The scalar function of an activation. */
export const activationFn: Record<ActivationName, (z: number) => number> = {
  tanh: Math.tanh,
  relu: (z) => Math.max(0, z),
};
