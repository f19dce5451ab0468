import { assert, assertEquals } from "../../lib/std.ts";
import { resolveParams } from "../../lib/params.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { subset } from "../../lib/data/dataset.ts";
import { range, softmaxRegression } from "../../lib/nn/softmax_regression.ts";
import { createRng } from "../../lib/rng.ts";
import { params } from "./params.ts";
import { sgdClaims, sgdMuchFaster } from "./claims.ts";
import { gradientNoise } from "./sgd_study.ts";
import type { SgdData } from "./types.ts";

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
