/**
 * The comparison of backends: each backend's numbers against the reference backend's.
 * @module
 */
import type { BackendRun } from "./types.ts";

/**
 * Largest relative difference between two equally long series (∞ when lengths differ). Values
 * below 1e-3 in size are compared against 1e-3, i.e. absolutely: float32 kernels (tanh near 0 on
 * WebGPU, say) differ in the last digits of tiny numbers.
 */
export function maxRelDiff(a: number[], b: number[]): number {
  if (a.length !== b.length) return Infinity;
  return Math.max(0, ...a.map((x, i) => Math.abs(x - b[i]) / Math.max(Math.abs(b[i]), 1e-3)));
}

/** Each backend × claim: the largest relative difference from the first backend that ran. */
export function deviations(runs: BackendRun[]): { backend: string; claim: string; dev: number }[] {
  const ran = runs.filter((r) => !r.unavailable);
  const ref = ran[0];
  if (!ref) return [];
  return ran.flatMap((r) =>
    Object.keys(ref.measured).map((claim) => ({
      backend: r.name,
      claim,
      dev: maxRelDiff(r.measured[claim] ?? [], ref.measured[claim]),
    }))
  );
}
