import { assert, assertEquals, assertThrows } from "./std.ts";
import { createRng } from "./rng.ts";

Deno.test("the same seed gives the same stream, another seed another", () => {
  const a = createRng(7), b = createRng(7), c = createRng(8);
  const xs = Array.from({ length: 5 }, () => a.next());
  assertEquals(xs, Array.from({ length: 5 }, () => b.next()));
  assert(xs[0] !== c.next());
});

Deno.test("normals have mean 0 and std 1, and scale by std", () => {
  const xs = createRng(1).normals(200_000, 2);
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
  assert(Math.abs(m) < 0.02, `mean ${m}`);
  assert(Math.abs(sd - 2) < 0.02, `std ${sd}`);
});

Deno.test("uniform, int and shuffle stay in range; fork is deterministic and independent", () => {
  const r = createRng(3);
  for (let i = 0; i < 1000; i++) {
    const u = r.uniform(-2, 5), k = r.int(4);
    assert(u >= -2 && u < 5 && Number.isInteger(k) && k >= 0 && k < 4);
  }
  assertEquals(r.shuffle([1, 2, 3, 4, 5]).sort(), [1, 2, 3, 4, 5]);
  assertEquals(createRng(3).fork("a").next(), createRng(3).fork("a").next());
  assert(createRng(3).fork("a").next() !== createRng(3).fork("b").next());
  assertThrows(() => createRng(1.5), RangeError, "integer");
});

Deno.test("uniforms, below and normals give the numbers of next() and normal() calls, spare included", () => {
  for (const seed of [1, 7, -3]) {
    const bulk = createRng(seed), single = createRng(seed);
    for (const n of [0, 1, 4, 3, 1000, 7, 2, 1, 1]) {
      const std = 0.5 + n / 10;
      assertEquals(
        Array.from(bulk.normals(n, std)),
        Array.from({ length: n }, () => Math.fround(std * single.normal())),
      );
      assertEquals(Array.from(bulk.uniforms(n)), Array.from({ length: n }, () => single.next()));
      const p = [0.5, 1 / 3, 0.9, 1][n % 4];
      assertEquals(Array.from(bulk.below(n, p)), Array.from({ length: n }, () => (single.next() < p ? 1 : 0)));
      assertEquals(bulk.normal(), single.normal()); // the spare left by an odd count is used next
    }
  }
});

Deno.test("below compares exactly at the edge: a draw equal to p is not below it", () => {
  const r = createRng(5), probe = createRng(5);
  const u = probe.next(); // the first draw, exactly representable
  assertEquals(r.below(1, u)[0], 0);
  assertEquals(createRng(5).below(1, u + 2 ** -40)[0], 1);
});
