import { assert, assertEquals } from "../../lib/std.ts";
import { bestOnGrid, logGrid, overshoot, reversals, stepsToLeave, stepsToReach } from "./trajectory.ts";
import { quadratic } from "./problems.ts";
import { sgd } from "../../lib/nn/optim/sgd.ts";

Deno.test("reversals counts sign changes of the step; overshoot measures crossing past 0", () => {
  assertEquals(reversals([1, -1, 1, -1]), 2);
  assertEquals(reversals([3, 2, 1, 0.5]), 0);
  assertEquals(overshoot([1, 0.5, 0.1]), 0);
  assertEquals(overshoot([2, -0.5, 0.2]), 0.25);
  assertEquals(overshoot([-2, 1, 0]), 0.5);
});

Deno.test("stepsToReach on a 1-axis quadratic matches (1 − α)^t", () => {
  const q = quadratic({ shallow: 1, kappa: 1 });
  const start = Float32Array.of(1, 0);
  // loss = ½·(0.5)^{2t} ≤ ½·1e-4 ⇔ t ≥ log(1e-4)/log(0.25) = 6.64
  assertEquals(stepsToReach(sgd({ lr: 0.5 }), q, start, 0.5e-4, 100), 7);
  assertEquals(stepsToReach(sgd({ lr: 0.5 }), q, start, 0.5e-4, 5), null);
  assertEquals(stepsToLeave(sgd({ lr: -1 }), q, start, 0, 10, 100), 4); // grows 2× per step: 2, 4, 8, 16
});

Deno.test("logGrid and bestOnGrid", () => {
  const g = logGrid(0.01, 100, 5);
  assert(g.every((x, i) => Math.abs(x - 10 ** (i - 2)) < 1e-12));
  assertEquals(bestOnGrid([1, 2, 3], (x) => (x === 2 ? 5 : x === 3 ? 5 : null)), { lr: 2, steps: 5 });
  assertEquals(bestOnGrid([1, 2], () => null).steps, null);
});
