/**
 * Runs kernel overrides and the stock tfjs `cpu` kernels on the same inputs and compares them,
 * on a private cpu backend instance (no engine state, nothing registered, nothing leaked).
 * @module
 */
import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import { caseRng, caseValues, type KernelCase, kernelCases } from "./check_cases.ts";
import { type CpuKernelArgs, type FastKernel, stock, type TensorInfo } from "./kernel_util.ts";

/** Absolute and relative tolerance: float32 sums in another order differ by a few ulps per term. */
export const ATOL = 1e-5;
export const RTOL = 1e-4;

/** The outcome of one case. */
export interface CaseResult {
  /** Whether the override computed the result itself (false: it left it to the stock kernel). */
  handled: boolean;
  /** What disagreed, if anything. */
  problem?: string;
}

/** Compares two value arrays; NaN must meet NaN and ±Inf the same infinity. */
export function compareValues(got: ArrayLike<number>, want: ArrayLike<number>, scale: number): string | undefined {
  if (got.length !== want.length) return `length ${got.length}, expected ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    const g = got[i], w = want[i];
    if (Number.isNaN(w) || Number.isNaN(g)) {
      if (Number.isNaN(w) !== Number.isNaN(g)) return `[${i}] = ${g}, expected ${w}`;
      continue;
    }
    if (!Number.isFinite(w) || !Number.isFinite(g)) {
      if (g !== w) return `[${i}] = ${g}, expected ${w}`;
      continue;
    }
    if (Math.abs(g - w) > ATOL * scale + RTOL * Math.abs(w)) return `[${i}] = ${g}, expected ${w}`;
  }
  return undefined;
}

/** The scale of rounding errors: the largest finite input magnitude times the reduction length bound. */
function errorScale(inputs: Record<string, Float32Array>): number {
  let max = 1;
  for (const v of Object.values(inputs)) for (const x of v) if (Number.isFinite(x)) max = Math.max(max, Math.abs(x));
  return max * max * 16;
}

/** Runs case `index` through `fast` (falling back to stock) and through the stock kernel. */
export function runCase(fast: FastKernel, kcase: KernelCase, index: number): CaseResult {
  const backend = new MathBackendCPU();
  (backend as unknown as { firstUse: boolean }).firstUse = false; // no "install tfjs-node" advice
  const rng = caseRng(index);
  const values: Record<string, Float32Array> = {};
  const inputs: Record<string, TensorInfo> = {};
  for (const [name, input] of Object.entries(kcase.inputs)) {
    const v = caseValues(input, rng);
    if (v instanceof Float32Array) values[name] = v;
    inputs[name] = backend.makeTensorInfo(input.shape, v instanceof Float32Array ? "float32" : "int32", v);
  }
  if (kcase.kernel === "MaxPoolGrad") {
    const args = { inputs: { x: inputs.input }, backend, attrs: kcase.attrs };
    inputs.output = stock("MaxPool", args);
  }
  const args: CpuKernelArgs = { inputs, backend, attrs: kcase.attrs };
  try {
    const wants = [stock(kcase.kernel, args)].flat();
    const fastResult = fast(args);
    const gots = [fastResult ?? stock(kcase.kernel, args)].flat();
    const where = `${kcase.kernel} (${kcase.label})`;
    if (gots.length !== wants.length) {
      return { handled: !!fastResult, problem: `${where}: ${gots.length} outputs, expected ${wants.length}` };
    }
    for (const [i, want] of wants.entries()) {
      const got = gots[i];
      if (got.shape.join() !== want.shape.join()) {
        return { handled: !!fastResult, problem: `${where}: shape ${got.shape}, expected ${want.shape}` };
      }
      if (got.dtype !== want.dtype) return { handled: !!fastResult, problem: `${where}: dtype ${got.dtype}` };
      const diff = compareValues(
        backend.readSync(got.dataId) as Float32Array,
        backend.readSync(want.dataId) as Float32Array,
        errorScale(values),
      );
      if (diff) return { handled: !!fastResult, problem: `${where}: output ${i}: ${diff}` };
    }
    return { handled: !!fastResult };
  } finally {
    backend.dispose();
  }
}

/**
 * The start-up check of a backend's overrides: every `quick` case of every overridden kernel.
 * Returns the disagreements (empty when all agree).
 */
export function selfCheck(fast: Record<string, FastKernel>): string[] {
  const problems: string[] = [];
  kernelCases("quick").forEach((kcase, index) => {
    const kernel = fast[kcase.kernel];
    if (!kernel) return;
    try {
      const r = runCase(kernel, kcase, index);
      if (r.problem) problems.push(r.problem);
      else if (kcase.fast && !r.handled) problems.push(`${kcase.kernel} (${kcase.label}): not handled by the override`);
    } catch (e) {
      problems.push(`${kcase.kernel} (${kcase.label}): ${String(e).split("\n")[0]}`);
    }
  });
  return problems;
}
