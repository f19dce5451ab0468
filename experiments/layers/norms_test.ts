import { assert, assertThrows } from "../../lib/std.ts";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../../lib/backend.ts";
import { createRng } from "../../lib/rng.ts";
import { applyNorm, groupNorm, instanceNorm, layerNorm, NORMS, statsOver } from "./norms.ts";

await initBackend("cpu").catch(() => initBackend("auto"));

const shape: [number, number, number, number] = [4, 5, 5, 6];
const rng = createRng(11);
// Per-channel and per-sample offsets and scales, so that no raw set is standardized.
const raw = Float32Array.from(
  { length: 4 * 25 * 6 },
  (_, i) => (1 + (i % 6)) * rng.normal() + (i % 6) - Math.floor(i / 150),
);
const x = tf.tensor4d(raw, shape);

Deno.test("each norm standardizes the sets its own axes define, and raw data is not standardized", async () => {
  for (const norm of NORMS) {
    const y = await applyNorm(tf, norm, x, { groups: 2, eps: 1e-6 }).data();
    const s = statsOver(y, shape, norm, 2);
    assert(s.maxAbsMean < 1e-4 && s.maxVarDev < 1e-3, `${norm}: ${JSON.stringify(s)}`);
    const r = statsOver(raw, shape, norm, 2);
    assert(r.maxAbsMean > 0.1, `raw ${norm}: ${JSON.stringify(r)}`);
  }
});

Deno.test("BatchNorm does not standardize each sample (LayerNorm's sets)", async () => {
  const y = await applyNorm(tf, "batch", x, { groups: 2, eps: 1e-6 }).data();
  assert(statsOver(y, shape, "layer", 2).maxAbsMean > 0.1);
});

Deno.test("Instance = Group(G = C) and Layer = Group(G = 1)", async () => {
  const d1 = await tf.max(tf.abs(tf.sub(instanceNorm(tf, x, 1e-5), groupNorm(tf, x, 6, 1e-5)))).data();
  const d2 = await tf.max(tf.abs(tf.sub(layerNorm(tf, x, 1e-5), groupNorm(tf, x, 1, 1e-5)))).data();
  assert(d1[0] < 1e-5 && d2[0] < 1e-5);
  const d3 = await tf.max(tf.abs(tf.sub(instanceNorm(tf, x, 1e-5), groupNorm(tf, x, 2, 1e-5)))).data();
  assert(d3[0] > 0.01, "Group(G=2) differs from Instance");
});

Deno.test("GroupNorm refuses a group count that does not divide C", () => {
  assertThrows(() => groupNorm(tf, x, 4, 1e-5));
});
