import { assert, assertEquals } from "../../std.ts";
import { sgd } from "./sgd.ts";
import { momentum } from "./momentum.ts";
import { nesterov } from "./nesterov.ts";
import { adagrad, effectiveStep } from "./adagrad.ts";
import { rmsprop, rmspropAsPrinted } from "./rmsprop.ts";
import { adam } from "./adam.ts";
import { adamL2, adamw } from "./adamw.ts";
import { minimize, type Optimizer } from "./types.ts";

const f32 = (...xs: number[]) => Float32Array.from(xs);
const close = (a: ArrayLike<number>, b: number[], tol = 1e-6) => {
  assertEquals(a.length, b.length);
  for (let i = 0; i < b.length; i++) assert(Math.abs(a[i] - b[i]) <= tol, `element ${i}: ${a[i]} vs ${b[i]}`);
};
/** Runs steps with given gradients (the gradient point is ignored: gradients are fixed). */
function steps<S>(opt: Optimizer<S>, start: number[], grads: number[][]) {
  let state = opt.init(start.length);
  let params: Float32Array = f32(...start);
  for (const g of grads) ({ state, params } = opt.step(state, params, f32(...g)));
  return { state, params };
}

Deno.test("sgd: θ − α·g", () => {
  close(steps(sgd({ lr: 0.1 }), [1, -2], [[2, 4]]).params, [0.8, -2.4]);
  close(steps(sgd({ lr: 0.1 }), [1, -2], [[2, 4], [1, 1]]).params, [0.7, -2.5]);
});

Deno.test("momentum: EMA velocity v = ρv + (1−ρ)g, θ −= αv", () => {
  // v1 = 0.1·1 = 0.1, θ1 = 1 − 0.5·0.1 = 0.95; v2 = 0.9·0.1 + 0.1·2 = 0.29, θ2 = 0.95 − 0.145 = 0.805
  const r = steps(momentum({ lr: 0.5, rho: 0.9 }), [1], [[1], [2]]);
  close(r.state.vel, [0.29]);
  close(r.params, [0.805]);
});

Deno.test("nesterov: gradient at θ − α·ρ·v, then the EMA step", () => {
  const opt = nesterov({ lr: 0.5, rho: 0.9 });
  const s0 = opt.init(1);
  close(opt.gradientPoint(s0, f32(1)), [1]); // v = 0: no look-ahead
  const r1 = opt.step(s0, f32(1), f32(1)); // v = 0.1, θ = 0.95
  close(opt.gradientPoint(r1.state, r1.params), [0.95 - 0.5 * 0.9 * 0.1]);
  // On f = x²/2 the gradient at the look-ahead point is the point itself.
  const traj = minimize(opt, { loss: (p) => p[0] ** 2 / 2, grad: (p) => f32(p[0]) }, f32(1), 2);
  // step 1: g = 1, v = 0.1, θ = 0.95; step 2: ahead = 0.905, v = 0.09 + 0.0905 = 0.1805, θ = 0.95 − 0.09025
  close(traj.params[2], [0.85975]);
});

Deno.test("adagrad: G += g², θ −= α·g/(√G + ε); step sizes only shrink", () => {
  const r = steps(adagrad({ lr: 0.1 }), [1, 1], [[3, 0.01], [4, 0.01]]);
  close(r.state.gradSquared, [25, 0.0002]);
  // θ0 − 0.1·3/3 − 0.1·4/5 = 1 − 0.1 − 0.08; second coordinate: 1 − 0.1 − 0.1/√2
  close(r.params, [0.82, 1 - 0.1 - 0.1 / Math.SQRT2], 1e-5);
  close(effectiveStep(r.state, 0.1), [0.02, 0.1 / Math.sqrt(0.0002)], 1e-3);
});

Deno.test("rmsprop: leaky average G = dG + (1−d)g²", () => {
  const r = steps(rmsprop({ lr: 0.1, decay: 0.9 }), [1], [[2], [2]]);
  close(r.state.gradSquared, [0.9 * 0.4 + 0.4]); // 0.76
  close(r.params, [1 - 0.1 * 2 / Math.sqrt(0.4) - 0.1 * 2 / Math.sqrt(0.76)], 1e-5);
});

Deno.test("rmsprop as printed: G += dG + (1−d)g² grows like (1+d)^t", () => {
  const r = steps(rmspropAsPrinted({ lr: 0.1, decay: 0.9 }), [1], [[2], [2]]);
  // G1 = 0 + 0 + 0.4 = 0.4; G2 = 0.4 + 0.36 + 0.4 = 1.16
  close(r.state.gradSquared, [1.16], 1e-5);
  const many = steps(rmspropAsPrinted({ lr: 0.1, decay: 0.9 }), [1], Array.from({ length: 40 }, () => [1]));
  const correct = steps(rmsprop({ lr: 0.1, decay: 0.9 }), [1], Array.from({ length: 40 }, () => [1]));
  assert(many.state.gradSquared[0] > 1e10, `accumulator ${many.state.gradSquared[0]}`);
  close(correct.state.gradSquared, [1 - 0.9 ** 40], 1e-5);
});

Deno.test("adam: bias-corrected first step is α·sign(g); without correction α·(1−β1)/√(1−β2)", () => {
  const o = { lr: 0.01, beta1: 0.9, beta2: 0.999 };
  close(steps(adam(o), [0, 0], [[5, -0.5]]).params, [-0.01, 0.01], 1e-7);
  const raw = steps(adam({ ...o, biasCorrection: false }), [0], [[5]]).params[0];
  close([raw], [-0.01 * 0.1 * 5 / (Math.sqrt(0.001 * 25) + 1e-7)], 1e-7);
  // Two steps by hand: m2 = 0.09·5 + 0.1·1 = 0.55, v2 = 0.999·0.025 + 0.001 = 0.025975.
  const two = steps(adam(o), [0], [[5], [1]]);
  close(two.state.m, [0.55], 1e-6);
  close(two.state.v, [0.025975], 1e-7);
  const expected = -0.01 - 0.01 * (0.55 / 0.19) / (Math.sqrt(0.025975 / (1 - 0.999 ** 2)) + 1e-7);
  close(two.params, [expected], 1e-6);
});

Deno.test("adamw decays every weight by α·λ·θ; Adam + L2 divides the decay by √v̂", () => {
  const o = { lr: 0.1, beta1: 0.9, beta2: 0.999, decay: 0.5 };
  // Zero gradient: AdamW moves by α·λ·θ = 0.1; Adam + L2 sees g = λθ and moves by α·sign = 0.1 too.
  close(steps(adamw(o), [2, 4], [[0, 0]]).params, [1.9, 3.8]);
  close(steps(adamL2(o), [2, 4], [[0, 0]]).params, [1.9, 3.9], 1e-6);
  // A large gradient 100 on both: AdamW still decays by α·λ·θ on top of the Adam step.
  const w = steps(adamw(o), [2], [[100]]).params[0];
  const l2 = steps(adamL2(o), [2], [[100]]).params[0];
  close([w], [2 - 0.1 - 0.1], 1e-6);
  close([l2], [2 - 0.1], 1e-6); // the decay term vanished inside the normalisation
});

Deno.test("steps never modify their inputs", () => {
  const p = f32(1, 2), g = f32(1, 1);
  for (const opt of [sgd({ lr: 1 }), momentum({ lr: 1, rho: 0.9 }), adam({ lr: 1, beta1: 0.9, beta2: 0.9 })]) {
    opt.step(opt.init(2) as never, p, g);
  }
  close(p, [1, 2]);
});
