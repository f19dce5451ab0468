import { assert, assertEquals } from "./std.ts";
import { gaussianExpectation, histogram, meanFieldStds, moments } from "./stats.ts";

Deno.test("moments and histogram of a small sample", () => {
  assertEquals(moments([1, 2, 3, 4]), { mean: 2.5, std: Math.sqrt(1.25) });
  assertEquals(histogram([0, 0.1, 0.6, 1], 0, 1, 2).fractions, [0.5, 0.5]);
});

Deno.test("Gaussian expectations match closed forms", () => {
  assert(Math.abs(gaussianExpectation((z) => z * z, 4) - 4) < 1e-9);
  assert(Math.abs(gaussianExpectation((z) => Math.max(0, z) ** 2, 2) - 1) < 1e-9);
});

Deno.test("the variance recursion reproduces the slides' tables at width 4096", () => {
  const small = meanFieldStds(Math.tanh, () => 0.01, 4096, 6).map((x) => Number(x.toFixed(2)));
  assertEquals(small, [0.49, 0.29, 0.18, 0.11, 0.07, 0.05]);
  const xavier = meanFieldStds(Math.tanh, (d) => 1 / Math.sqrt(d), 4096, 6).map((x) => Number(x.toFixed(2)));
  assertEquals(xavier, [0.63, 0.49, 0.41, 0.36, 0.32, 0.29]); // the slide prints 0.30 for layer 6
});
