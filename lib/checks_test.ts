import { assert, assertEquals } from "./std.ts";
import { approx, approxAll, fmt, isClose, isMonotone, round, seedsFraction } from "./checks.ts";

Deno.test("approx passes within the tolerance and fails outside, NaN never passes", () => {
  assert(approx(0.49, 0.5, { abs: 0.02 }).pass);
  assert(!approx(0.47, 0.5, { abs: 0.02 }).pass);
  assert(approx(105, 100, { rel: 0.05 }).pass);
  assert(!approx(106, 100, { rel: 0.05 }).pass);
  assert(!isClose(NaN, NaN, { abs: 1 }));
  assertEquals(approx(1, 1, { abs: 0.1, rel: 0.2 }).tolerance, "±0.1 or ±20%");
});

Deno.test("approxAll fails when one element is off and reports the worst gap", () => {
  const ok = approxAll([1, 2, 3], [1, 2, 3.01], { abs: 0.02 });
  assert(ok.pass);
  const bad = approxAll([1, 2, 3], [1, 2.5, 3], { abs: 0.02 });
  assert(!bad.pass);
  assertEquals(bad.worst, 0.5);
});

Deno.test("isMonotone respects direction and strictness", () => {
  assert(isMonotone([3, 2, 1], "decreasing"));
  assert(!isMonotone([3, 3, 1], "decreasing"));
  assert(isMonotone([3, 3, 1], "decreasing", false));
  assert(!isMonotone([1, 2, 1], "increasing"));
});

Deno.test("seedsFraction applies the stated rule", () => {
  const runs = [1, 2, 3, 4, 5].map((seed) => ({ seed, data: seed }));
  const r = seedsFraction(runs, (d) => d > 1, 0.8);
  assertEquals([r.pass, r.held, r.total], [true, 4, 5]);
  assert(!seedsFraction(runs, (d) => d > 2, 0.8).pass);
  assert(r.rule.includes("4 of 5"));
});

Deno.test("fmt writes NaN and infinities in words", () => {
  assertEquals([fmt(NaN), fmt(Infinity), fmt(-Infinity), fmt(0.5), fmt(1e-5)], [
    "NaN",
    "+Inf",
    "-Inf",
    "0.5",
    "1.000e-5",
  ]);
});

Deno.test("round keeps 4 significant digits and names NaN and infinities", () => {
  assertEquals(round([1.234567, NaN, Infinity, -Infinity]), [1.235, "NaN", "+Inf", "-Inf"]);
});
