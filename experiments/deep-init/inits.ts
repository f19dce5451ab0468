/**
 * The three initializations of C9 and their claimed weight scales: Kaiming / He et al. 2015 √(2/Din),
 * Xavier 1/√Din, and the lecture's 0.01·randn. The run's scales come from {@link initStd}, where the
 * falsifiers' planted bugs live; the checks' expectations from {@link claimedStd} alone.
 * @module
 */

/** The inits, in the order of every per-init array. */
export const INITS = ["kaiming", "xavier", "small"] as const;
/** One of {@link INITS}. */
export type InitName = (typeof INITS)[number];

/** How the report names each init. */
export const INIT_LABELS: Record<InitName, string> = {
  kaiming: "Kaiming √(2/Din)",
  xavier: "Xavier 1/√Din",
  small: "0.01·randn",
};

/** The claimed weight std of a layer with `din` inputs. */
export function claimedStd(init: InitName, din: number): number {
  return init === "kaiming" ? Math.sqrt(2 / din) : init === "xavier" ? 1 / Math.sqrt(din) : 0.01;
}

/**
 * The claimed per-layer growth of the activation std of a ReLU net of width `width` (Din = width):
 * Var(z) = Din·s²·E[h²] and E[relu(z)²] = Var(z)/2, so std(h_l)/std(h_{l−1}) = √(Din·s²/2).
 */
export function claimedGrowth(init: InitName, width: number): number {
  return Math.sqrt(width * claimedStd(init, width) ** 2 / 2);
}

/**
 * The std the run draws a layer's weights with: `din` inputs, `inputs` pixels into the first layer.
 * `fault` ("none" in real runs) plants one of the falsifiers' bugs at the place it would live.
 */
export function initStd(init: InitName, din: number, inputs: number, fault: string): number {
  if (init === "small") return 0.01;
  const fan = fault === "input-fan" ? inputs : din; // the bug: one fan-in for every layer
  if (init === "xavier") return 1 / Math.sqrt(fan);
  if (fault === "kaiming-no-2") return 1 / Math.sqrt(fan);
  return Math.sqrt(2 / fan);
}
