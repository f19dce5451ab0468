import { assert, assertEquals } from "../../lib/std.ts";
import { growth, growthOk, outcome, stepsTo } from "./verdict.ts";
import type { Comparison, InitRun } from "./types.ts";

const net = (loss: number[], actStd = [1, 1, 1]): InitRun => ({
  loss,
  accuracy: [],
  actStd,
  gradRms: [],
  drawnStd: [],
});
const rule = { trained: 1, started: 2, slower: 4, budget: 40 };

Deno.test("stepsTo: the first measured step at or below the target; NaN and never give null", () => {
  assertEquals(stepsTo([0, 10, 20], [3, 2, 1], 2), 10);
  assertEquals(stepsTo([0, 10, 20], [3, NaN, 2.5], 2), null);
});

Deno.test("growth: geometric mean per layer", () => {
  assert(Math.abs(growth([1, 0.5, 0.25]) - 0.5) < 1e-12);
  assert(Number.isNaN(growth([1])));
  assert(growthOk([1, 1 / Math.SQRT2, 0.5], "xavier", 48, 0.01));
  assert(!growthOk([1, 1 / Math.SQRT2, 0.5], "kaiming", 48, 0.15));
});

Deno.test("outcome: Kaiming trains, the others do not start within slower × Kaiming's start", () => {
  const steps = [0, 10, 20, 30, 40];
  const c = (x: number[], s: number[]): Comparison => ({
    steps,
    kaiming: net([2.3, 1.9, 0.9, 0.5, 0.4]),
    xavier: net(x),
    small: net(s),
  });
  const flat = [2.3, 2.3, 2.3, 2.3, 2.3];
  assert(outcome(c(flat, flat), rule).holds);
  // Xavier starts at 30 < 4 × 10: not far slower.
  const o = outcome(c([2.3, 2.3, 2.2, 1.9, 1.5], flat), rule);
  assert(!o.holds && !o.otherSlower.xavier && o.otherSlower.small);
  // Undecidable: 4 × Kaiming's start beyond the budget.
  assert(!outcome(c(flat, flat), { ...rule, budget: 30 }).holds);
  // Kaiming never trains (the factor 2 forgotten: it behaves like Xavier).
  const same: Comparison = { steps, kaiming: net(flat), xavier: net(flat), small: net(flat) };
  assertEquals(outcome(same, rule).kaimingTrained, null);
  assert(!outcome(same, rule).holds);
});
