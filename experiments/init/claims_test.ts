/**
 * The std checks of C4, C6 and C7 on synthetic runs whose stds follow the variance recursion: they
 * pass for the claimed scales at any depth, and reject a wrong scale even though the nets' own
 * configuration would "predict" it (the expectations come from the claimed formulas).
 * @module
 */
import { assert, assertEquals } from "../../lib/std.ts";
import type { SeedRun } from "../../lib/experiment.ts";
import { resolveParams } from "../../lib/params.ts";
import { meanFieldStds } from "../../lib/stats.ts";
import { activationFn } from "./activations.ts";
import { initClaims } from "./claims.ts";
import { type NetName, NETS } from "./nets.ts";
import { type P, params } from "./params.ts";
import type { InitData } from "./types.ts";
import { trainedSteps } from "./run.ts";

/** One synthetic seed: every net's std per layer from the recursion of the scale it ran with. */
function synthetic(p: P): SeedRun<InitData>[] {
  const nets: InitData["nets"] = {};
  for (const name of Object.keys(NETS) as NetName[]) {
    const s = meanFieldStds(activationFn[NETS[name].act], (d) => NETS[name].scale(d, p), p.width, p.depth);
    nets[name] = s.map((std) => ({
      mean: 0,
      std,
      saturated: 0,
      localGrad: 1,
      gradMeanAbs: 1,
      hist: { lo: 0, hi: 1, fractions: [] },
    }));
  }
  return [{ seed: 1, data: { nets } as InitData }];
}

const status = (id: string, set: Record<string, string>) => {
  const p = resolveParams("init", params, "ci", set);
  return initClaims.find((c) => c.id === id)!.check(synthetic(p), p).pass;
};

for (const depth of ["2", "3", "6", "12"]) {
  Deno.test(`C6 and C7 hold for the claimed scales at depth ${depth}`, () => {
    assert(status("C6", { depth }), "C6");
    assert(status("C7", { depth }), "C7");
  });
}

Deno.test("C6 rejects Xavier-ReLU at 1.2/√Din; C7 the slide's printed code; C4 Xavier-tanh at 1.3/√Din at width 1024", () => {
  assert(!status("C6", { fault: "xavier-relu-1.2" }), "C6 accepted 1.2/sqrt(Din)");
  assert(!status("C7", { fault: "kaiming-as-printed", depth: "3" }), "C7 accepted the printed code");
  assert(!status("C4", { fault: "xavier-tanh-1.3", width: "1024" }), "C4 accepted 1.3/sqrt(Din)");
  assert(status("C4", { width: "1024" }), "C4 rejected the claimed scale");
});

Deno.test("trainedSteps counts C1's recorded updates, and 0 when none ran", () => {
  const sym = (steps: number) => ({ maxUnitDiff: 0, accuracy: 0.5, losses: steps ? [0.7, 0.6] : [0.7], steps });
  const seeds = (steps: number[][]) =>
    steps.map(([c, r], i) => ({ seed: i + 1, data: { symmetry: { constant: sym(c), random: sym(r) } } as InitData }));
  assertEquals(trainedSteps(seeds([[300, 300], [300, 301]])), 1201);
  assertEquals(trainedSteps(seeds([[0, 0], [0, 0]])), 0);
});
