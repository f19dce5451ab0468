import { assert } from "../../lib/std.ts";
import { pairedInterval } from "./paired.ts";

Deno.test("pairedInterval: mean and a 95% interval that shrinks with more pairs", () => {
  // 10 improvements, 5 losses, 85 ties out of 100: mean 0.05.
  const a = pairedInterval(10 - 5, 10 + 5, 100);
  assert(Math.abs(a.mean - 0.05) < 1e-12);
  const sd = Math.sqrt((15 - 100 * 0.05 ** 2) / 99);
  assert(Math.abs(a.hi - a.mean - 1.959963984540054 * sd / 10) < 1e-12);
  const b = pairedInterval(4 * 5, 4 * 15, 400);
  assert(b.hi - b.lo < a.hi - a.lo);
  const none = pairedInterval(0, 0, 50);
  assert(none.lo === 0 && none.hi === 0);
});
