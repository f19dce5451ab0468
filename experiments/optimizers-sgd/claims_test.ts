import { assert, assertEquals } from "../../lib/std.ts";
import { resolveParams } from "../../lib/params.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { subset } from "../../lib/data/dataset.ts";
import { range, softmaxRegression } from "../../lib/nn/softmax_regression.ts";
import { createRng } from "../../lib/rng.ts";
import { params } from "./params.ts";
import { sgdClaims, sgdMuchFaster } from "./claims.ts";
import { gradientNoise } from "./sgd_study.ts";
import type { QuizRun, SgdData } from "./types.ts";
import { trainedSteps } from "./run.ts";

const p = resolveParams("optimizers-sgd", params, "ci");

Deno.test("B1 (1): a batch GD that never reaches the target does not lose the race", () => {
  const run = (gd: number | null, sgd: number | null) =>
    ({ timing: { gd: { seconds: gd }, sgd: { seconds: sgd } } }) as unknown as SgdData;
  assert(sgdMuchFaster(run(1, 0.1), p));
  assert(!sgdMuchFaster(run(1, 0.6), p));
  // The old rule counted "batch GD never got there" as a win for SGD.
  assert(!sgdMuchFaster(run(null, 0.1), p));
  assert(!sgdMuchFaster(run(1, null), p));
});

Deno.test("B5 rejects mini-batches drawn with replacement, which the old 4·√(2/draws) rule accepted", async () => {
  const model = softmaxRegression(subset(loadEmbeddedMnist(), range(p.noiseM)));
  const at = new Float32Array(model.size);
  const b5 = sgdClaims.find((c) => c.id === "B5")!;
  const measure = async (fault: string) => {
    const noise = await gradientNoise(model, p.noiseM, at, {
      batches: p.noiseBatches,
      draws: p.noiseDraws,
      rng: createRng(7),
      fault,
    });
    const worst = Math.max(...noise.rows.map((r) => Math.abs(r.variance / r.predicted - 1)));
    return { verdict: b5.check([{ seed: 1, data: { noise } as SgdData }], p), worst };
  };
  const good = await measure("none"), bad = await measure("replace");
  assertEquals(good.verdict.pass, true, good.verdict.summary);
  assertEquals(bad.verdict.pass, false, bad.verdict.summary);
  const oldTolerance = 4 * Math.sqrt(2 / p.noiseDraws);
  assert(bad.worst <= oldTolerance, `the old rule would have rejected it too (${bad.worst} > ${oldTolerance})`);
});

Deno.test("trainedSteps counts the recorded updates of the races, curves and SGD passes, and 0 when none ran", () => {
  // `n` updates everywhere: timed curves evaluated every 2 updates, running averages every 5 samples.
  const timed = (n: number) => ({
    reached: false,
    updates: null,
    seconds: null,
    curve: Array.from({ length: Math.floor(n / 2) + 1 }, (_, i) => ({ updates: 2 * i, seconds: i, loss: 1 })),
  });
  const perUpdate = (n: number) => Array.from({ length: n + 1 }, () => 1);
  const avg = (n: number) => Array.from({ length: Math.floor(n / 5) }, (_, i) => ({ t: 5 * (i + 1), avg: 1 }));
  const quiz = (n: number): QuizRun => ({ fullLoss: 1, avg: avg(n), firstAvg: 1, lastAvg: 1 });
  const data = (n: number) =>
    ({
      timing: { gd: timed(n), sgd: timed(n) },
      increases: { gd: 0, sgd: 0, gdCurve: perUpdate(n), sgdCurve: perUpdate(n) },
      models: { logisticAvg: avg(n), nnAvg: avg(n) },
      quiz: Object.fromEntries(
        ["tuned", "small", "tiny", "bigKept", "bigReduced", "increasing", "decreasing"].map((k) => [k, quiz(n)]),
      ),
    }) as unknown as SgdData;
  const seeds = (n: number) => [1, 2].map((seed) => ({ seed, data: data(n) }));
  // Per seed: 2 races + 2 curves + 2 passes + 7 quiz runs, 10 updates each.
  assertEquals(trainedSteps(seeds(10)), 2 * 13 * 10);
  assertEquals(trainedSteps(seeds(0)), 0);
});
