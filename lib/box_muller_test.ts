import { assertEquals } from "./std.ts";
import { boxMuller, boxMullerBlock, boxMullerTuning, PARALLEL_MIN_PAIRS } from "./box_muller.ts";
import { createRng } from "./rng.ts";

/** The first index where two arrays differ bit for bit, or -1. */
function firstDiff(a: Float32Array, b: Float32Array): number {
  const x = new Int32Array(a.buffer, a.byteOffset, a.length), y = new Int32Array(b.buffer, b.byteOffset, b.length);
  if (x.length !== y.length) return 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

Deno.test("worker-parallel Box-Muller gives the serial numbers bit for bit", () => {
  const pairs = PARALLEL_MIN_PAIRS + 12345;
  const draws = new Uint32Array(2 * pairs);
  const r = createRng(11);
  for (let i = 0; i < draws.length; i++) draws[i] = r.seedInt() * 2 + 1; // never 0
  const serial = new Float32Array(2 * pairs + 3);
  boxMullerBlock(draws, serial, 0, pairs, 3, 0.7);
  const saved = boxMullerTuning.maxWorkers;
  try {
    for (const maxWorkers of [3, 1, 0]) {
      boxMullerTuning.maxWorkers = maxWorkers;
      const got = new Float32Array(2 * pairs + 3);
      boxMuller(pairs, (raw) => raw.set(draws), 0.7, got, 3);
      assertEquals(firstDiff(got, serial), -1, `${maxWorkers} workers`);
    }
  } finally {
    boxMullerTuning.maxWorkers = saved;
  }
});

Deno.test("large normals() equal as many normal() calls, after and before a spare", () => {
  const bulk = createRng(5), single = createRng(5);
  assertEquals(bulk.normal(), single.normal()); // leaves a spare
  const n = 2 * PARALLEL_MIN_PAIRS + 7;
  const want = new Float32Array(n);
  for (let i = 0; i < n; i++) want[i] = 1.5 * single.normal();
  assertEquals(firstDiff(bulk.normals(n, 1.5), want), -1);
  assertEquals(bulk.normal(), single.normal());
});
