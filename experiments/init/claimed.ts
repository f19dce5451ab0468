/**
 * What the claims expect, from the CLAIMED formulas (0.01·randn, 0.05·randn, randn/sqrt(Din),
 * sqrt(2/Din), and the Kaiming slide's printed randn/sqrt(Din)), never from the scales the nets ran
 * with (nets.ts): a planted wrong scale then shows as a deviation from the expectation.
 * @module
 */
import { meanFieldStds } from "../../lib/stats.ts";
import { activationFn, type ActivationName } from "./activations.ts";
import type { NetName } from "./nets.ts";
import type { P } from "./params.ts";

/** The claimed activation and weight std (as a function of Din) of each net. */
export const CLAIMED: Record<NetName, { act: ActivationName; scale: (din: number, p: P) => number }> = {
  "small-tanh": { act: "tanh", scale: (_d, p) => p.smallScale }, // C2: W = 0.01·randn (the parameter)
  "large-tanh": { act: "tanh", scale: (_d, p) => p.largeScale }, // C3: W = 0.05·randn (the parameter)
  "xavier-tanh": { act: "tanh", scale: (d) => 1 / Math.sqrt(d) }, // C4: Xavier
  "xavier-relu": { act: "relu", scale: (d) => 1 / Math.sqrt(d) }, // C6: Xavier with ReLU
  "kaiming-as-printed": { act: "relu", scale: (d) => 1 / Math.sqrt(d) }, // C7: the slide's code as printed
  "kaiming-corrected": { act: "relu", scale: (d) => Math.sqrt(2 / d) }, // C7: the slide's text, sqrt(2/Din)
};

/** The activation std per layer that the variance recursion predicts for a net's claimed formula. */
export const predicted = (net: NetName, p: P): number[] =>
  meanFieldStds(activationFn[CLAIMED[net].act], (d) => CLAIMED[net].scale(d, p), p.width, p.depth);

/** Layer-to-layer ratios std_{l+1}/std_l of a series (one fewer than its layers). */
export const layerRatios = (s: readonly number[]): number[] => s.slice(1).map((x, i) => x / s[i]);
