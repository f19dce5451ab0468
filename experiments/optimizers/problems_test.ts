import { assert } from "../../lib/std.ts";
import { conditionNumber, eigen2, numericHessian, quadratic, saddle } from "./problems.ts";

Deno.test("quadratic: the Hessian measured by differences has eigenvalues shallow and shallow·kappa", () => {
  for (const angleDeg of [0, 30, 77]) {
    const q = quadratic({ shallow: 2, kappa: 50, angleDeg });
    const H = numericHessian(q, Float32Array.of(0.4, -1.2));
    const { values, vectors } = eigen2(H);
    assert(Math.abs(values[0] - 2) < 1e-3 && Math.abs(values[1] - 100) < 1e-2, `eigenvalues ${values}`);
    assert(Math.abs(conditionNumber(H) - 50) < 0.05, `κ ${conditionNumber(H)}`);
    // The steep eigenvector is the problem's second axis (up to sign).
    const dot = Math.abs(vectors[1][0] * q.axes[1][0] + vectors[1][1] * q.axes[1][1]);
    assert(Math.abs(dot - 1) < 1e-4, `steep axis ${vectors[1]} vs ${q.axes[1]}`);
  }
});

Deno.test("saddle: negative curvature along y at the origin, minima at (0, ±1)", () => {
  const s = saddle({ steep: 100, shallow: 1 });
  const H = numericHessian(s, Float32Array.of(0, 0), 1e-3);
  const { values } = eigen2(H);
  assert(Math.abs(values[0] + 1) < 1e-3 && Math.abs(values[1] - 100) < 1e-2, `eigenvalues ${values}`);
  const g = s.grad(Float32Array.of(0, 1));
  assert(Math.abs(g[0]) + Math.abs(g[1]) < 1e-6 && Math.abs(s.loss(Float32Array.of(0, 1)) + 0.25) < 1e-9);
});
