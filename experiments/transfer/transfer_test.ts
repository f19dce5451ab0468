import { assert, assertEquals, assertThrows } from "../../lib/std.ts";
import { initBackend, tf } from "../../lib/backend.ts";
import { createRng } from "../../lib/rng.ts";
import { memoryCache } from "../../lib/runner.ts";
import type { Dataset } from "../../lib/data/dataset.ts";
import { cnnToJSON, disposeCnn } from "./small_cnn.ts";
import { makeTarget, permutePixels, selectClasses } from "./targets.ts";
import { PRETRAIN_VERSION, pretrainedNet, pretrainKey } from "./pretrain.ts";
import { runStrategy } from "./strategies.ts";
import { trainedSteps } from "./run.ts";
import type { Cell, TransferData } from "./types.ts";

await initBackend("cpu").catch(() => initBackend("auto"));

function toy(count: number, classes = 3): Dataset {
  const rng = createRng(11);
  const images = new Float32Array(count * 16), labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % classes;
    for (let j = 0; j < 16; j++) images[i * 16 + j] = (j % classes === labels[i] ? 0.8 : 0.1) + rng.uniform(0, 0.1);
  }
  return {
    name: "toy",
    source: "toy",
    width: 4,
    height: 4,
    channels: 1,
    classNames: Array.from({ length: classes }, (_, c) => `c${c}`),
    images,
    labels,
    count,
  };
}

Deno.test("targets: class selection relabels, pools are class-balanced and nested, pixels permute", () => {
  const ds = toy(60);
  const two = selectClasses(ds, [2, 0]);
  assertEquals(two.classNames, ["c2", "c0"]);
  assertEquals(two.count, 40);
  const t = makeTarget(two, 5, 10, createRng(1));
  assertEquals(Array.from(t.pool.labels.slice(0, 4)), [0, 1, 0, 1]);
  assertEquals(t.test.count, 10);
  assertThrows(() => makeTarget(two, 50, 1, createRng(1)), Error, "fewer than");
  const p = permutePixels(ds);
  assertEquals(Array.from(p.images).sort(), Array.from(ds.images).sort());
  assert(p.images.some((v, i) => v !== ds.images[i]));
});

Deno.test("the pretrained model is cached under a key with code, data and seed", async () => {
  const cache = memoryCache();
  const ds = toy(60);
  const o = {
    spec: { input: [4, 4, 1] as [number, number, number], channels: [4], dense: [8, 3] },
    steps: 30,
    batch: 16,
    lr: 0.1,
    seed: 1,
    rngLabel: "pretrain",
    backend: "cpu",
  };
  const a = await pretrainedNet(tf, cache, ds, ds, o, createRng(1));
  const b = await pretrainedNet(tf, cache, ds, ds, o, createRng(99));
  assert(!a.cached && b.cached);
  assertEquals(await cnnToJSON(b.net), await cnnToJSON(a.net));
  assert(a.sourceAccuracy > 0.9, `source accuracy ${a.sourceAccuracy}`);
  const c = await pretrainedNet(tf, cache, ds, ds, { ...o, seed: 2 }, createRng(2));
  const changed = { ...ds, images: ds.images.map((v) => v * 0.5) };
  const d = await pretrainedNet(tf, cache, changed, ds, o, createRng(1));
  assert(!c.cached && !d.cached && c.key !== a.key && d.key !== a.key);
  for (const s of ["scratch", "linear-top", "linear-layer1", "finetune-top", "finetune-all"] as const) {
    const r = await runStrategy(tf, a.net, s, ds, ds, {
      steps: 30,
      batch: 16,
      lr: 0.1,
      lrMult: 0.1,
      rng: createRng(3),
    });
    assert(r.accuracy >= 0.9, `${s}: ${r.accuracy}`);
    assertEquals(r.correct.length, ds.count);
    assertEquals(r.steps, 30, `${s}: steps counted in the training loop`);
    assertEquals(r.correct.split("").filter((c) => c === "1").length / ds.count, r.accuracy);
  }
  [a, b, c, d].forEach((x) => disposeCnn(x.net));
});

Deno.test("the cache key covers the family's code hash, the version, the rng stream, the backend, the augmentation and the fault", () => {
  const ds = toy(30);
  const o = {
    spec: { input: [4, 4, 1] as [number, number, number], channels: [4], dense: [8, 3] },
    steps: 30,
    batch: 16,
    lr: 0.1,
    seed: 1,
    rngLabel: "pretrain",
    backend: "cpu-blas",
  };
  const key = pretrainKey(ds, ds, o);
  assertEquals(pretrainKey(ds, ds, { ...o }), key);
  assert(key.includes(PRETRAIN_VERSION));
  const variants = [
    { ...o, backend: "wasm" },
    { ...o, rngLabel: "pretrain-2" },
    { ...o, seed: 2 },
    {
      ...o,
      augment: {
        zoom: [0.9, 1.15] as [number, number],
        pad: 2,
        maxDegrees: 15,
        grid: 4,
        sigma: 1.5,
        brightness: 0,
        contrast: 0,
      },
    },
    { ...o, fault: "not-pretrained" },
    { ...o, code: "0123456789abcdef" },
  ];
  const keys = variants.map((v) => pretrainKey(ds, ds, v));
  keys.forEach((k, i) => assert(k !== key, `variant ${i} has the same key`));
  assertEquals(new Set(keys).size, keys.length);
  // A normal run's fault ("none") does not change the key.
  assertEquals(pretrainKey(ds, ds, { ...o, fault: "none" }), key);
});

Deno.test("trainedSteps sums every strategy's recorded steps over cells and seeds, 0 when no loop ran", () => {
  const cell = (steps: Record<string, number>) => ({ domain: "similar", amount: "little", steps }) as unknown as Cell;
  const seed = (steps: Record<string, number>) => ({
    seed: 1,
    data: { cells: [cell(steps), cell(steps)] } as unknown as TransferData,
  });
  const trained = { "scratch": 20, "linear-top": 20, "finetune-all@0.1": 20 };
  assertEquals(trainedSteps([seed(trained), seed(trained)]), 2 * 2 * 60);
  assertEquals(trainedSteps([seed({ "scratch": 0, "linear-top": 0, "finetune-all@0.1": 0 }), seed({})]), 0);
  const old = { seed: 1, data: { cells: [{ domain: "similar" }] } as unknown as TransferData };
  assert(Number.isNaN(trainedSteps([old])), "a result from before the counters is unknown, not flagged");
});
