/**
 * Small verdict helpers shared by the optimizers claims: tolerances, step counts in words, and the
 * two seed rules (every seed for deterministic checks, a sign test for statistical ones).
 * @module
 */
import type { SeedRun } from "../../lib/experiment.ts";
import { type SeedTest, signTest } from "../../lib/checks.ts";

/** Whether `a` steps is a success and fewer than `b` (null = never). */
export const fewer = (a: number | null, b: number | null): boolean => a !== null && (b === null || a < b);
/** A step count in words ("never" for null). */
export const steps = (x: number | null): string => (x === null ? "never" : String(x));
/** Whether `x` is within `rel` (relative) of `want`. */
export const within = (x: number, want: number, rel: number): boolean => Math.abs(x - want) <= rel * Math.abs(want);

/** A deterministic check that must hold in every seed: the outcome and its rule in words. */
export function everySeed<D>(runs: readonly SeedRun<D>[], predicate: (d: D) => boolean) {
  const held = runs.filter((r) => predicate(r.data)).length;
  return { pass: held === runs.length, rule: `every seed (held in ${held} of ${runs.length})` };
}

/**
 * A statistical claim's sign test over seeds, with the verdict fields it decides: `pass`, the rule
 * for `tolerance`, and `inconclusive` (too few seeds) unless `decided` — a deterministic part that
 * already failed — settles the verdict anyway.
 */
export function seedTest<D>(
  runs: readonly SeedRun<D>[],
  predicate: (d: D) => boolean,
  level: number,
  decided = false,
): { t: SeedTest; pass: boolean; rule: string; inconclusive?: string } {
  const t = signTest(runs, predicate, level);
  return { t, pass: t.pass, rule: t.rule, ...(t.inconclusive && !decided ? { inconclusive: t.inconclusive } : {}) };
}
