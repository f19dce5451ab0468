import { assert, assertEquals, assertMatch, assertRejects } from "../std.ts";
import { loadDataset } from "./load.ts";
import { FASHION_MNIST_DIR } from "./idx.ts";
import { isDirectory } from "./files.ts";
import { toRgb32 } from "./rgb32.ts";
import { prepareData } from "./prepare.ts";
import { createRng } from "../rng.ts";

Deno.test("loadDataset: mnist is the embedded digits; unknown sources and missing dirs are errors", async () => {
  assertEquals((await loadDataset("mnist")).count, 10000);
  assertMatch(
    (await assertRejects(() => loadDataset("svhn"))).message,
    /Unknown data source "svhn": expected one of mnist, idx, cifar10/,
  );
  assertMatch((await assertRejects(() => loadDataset("cifar10"))).message, /needs a data directory/);
});

Deno.test({
  name: "loadDataset: idx without a directory finds the installed Fashion-MNIST",
  ignore: !(await isDirectory(FASHION_MNIST_DIR)),
  async fn() {
    const ds = await loadDataset("idx", "", { limit: 50 });
    assertEquals([ds.name, ds.count, ds.width], ["fashion-mnist", 50, 28]);
  },
});

Deno.test("toRgb32 centres 28×28 grey images on 32×32 and copies them to 3 channels", async () => {
  const ds = await loadDataset("mnist");
  const one = { ...ds, count: 1 };
  const rgb = toRgb32(one);
  assertEquals([rgb.width, rgb.height, rgb.channels, rgb.images.length], [32, 32, 3, 3072]);
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = ds.images[y * 28 + x];
      for (let c = 0; c < 3; c++) assertEquals(rgb.images[((y + 2) * 32 + x + 2) * 3 + c], v);
    }
  }
  assertEquals(rgb.images[0], 0);
});

Deno.test("prepareData: seeded splits are reproducible, the training mean is subtracted", async () => {
  const p = {
    data: "mnist",
    dataDir: "",
    inputs: "native",
    trainSize: 300,
    valSize: 50,
    testSize: 50,
    pixelScale: 255,
  };
  const a = await prepareData(p, createRng(5)), b = await prepareData(p, createRng(5));
  const c = await prepareData(p, createRng(6));
  assertEquals(Array.from(a.train.y), Array.from(b.train.y));
  assert(Array.from(a.train.y).some((y, i) => y !== c.train.y[i]));
  for (const j of [100, 400, 600]) {
    let s = 0;
    for (let i = 0; i < a.train.N; i++) s += a.train.X[i * a.train.D + j];
    assert(Math.abs(s / a.train.N) < 1e-3, `column ${j} has mean ${s / a.train.N}`);
  }
  assertEquals([a.info.D, a.val.N, a.test.N], [784, 50, 50]);
});
