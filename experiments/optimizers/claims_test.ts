import { assert, assertEquals } from "../../lib/std.ts";
import { resolveParams } from "../../lib/params.ts";
import { params } from "./params.ts";
import { optimizerClaims } from "./claims.ts";
import type { OptimizerData } from "./types.ts";
import { trainedSteps } from "./run.ts";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../../lib/backend.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { subset } from "../../lib/data/dataset.ts";
import { range, softmaxRegression } from "../../lib/nn/softmax_regression.ts";
import { sgd } from "../../lib/nn/optim/sgd.ts";
import type { Optimizer } from "../../lib/nn/optim/types.ts";
import { createRng } from "../../lib/rng.ts";
import { compareWithLibrary } from "./library_study.ts";

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

Deno.test("trainedSteps counts the recorded tfjs-comparison and 2-layer-net steps, and 0 when none ran", () => {
  const lib = (steps: number) => ({ steps, worst: 0, maxStep: 1, finalMaxAbs: 1, curve: [] });
  // The net's validation loss every 5 steps and at the end.
  const net = (steps: number) =>
    p.netLrs.map((lr) => ({
      lr,
      curve: Array.from({ length: Math.floor(steps / 5) + 1 }, (_, i) => ({ step: 5 * i, val: 1, train: null })),
    }));
  const data = (steps: number) => ({
    library: { adam: lib(steps), momentum: p.rhos.map(() => lib(steps)) },
    net: net(steps),
  });
  const per = 1 + p.rhos.length + p.netLrs.length;
  assertEquals(trainedSteps(seeds(data(20), 2)), 2 * per * 20);
  assertEquals(trainedSteps(seeds(data(0), 2)), 0);
});

Deno.test("compareWithLibrary records the steps it executed (0 for 0 steps)", async () => {
  await initBackend("cpu").catch(() => initBackend("auto"));
  const model = softmaxRegression(subset(loadEmbeddedMnist(), range(8)));
  const compare = (steps: number) =>
    compareWithLibrary(tf, sgd({ lr: 0.1 }) as Optimizer<unknown>, tf.train.sgd(0.1), model, {
      steps,
      batch: 2,
      n: 8,
      rng: createRng(1),
      start: new Float32Array(model.size),
    });
  const three = await compare(3), none = await compare(0);
  assertEquals([three.steps, three.maxAbsDiff.length], [3, 3]);
  assertEquals([none.steps, none.maxAbsDiff.length], [0, 0]);
});
