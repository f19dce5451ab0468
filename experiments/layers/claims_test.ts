import { assert, assertEquals } from "../../lib/std.ts";
import { expectedHolds, layersClaims } from "./claims.ts";
import { type P, params } from "./params.ts";
import type { LayersData } from "./types.ts";

const p = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.ci])) as unknown as P;
const claim = (id: string) => layersClaims.find((c) => c.id === id)!;

Deno.test("a norm's output is standardized over a pooling exactly when that pooling is a union of its sets", () => {
  const n = 4, c = 8, g = 4;
  for (const pool of ["batch", "layer", "instance", "group"] as const) assert(expectedHolds("instance", pool, n, c, g));
  assertEquals(
    (["batch", "layer", "instance", "group"] as const).map((pool) => expectedHolds("group", pool, n, c, g)),
    [false, true, false, true],
  );
  assertEquals(
    (["batch", "layer", "instance", "group"] as const).map((pool) => expectedHolds("batch", pool, n, c, g)),
    [true, false, false, false],
  );
});

const shape = (w: number, out: number) => ({
  setting: "F=3, S=1, P=1",
  w,
  f: 3,
  s: 1,
  padTotal: 2,
  padding: "zeroPadding2d(1)",
  out: [out, out, p.filters] as [number, number, number],
});

Deno.test("A1 fails when a measured size differs from the formula", () => {
  const data = (out: number) => [{ seed: 1, data: { a1: [shape(28, out)] } as unknown as LayersData }];
  assert(claim("A1").check(data(28), p).pass);
  assert(!claim("A1").check(data(27), p).pass);
});

Deno.test("A2 fails when the count is not F·F·D_in·K + K", () => {
  const row = { f: 3, depthIn: 3, filters: 8, counted: 224, kernelShape: [3, 3, 3, 8], biasShape: [8] };
  const data = (counted: number) => [{ seed: 1, data: { a2: [{ ...row, counted }] } as unknown as LayersData }];
  assert(claim("A2").check(data(224), p).pass);
  assert(!claim("A2").check(data(216), p).pass);
});

Deno.test("A5 is judged over seeds: BatchNorm must be faster in ≥ 80% of them", () => {
  const run = (plain: number | null, bn: number | null) => ({
    plain: { reachedAt: plain, losses: [1] },
    batchNorm: { reachedAt: bn, losses: [1] },
  });
  const runs = (pairs: [number | null, number | null][]) =>
    pairs.map(([a, b], i) => ({ seed: i + 1, data: { a5: run(a, b) } as unknown as LayersData }));
  assert(claim("A5").check(runs([[100, 50], [null, 80], [90, 60], [80, 70], [70, 60]]), p).pass);
  assert(!claim("A5").check(runs([[100, 50], [50, 80], [90, 60], [60, 70], [70, 60]]), p).pass);
});
