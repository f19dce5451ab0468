import { assert } from "../std.ts";
import { initBackend, tf } from "../backend.ts";
import { createRng } from "../rng.ts";
import { addColourOffsets, fitPcaColour, pcaOffsets } from "./colour.ts";
import type { Dataset } from "../data/dataset.ts";

await initBackend("cpu").catch(() => initBackend("auto"));

/** RGB pixels along one known direction d plus small isotropic noise. */
function oneDirection(): { ds: Dataset; d: number[] } {
  const rng = createRng(5);
  const d = [2 / 3, 2 / 3, 1 / 3];
  const count = 50, px = 16;
  const images = new Float32Array(count * px * 3);
  for (let p = 0; p < count * px; p++) {
    const s = rng.normal(0, 0.2);
    for (let c = 0; c < 3; c++) images[3 * p + c] = 0.5 + s * d[c] + rng.normal(0, 0.01);
  }
  return {
    d,
    ds: {
      name: "toy",
      source: "toy",
      width: 4,
      height: 4,
      channels: 3,
      classNames: ["a"],
      images,
      labels: new Uint8Array(count),
      count,
    },
  };
}

Deno.test("fitPcaColour finds the dominant colour direction and its variance", () => {
  const { ds, d } = oneDirection();
  const pca = fitPcaColour(ds);
  const dot = pca.eigen.vectors[0].reduce((s, x, i) => s + x * d[i], 0);
  assert(Math.abs(Math.abs(dot) - 1) < 1e-3, `alignment ${dot}`);
  assert(Math.abs(pca.eigen.values[0] - 0.04) < 0.008, `λ1 ${pca.eigen.values[0]}`);
  assert(pca.eigen.values[1] < 0.001);
});

Deno.test("PCA offsets follow the components with the sampled magnitudes", async () => {
  const { ds } = oneDirection();
  const pca = fitPcaColour(ds);
  const [off] = pcaOffsets(pca, [[1, 0, 0]]);
  const want = pca.eigen.vectors[0].map((x) => x * Math.sqrt(pca.eigen.values[0]));
  off.forEach((v, c) => assert(Math.abs(v - want[c]) < 1e-12));
  const x = tf.fill([1, 2, 2, 3], 0.5) as tf.Tensor4D;
  const y = addColourOffsets(tf, x, [[0.1, -0.2, 0.6]]);
  const v = await y.data();
  tf.dispose([x, y]);
  for (let p = 0; p < 4; p++) {
    assert(Math.abs(v[3 * p] - 0.6) < 1e-6 && Math.abs(v[3 * p + 1] - 0.3) < 1e-6 && v[3 * p + 2] === 1);
  }
});
