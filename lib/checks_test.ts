import { assert, assertEquals, assertThrows } from "./std.ts";
import {
  approx,
  approxAll,
  binomialTail,
  fmt,
  isClose,
  isMonotone,
  round,
  seedsFraction,
  seedsNeeded,
  signTest,
} from "./checks.ts";

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

Deno.test("approx against an infinity passes only the same infinity (a finite value is not within ±5% of +Inf)", () => {
  assert(!approx(3, Infinity, { rel: 0.05 }).pass);
  assert(!approx(-3, -Infinity, { abs: 1e9, rel: 1 }).pass);
  assert(!approx(Infinity, 3, { rel: 1 }).pass);
  assert(approx(Infinity, Infinity, { rel: 0.05 }).pass);
  assert(!approx(-Infinity, Infinity, { rel: 0.05 }).pass);
});

Deno.test("seedsFraction refuses a fraction that would pass anything or nothing", () => {
  const runs = [{ seed: 1, data: 0 }];
  assertThrows(() => seedsFraction(runs, () => false, 0), Error, "(0, 1]");
  assertThrows(() => seedsFraction(runs, () => true, 1.5), Error, "(0, 1]");
  assert(!seedsFraction(runs, () => false, 0.01).pass);
});

Deno.test("binomialTail is the upper tail of Binomial(n, 1/2)", () => {
  assertEquals(binomialTail(5, 5), 1 / 32);
  assertEquals(binomialTail(0, 7), 1);
  assert(Math.abs(binomialTail(7, 8) - 9 / 256) < 1e-15);
  assertEquals(seedsNeeded(0.05), 5);
  assertEquals(seedsNeeded(0.125), 3);
});

Deno.test("signTest passes only when the count is significant, and is inconclusive with too few seeds", () => {
  const runs = (flags: boolean[]) => flags.map((f, i) => ({ seed: i + 1, data: f }));
  const all5 = signTest(runs([true, true, true, true, true]), (d) => d);
  assert(all5.pass && !all5.inconclusive);
  assert(Math.abs(all5.pValue - 1 / 32) < 1e-15);
  const four = signTest(runs([true, true, false, true, true]), (d) => d);
  assert(!four.pass, "4 of 5 is p = 0.19: not significant at 0.05");
  const one = signTest(runs([true]), (d) => d);
  assert(!one.pass);
  assertEquals(one.inconclusive, "1 seed, the test needs 5");
  const seven = signTest(runs([true, true, true, true, true, true, true, false]), (d) => d);
  assert(seven.pass, "7 of 8 is p = 0.035");
  assert(seven.rule.includes("one-sided sign test at level 0.05"));
  assertThrows(() => signTest(runs([true]), (d) => d, 0.5), Error, "level");
});
