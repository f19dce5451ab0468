/** Tests of the bands: per-seed spread, stated tolerance, default, never zero. */
import { assert, assertEquals } from "../std.ts";
import { bandsFor, MIN_BAND, outside, parseTolerance } from "./band.ts";
import { flattenMeasure } from "./flatten.ts";

Deno.test("tolerances parse from ±x and ±y%, formulas do not", () => {
  assertEquals(parseTolerance("±0.02 per layer against the slide's table"), { absolute: 0.02, text: "±0.02" });
  assertEquals(parseTolerance("ratios ±1% for median"), { relative: 0.01, text: "±1%" });
  assertEquals(parseTolerance("±1e-3 from both"), { absolute: 0.001, text: "±1e-3" });
  assertEquals(parseTolerance("± 3·α·√T/√(weights per group) = 0.09487"), undefined);
  assertEquals(parseTolerance("steps ±max(2, 1%) of loss"), undefined);
  assertEquals(parseTolerance("exact"), undefined);
  assertEquals(parseTolerance(undefined), undefined);
});

Deno.test("per-seed lists get twice their spread, others the tolerance or the default, never zero", () => {
  const flat = flattenMeasure({ "steps": "143, 85, 112, 99, 90", "ratio": 2, "zero": 0 });
  const bands = bandsFor(flat.numbers, "holds in ≥ 80% of seeds", 5);
  const sd = Math.sqrt([143, 85, 112, 99, 90].reduce((s, v) => s + (v - 105.8) ** 2, 0) / 4);
  assertEquals(bands["steps#1"].band, Number((2 * sd).toPrecision(3)), "3 significant digits");
  assertEquals(bands["steps#1"].rule, "2 sd over 5 seeds");
  assertEquals(bands.ratio, { value: 2, band: 0.2, rule: "default ±10%" });
  assertEquals(bands.zero.band, MIN_BAND);
  const tol = bandsFor(flattenMeasure([0.49, 0]).numbers, "±5% each", 3);
  assertEquals(tol["measured[0]"].rule, "tolerance ±5%");
  assertEquals(tol["measured[0]"].band, 0.0245);
  assertEquals(tol["measured[1]"].band, MIN_BAND);
  const notSeeds = bandsFor(flattenMeasure([1, 2, 3]).numbers, "±0.5", 2);
  assertEquals(notSeeds["measured[0]"].rule, "tolerance ±0.5", "a list longer than the seeds is not per seed");
  const layers = bandsFor(flattenMeasure([1, 2, 3]).numbers, "±0.5", 3);
  assertEquals(layers["measured[0]"].rule, "tolerance ±0.5", "an array as long as the seeds may be per layer");
  const named = bandsFor(flattenMeasure({ "slope per seed": [1, 2, 3] }).numbers, "±0.5", 3);
  assertEquals(named["slope per seed[0]"].rule, "2 sd over 3 seeds");
});

Deno.test("outside: beyond the band, and NaN, are outside", () => {
  const b = { value: 1, band: 0.1, rule: "x" };
  assert(!outside(b, 1.05) && outside(b, 1.2) && outside(b, NaN));
});
