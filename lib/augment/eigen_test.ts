import { assert, assertEquals, assertThrows } from "../std.ts";
import { eigenResiduals, jacobiEigen } from "./eigen.ts";
import { createRng } from "../rng.ts";

Deno.test("jacobiEigen solves a 2×2 matrix exactly", () => {
  const e = jacobiEigen([[2, 1], [1, 2]]);
  assert(Math.abs(e.values[0] - 3) < 1e-12 && Math.abs(e.values[1] - 1) < 1e-12);
  assert(Math.abs(Math.abs(e.vectors[0][0]) - Math.SQRT1_2) < 1e-12);
});

Deno.test("jacobiEigen: random symmetric 3×3 matrices have small residuals, sorted eigenvalues", () => {
  const rng = createRng(7);
  for (let t = 0; t < 20; t++) {
    const b = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => rng.normal()));
    const a = b.map((_, i) => b.map((_, j) => b[i].reduce((s, x, k) => s + x * b[j][k], 0)));
    const e = jacobiEigen(a);
    const r = eigenResiduals(a, e);
    assert(r.residual < 1e-10 && r.orthonormality < 1e-12, JSON.stringify(r));
    assert(e.values[0] >= e.values[1] && e.values[1] >= e.values[2]);
    const trace = a[0][0] + a[1][1] + a[2][2];
    assert(Math.abs(e.values.reduce((s, v) => s + v, 0) - trace) < 1e-10);
  }
});

Deno.test("jacobiEigen keeps a diagonal matrix and rejects a non-symmetric one", () => {
  assertEquals(jacobiEigen([[1, 0, 0], [0, 5, 0], [0, 0, 3]]).values, [5, 3, 1]);
  assertThrows(() => jacobiEigen([[1, 2], [0, 1]]), Error, "not symmetric");
});

Deno.test("eigenResiduals detects a wrong eigenpair", () => {
  const r = eigenResiduals([[2, 1], [1, 2]], { values: [3, 1], vectors: [[1, 0], [0, 1]] });
  assert(r.residual > 0.5);
});
