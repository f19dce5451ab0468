/**
 * Measures the benchmark workloads on one backend, in its own process (a process runs on one
 * backend). Run as `deno run … lib/bench/measure.ts <backend>`; prints one JSON line.
 * `wasm-stock` is tfjs-wasm without claimbook's overrides, for comparison.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { assertBackendName, initBackend } from "../backend.ts";
import { cnnStep, matmul1024, mlpStep, type Workload } from "./workloads.ts";

/** What one backend measured; times are medians in milliseconds. */
export interface BackendTimes {
  backend: string;
  device?: string;
  mlp_ms?: number;
  cnn_ms?: number;
  matmul1024_gflops?: number;
  errors: Record<string, string>;
}

/**
 * Median of up to `reps` timed steps after up to `warm` untimed ones. Warming stops after a
 * quarter of `budgetMs`, timing after `budgetMs` (with at least one timed step, three when they
 * fit), so that the slow stock backends finish too.
 */
export async function time(w: Workload, warm: number, reps: number, budgetMs: number): Promise<number> {
  const warmStart = performance.now();
  for (let i = 0; i < warm && performance.now() - warmStart < budgetMs / 4; i++) await w.step(i);
  const times: number[] = [];
  const start = performance.now();
  const enough = () => times.length >= 3 || (times.length >= 1 && times[0] > budgetMs / 2);
  for (let i = 0; i < reps && (!enough() || performance.now() - start < budgetMs); i++) {
    const t0 = performance.now();
    await w.step(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Starts backend `name` (or `wasm-stock`: tfjs-wasm without overrides) and returns its device text. */
export async function start(name: string): Promise<string> {
  if (name === "wasm-stock") {
    await import("@tensorflow/tfjs-backend-wasm");
    tf.env().set("PROD", true);
    if (!(await tf.setBackend("wasm"))) throw new Error("tfjs-wasm could not start");
    return "tfjs-wasm without overrides";
  }
  assertBackendName(name);
  return (await initBackend(name)).device;
}

/** Runs the three workloads on `name`; a workload that throws is reported, not fatal. */
export async function measure(name: string, budgetMs = 8000): Promise<BackendTimes> {
  const result: BackendTimes = { backend: name, errors: {} };
  try {
    result.device = await start(name);
  } catch (e) {
    result.errors.start = String(e instanceof Error ? e.message : e).split("\n")[0];
    return result;
  }
  // [key, workload, warm-up steps, timed steps]. The MLP step warms for 300 steps: V8 optimises
  // tfjs's engine and the kernels' loops over the first few hundred (measured on cpu-blas: median
  // 1.02 ms over steps 0-99, 0.95 ms over steps 200-299, 0.90-0.92 ms from then on), and a
  // training run spends nearly all its steps in that steady state. numpy has no such warm-up.
  const runs: [keyof BackendTimes, () => Workload, number, number][] = [
    ["mlp_ms", mlpStep, 300, 300],
    ["cnn_ms", cnnStep, 3, 30],
    ["matmul1024_gflops", matmul1024, 2, 20],
  ];
  for (const [key, make, warm, reps] of runs) {
    const w = make();
    try {
      const ms = await time(w, warm, reps, budgetMs);
      (result as unknown as Record<string, number>)[key] = key === "matmul1024_gflops"
        ? (2 * 1024 ** 3) / ms / 1e6
        : ms;
    } catch (e) {
      result.errors[key] = String(e instanceof Error ? e.message : e).split("\n")[0];
    } finally {
      w.dispose();
    }
  }
  return result;
}

if (import.meta.main) {
  const budget = Number(Deno.args[1] ?? 8000);
  console.log(JSON.stringify(await measure(Deno.args[0] ?? "auto", budget)));
}
