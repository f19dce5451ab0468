/**
 * The measurements C9's check reads off one comparison: steps to a loss target, the speed rule, and
 * the per-layer growth of the activation std before training against the claimed √(Din·s²/2).
 * @module
 */
import { claimedGrowth, type InitName } from "./inits.ts";
import type { Comparison } from "./types.ts";

/** The first measured step at which `loss` is at or below `target`; null when it never is (NaN never is). */
export function stepsTo(steps: readonly number[], loss: readonly number[], target: number): number | null {
  const i = loss.findIndex((l) => l <= target);
  return i < 0 ? null : steps[i];
}

/** The geometric-mean growth of the activation std per hidden layer, (std_L / std_1)^(1/(L−1)); NaN below 2 layers. */
export function growth(actStd: readonly number[]): number {
  const n = actStd.length;
  return n < 2 ? NaN : (actStd[n - 1] / actStd[0]) ** (1 / (n - 1));
}

/** The rule's thresholds, from the parameters. */
export interface Rule {
  /** "Trains": loss ≤ this (target · ln 10) within the budget. */
  trained: number;
  /** "Starts learning": loss ≤ this (startTarget · ln 10). */
  started: number;
  /** "Far slower": at least this many times Kaiming's steps to start. */
  slower: number;
  /** The budget (the last measured step). */
  budget: number;
}

/** What one comparison shows, for the check and its table. */
export interface Outcome {
  /** Kaiming's steps to the "trains" target (null: not within the budget). */
  kaimingTrained: number | null;
  /** Steps to the "starts learning" target, per init. */
  started: Record<InitName, number | null>;
  /** Kaiming trained, and each other init did not start within `slower` × Kaiming's steps to start. */
  holds: boolean;
  /** The other inits, each: not started within `slower` × Kaiming's start (decidable within the budget). */
  otherSlower: Record<"xavier" | "small", boolean>;
}

/** Judges one comparison by the rule. */
export function outcome(c: Comparison, r: Rule): Outcome {
  const started = {
    kaiming: stepsTo(c.steps, c.kaiming.loss, r.started),
    xavier: stepsTo(c.steps, c.xavier.loss, r.started),
    small: stepsTo(c.steps, c.small.loss, r.started),
  };
  const kaimingTrained = stepsTo(c.steps, c.kaiming.loss, r.trained);
  const k = started.kaiming;
  // Decidable only when slower × Kaiming's start fits in the budget: "not started by then" is then measured.
  const slower = (s: number | null) => k !== null && r.slower * k <= r.budget && (s === null || s >= r.slower * k);
  const otherSlower = { xavier: slower(started.xavier), small: slower(started.small) };
  return {
    kaimingTrained,
    started,
    otherSlower,
    holds: kaimingTrained !== null && otherSlower.xavier && otherSlower.small,
  };
}

/** Whether the measured growth of `init` is within `rel` of the claimed √(Din·s²/2) at this width. */
export function growthOk(actStd: readonly number[], init: InitName, width: number, rel: number): boolean {
  const g = growth(actStd), want = claimedGrowth(init, width);
  return Math.abs(g - want) <= rel * want;
}
