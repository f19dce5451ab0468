import { assert, assertEquals } from "../../lib/std.ts";
import { resolveParams } from "../../lib/params.ts";
import { params } from "./params.ts";
import { optimizerClaims } from "./claims.ts";
import type { OptimizerData } from "./types.ts";

const p = resolveParams("optimizers", params, "ci");
const claim = (id: string) => optimizerClaims.find((c) => c.id === id)!;
const seeds = (data: unknown, n = 5) =>
  Array.from({ length: n }, (_, i) => ({ seed: i + 1, data: data as OptimizerData }));

Deno.test("B6's summary says 'faster' when momentum at GD's α is faster", () => {
  const saddle = {
    gdLrL: 1,
    gdSteps: 800,
    gdStalled: 500,
    gdStallTheory: 500,
    gdTheorySteps: 800,
    perRho: p.rhos.map((rho) => ({ rho, steps: 100, bestLrL: 20, atGdLrSteps: 400 })),
  };
  const v = claim("B6").check(seeds({ saddle }), p);
  assertEquals(v.pass, true, v.summary);
  assert(v.summary.includes("the EMA form is faster"), v.summary);
  assert(!v.summary.includes("not faster"), v.summary);
});

Deno.test("B10's summary follows a failing verdict", () => {
  const run = (startLoss: number, halfLoss: number, endLoss: number) => ({
    log10Slope: 0.001,
    overflowStep: null,
    startLoss,
    halfLoss,
    endLoss,
  });
  const adaptive = { printed: run(0.5, 0.04, 0.03), rmsprop: run(0.5, 0.04, 0.03) };
  const v = claim("B10").check(seeds({ adaptive }, 1), p);
  assertEquals(v.pass, false);
  assert(v.summary.includes("not confirmed") && v.summary.includes("still moving"), v.summary);
  assert(!/freezes|frozen|confirmed\./.test(v.summary.replace("not confirmed in every seed.", "")), v.summary);
});

Deno.test("B13's summary gives the measured start loss, not ln(10)", () => {
  const net = p.netLrs.map((lr) => ({ lr, curve: [{ step: 0, val: 2.33, train: null }, { step: 150, val: 0.5 }] }));
  const v = claim("B13").check(seeds({ net }), p);
  assertEquals(v.pass, true, v.summary);
  assert(v.summary.includes("from a validation loss of 2.33 "), v.summary);
  assert(!v.summary.includes("from ln(10)"), v.summary);
});
