import { assert } from "../../lib/std.ts";
import { createRng } from "../../lib/rng.ts";
import type { Dataset } from "../../lib/data/dataset.ts";
import { colouriseDigits } from "./colour_digits.ts";

Deno.test("colouriseDigits mixes ink and background per image", () => {
  const grey: Dataset = {
    name: "g",
    source: "g",
    width: 2,
    height: 1,
    channels: 1,
    classNames: ["a"],
    images: new Float32Array([0, 1, 0, 1]),
    labels: new Uint8Array(2),
    count: 2,
  };
  const c = colouriseDigits(grey, createRng(1));
  assert(c.channels === 3 && c.images.length === 12);
  const bg = Array.from(c.images.subarray(0, 3)), ink = Array.from(c.images.subarray(3, 6));
  assert(Math.max(...ink) > Math.max(...bg), "ink is brighter than the background");
  assert(c.images.some((v, i) => i >= 6 && v !== c.images[i - 6]), "each image has its own colours");
});
