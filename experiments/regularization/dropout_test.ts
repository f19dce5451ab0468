import { assert, assertEquals, assertThrows } from "../../lib/std.ts";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../../lib/backend.ts";
import { createRng } from "../../lib/rng.ts";
import { dropoutTest, dropoutTrain, enumerateNeuronMasks, keepMask, maskCountLog10, rateFromKeep } from "./dropout.ts";

await initBackend("cpu").catch(() => initBackend("auto"));

Deno.test("the library's rate is 1 − keep probability; p outside (0, 1] is refused", () => {
  assert(Math.abs(rateFromKeep(0.8) - 0.2) < 1e-12);
  assertThrows(() => rateFromKeep(0));
  assertThrows(() => rateFromKeep(1.5));
});

Deno.test("keepMask keeps a fraction p of the units (rand < p)", () => {
  const n = 100000, p = 0.3;
  const kept = keepMask(createRng(3), n, p).reduce((a, b) => a + b, 0) / n;
  assert(Math.abs(kept - p) < 4 * Math.sqrt(p * (1 - p) / n), `kept ${kept}`);
});

Deno.test("vanilla drops in training and scales by p at test; inverted divides by p in training only", async () => {
  const h = tf.tensor1d([1, 2, 3, 4]), mask = tf.tensor1d([1, 0, 1, 0]);
  assertEquals(Array.from(await dropoutTrain(tf, h, mask, 0.5, "vanilla").data()), [1, 0, 3, 0]);
  assertEquals(Array.from(await dropoutTrain(tf, h, mask, 0.5, "inverted").data()), [2, 0, 6, 0]);
  assertEquals(Array.from(await dropoutTest(tf, h, 0.5, "vanilla").data()), [0.5, 1, 1.5, 2]);
  assertEquals(Array.from(await dropoutTest(tf, h, 0.5, "inverted").data()), [1, 2, 3, 4]);
});

Deno.test("the four masks of the slide's neuron average to p·(w1·x + w2·y)", () => {
  for (const p of [0.5, 0.8]) {
    const masks = enumerateNeuronMasks([0.8, -1.5], [2, 1], p);
    assertEquals(masks.length, 4);
    assert(Math.abs(masks.reduce((s, m) => s + m.prob, 0) - 1) < 1e-12);
    const e = masks.reduce((s, m) => s + m.prob * m.a, 0);
    assert(Math.abs(e - p * (0.8 * 2 - 1.5)) < 1e-12, `E[a] = ${e}`);
  }
});

Deno.test("a 4096-unit layer has 2^4096 ≈ 10^1233 masks", () => {
  const m = maskCountLog10(4096);
  assertEquals(m.digits, 1234);
  assertEquals(Math.round(m.log10), 1233);
  assertEquals(maskCountLog10(10).digits, 4); // 1024
});

Deno.test("keepMask is rand < p, draw by draw", () => {
  for (const p of [0.5, 0.3, 1, 1e-9]) {
    const want = createRng(4);
    const mask = keepMask(createRng(4), 1001, p);
    assertEquals(Array.from(mask), Array.from({ length: 1001 }, () => (want.next() < p ? 1 : 0)));
  }
});
