import { assert, assertEquals } from "../../lib/std.ts";
import { increases, minibatchTrajectories, runningAverage } from "./sgd_study.ts";
import { thin } from "../../lib/charts/thin.ts";
import { range, softmaxRegression } from "../../lib/nn/softmax_regression.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { subset } from "../../lib/data/dataset.ts";
import { createRng } from "../../lib/rng.ts";

Deno.test("increases, runningAverage and thin", () => {
  assertEquals(increases([3, 2, 2.5, 1, 1.5]), 2);
  assertEquals(runningAverage([1, 2, 3, 4], 2, 1).map((r) => r.avg), [1, 1.5, 2.5, 3.5]);
  assertEquals(thin(5, 10), [0, 1, 2, 3, 4]);
  const t = thin(1001, 11);
  assertEquals(t[0], 0);
  assertEquals(t[t.length - 1], 1000);
  assertEquals(t.length, 11);
});

Deno.test("mini-batch GD: B = m is batch GD, B = 1 is SGD, B = m/2 is neither", async () => {
  const ds = subset(loadEmbeddedMnist(), range(16));
  const r = await minibatchTrajectories(softmaxRegression(ds), 16, {
    lr: 0.5,
    epochs: 2,
    batches: [1, 8, 16],
    rng: createRng(3),
  });
  const [b1, b8, b16] = r.runs;
  assert(b16.diffToBatchGD <= 1e-6, `B = m: ${b16.diffToBatchGD}`);
  assertEquals(b1.diffToSGD, 0);
  assert(b8.diffToBatchGD > 1e-4 && b8.diffToSGD > 1e-4);
});
