import { assert, assertEquals } from "../../lib/std.ts";
import { createRng } from "../../lib/rng.ts";
import { best, edgeOf, gridPoints, logUniform, narrowRanges, type Trial, widen } from "./hyper_search.ts";

const t = (lr: number, reg: number, valAcc: number, nonFinite = false): Trial => ({
  lr,
  reg,
  valAcc,
  cost: 1,
  nonFinite,
  epochs: 5,
});

Deno.test("gridPoints: k×k cell centres, k distinct values per parameter", () => {
  const g = gridPoints(9, [-6, -3], [0, 3]);
  assertEquals(g.length, 9);
  assertEquals([...new Set(g.map((p) => p[0]))].map((x) => Math.round(Math.log10(x) * 100) / 100), [-5.5, -4.5, -3.5]);
});

Deno.test("gridPoints: an offset shifts the whole lattice within its cells", () => {
  const g = gridPoints(4, [-6, -2], [0, 2], [0, 0.25]);
  assertEquals(g.map((p) => Math.round(Math.log10(p[0]) * 100) / 100), [-6, -6, -4, -4]);
  assertEquals(g.map((p) => Math.round(Math.log10(p[1]) * 100) / 100), [0.25, 1.25, 0.25, 1.25]);
});

Deno.test("logUniform stays in its range and is uniform in log space", () => {
  const r = createRng(1);
  const xs = Array.from({ length: 2000 }, () => Math.log10(logUniform(r, [-6, -3])));
  assert(xs.every((x) => x >= -6 && x < -3));
  const below = xs.filter((x) => x < -4.5).length / xs.length;
  assert(Math.abs(below - 0.5) < 0.05, `${below}`);
});

Deno.test("best skips NaN/Inf trials; narrowRanges takes whole decades of the top trials", () => {
  const trials = [t(2e-4, 0.5, 0.4), t(5e-4, 2e-3, 0.45), t(1e-5, 10, 0.2), t(1e-3, 1, 0.9, true)];
  assertEquals(best(trials).valAcc, 0.45);
  assertEquals(narrowRanges(trials, 2), { lr: [-4, -3], reg: [-3, 0] });
});

Deno.test("edgeOf flags a value near an edge of its log range; widen extends that side", () => {
  assertEquals(edgeOf(9.47e-4, [-4, -3], 0.1), "high");
  assertEquals(edgeOf(1.1e-4, [-4, -3], 0.1), "low");
  assertEquals(edgeOf(5e-4, [-4, -3], 0.1), null);
  assertEquals(edgeOf(7e-4, [-4, -3], 0.1), null);
  assertEquals(widen([-4, -3], "high", 1), [-4, -2]);
  assertEquals(widen([-4, -3], "low", 1), [-5, -3]);
});
