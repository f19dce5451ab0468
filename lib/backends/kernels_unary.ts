/**
 * Tight float32 loops for unary kernels: Relu, Step, Abs, Neg, Square, Exp, Log, Tanh. Each
 * computes what the stock cpu kernel computes (the same Math function, rounded once to float32).
 * @module
 */
import { f32, type FastKernel, out } from "./kernel_util.ts";

/** The operations, numbered so that one loop per operation is chosen outside the element loop. */
const OPS = ["Relu", "Abs", "Neg", "Square", "Exp", "Log", "Tanh"] as const;

function apply(op: number, v: Float32Array, r: Float32Array): void {
  const n = v.length;
  switch (op) {
    case 0:
      for (let i = 0; i < n; i++) r[i] = Math.max(0, v[i]); // as the stock kernel; branch-free, NaN stays NaN
      break;
    case 1:
      for (let i = 0; i < n; i++) r[i] = Math.abs(v[i]);
      break;
    case 2:
      for (let i = 0; i < n; i++) r[i] = -1 * v[i];
      break;
    case 3:
      for (let i = 0; i < n; i++) r[i] = v[i] * v[i];
      break;
    case 4:
      for (let i = 0; i < n; i++) r[i] = Math.exp(v[i]);
      break;
    case 5:
      for (let i = 0; i < n; i++) r[i] = Math.log(v[i]);
      break;
    case 6:
      for (let i = 0; i < n; i++) r[i] = Math.tanh(v[i]);
      break;
  }
}

function unary(op: number): FastKernel {
  return ({ inputs, backend }) => {
    const x = inputs.x!;
    const v = f32(backend, x);
    if (!v) return undefined;
    const r = new Float32Array(v.length);
    apply(op, v, r);
    return out(backend, x.shape, r);
  };
}

/** Step: 1 where x > 0, NaN where x is NaN, `alpha` elsewhere. */
const step: FastKernel = ({ inputs, backend, attrs }) => {
  const x = inputs.x!;
  const v = f32(backend, x);
  if (!v) return undefined;
  const alpha = Number(attrs.alpha ?? 0);
  const r = new Float32Array(v.length);
  if (alpha === 0) {
    // branch-free: sign(max(e, 0)) is 1 for e > 0, 0 for e ≤ 0 (and -0), NaN for NaN
    for (let i = 0; i < v.length; i++) r[i] = Math.sign(Math.max(v[i], 0));
  } else {
    for (let i = 0; i < v.length; i++) {
      const e = v[i];
      r[i] = e > 0 ? 1 : e !== e ? e : alpha;
    }
  }
  return out(backend, x.shape, r);
};

/** The unary overrides, by kernel name. */
export const unaryKernels: Record<string, FastKernel> = {
  ...Object.fromEntries(OPS.map((name, op) => [name, unary(op)])),
  Step: step,
};
