import { assert, assertEquals } from "../../lib/std.ts";
import { createRng } from "../../lib/rng.ts";
import { gridPoints, linearUniform, logUniform, type Trial } from "./hyper_search.ts";
import { binsHit, g8Verdict } from "./checks.ts";
import { type P, params } from "./params.ts";
import type { SearchData } from "./types.ts";
import { trainedSteps } from "./run.ts";

const t = (lr: number, valAcc: number, reg = 1e-3): Trial => ({
  lr,
  reg,
  valAcc,
  cost: 1,
  nonFinite: false,
  epochs: 5,
});
const p = Object.fromEntries(Object.entries(params).map(([k, s]) => [k, s.ci])) as P;

Deno.test("binsHit: log-uniform draws cover more log-bins than the 3×3 grid, linear draws fewer (G7, defect 3)", () => {
  const r = createRng(2);
  const grid = gridPoints(9, [-6, -2], [-5, -1], [0.3, 0.6]).map(([lr]) => t(lr, 0));
  assertEquals(binsHit(grid, [-6, -2], 9), 3);
  let logMore = 0, linMore = 0;
  for (let k = 0; k < 50; k++) {
    if (binsHit(Array.from({ length: 9 }, () => t(logUniform(r, [-6, -2]), 0)), [-6, -2], 9) > 3) logMore++;
    if (binsHit(Array.from({ length: 9 }, () => t(linearUniform(r, [-6, -2]), 0)), [-6, -2], 9) > 3) linMore++;
  }
  assert(logMore >= 45 && linMore <= 10, `log ${logMore}, linear ${linMore} of 50`);
});

function data(flagged: SearchData["edge"]["flagged"], fineBest: number): SearchData {
  const caseTrials = [t(1e-6, 0.1), t(1e-5, 0.2), t(1e-4, 0.4)];
  return {
    data: {} as SearchData["data"],
    coarse: [],
    fineRanges: { lr: [-4, -3], reg: [-5, -1] },
    fine: [t(3e-4, 0.5), t(fineBest, 0.8, 1e-3)],
    gridVsRandom: [],
    edge: { flagged, widened: null },
    edgeCase: {
      lr: [-6, -4],
      trials: caseTrials,
      flagged: "high",
      widened: { lr: [-6, -3], trials: [...caseTrials, t(1e-3, 0.8)] },
    },
  };
}

Deno.test("g8Verdict recomputes the edge: a central best flagged fails, an unflagged one passes (defect 4)", () => {
  const central = 10 ** -3.5;
  assertEquals(g8Verdict([{ seed: 1, data: data(null, central) }], p).pass, true);
  assertEquals(g8Verdict([{ seed: 1, data: data({ param: "lr", edge: "high" }, central) }], p).pass, false);
  assertEquals(g8Verdict([{ seed: 1, data: data({ param: "lr", edge: "high" }, 9.5e-4) }], p).pass, true);
  assertEquals(g8Verdict([{ seed: 1, data: data(null, 9.5e-4) }], p).pass, false);
});

Deno.test("trainedSteps sums every trial's recorded epochs (reused G8 trials once), and 0 when none trained", () => {
  const d: SearchData = {
    ...data({ param: "lr", edge: "high" }, 9.5e-4),
    coarse: [t(1e-5, 0.3)],
    gridVsRandom: [{ random: [t(1e-4, 0.4), t(1e-3, 0.5)], grid: [t(1e-4, 0.4), t(1e-3, 0.5)] }],
    edge: { flagged: { param: "lr", edge: "high" }, widened: { lr: [-4, -2], reg: [-5, -1], trials: [t(1e-3, 0.6)] } },
  };
  // 1 coarse + 2 fine + 4 grid-vs-random + 1 widened + 3 G8 case + 1 new G8 widened trial, 5 epochs each.
  assertEquals(trainedSteps([{ seed: 1, data: d }, { seed: 2, data: d }]), 2 * 12 * 5);
  const none: SearchData = JSON.parse(JSON.stringify(d), (k, v) => (k === "epochs" ? 0 : v));
  assertEquals(trainedSteps([{ seed: 1, data: none }]), 0);
  const old: SearchData = JSON.parse(JSON.stringify(d), (k, v) => (k === "epochs" ? undefined : v));
  assert(Number.isNaN(trainedSteps([{ seed: 1, data: old }])), "a result from before the counter is unknown");
});
