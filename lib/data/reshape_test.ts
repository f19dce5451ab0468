import { assertEquals } from "../std.ts";
import type { Dataset } from "./dataset.ts";
import { greyToRgb, padImages, poolImages } from "./reshape.ts";

const ds: Dataset = {
  name: "t",
  source: "test",
  width: 4,
  height: 2,
  channels: 1,
  classNames: ["a"],
  images: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]),
  labels: Uint8Array.from([0]),
  count: 1,
};

Deno.test("poolImages averages factor×factor blocks", () => {
  const p = poolImages(ds, 2);
  assertEquals([p.width, p.height], [2, 1]);
  assertEquals(Array.from(p.images), [3.5, 5.5]);
});

Deno.test("padImages adds zero borders", () => {
  const p = padImages(ds, 1);
  assertEquals([p.width, p.height], [6, 4]);
  assertEquals(Array.from(p.images.slice(6, 12)), [0, 1, 2, 3, 4, 0]);
  assertEquals(p.images.reduce((a, b) => a + b, 0), 36);
});

Deno.test("greyToRgb repeats each grey value three times", () => {
  const p = greyToRgb(ds);
  assertEquals(p.channels, 3);
  assertEquals(Array.from(p.images.slice(0, 6)), [1, 1, 1, 2, 2, 2]);
});
