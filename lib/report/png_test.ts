import { assert, assertEquals } from "../std.ts";
import { encodePng, pngDataUri } from "./png.ts";

Deno.test("encodes a valid PNG (signature, IHDR size and colour type)", async () => {
  const png = await encodePng([0, 0.5, 1, 0.25], 2, 2, 1);
  assertEquals(Array.from(png.slice(0, 8)), [137, 80, 78, 71, 13, 10, 26, 10]);
  const view = new DataView(png.buffer);
  assertEquals([view.getUint32(16), view.getUint32(20), png[24], png[25]], [2, 2, 8, 0]);
  const rgb = await encodePng(new Array(12).fill(0.5), 2, 2, 3);
  assertEquals(rgb[25], 2);
  assert((await pngDataUri([1], 1, 1, 1)).startsWith("data:image/png;base64,"));
});

Deno.test("rejects pixel arrays of the wrong length", async () => {
  let message = "";
  await encodePng([1, 2], 1, 1, 1).catch((e) => (message = e.message));
  assert(message.includes("do not make a 1×1×1 image"));
});
