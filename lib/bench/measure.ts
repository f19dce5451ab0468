/**
 * Measures the benchmark workloads on one backend, in its own process (a process runs on one
 * backend). Run as `deno run … lib/bench/measure.ts <backend>`; prints one JSON line.
 * `wasm-stock` is tfjs-wasm without claimbook's overrides, for comparison.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { assertBackendName, initBackend } from "../backend.ts";
import { cnnStep, matmul1024, mlpStep, type Workload } from "./workloads.ts";
import {
  median,
  NumpyGone,
  NumpyPartner,
  type NumpyWorkload,
  type PairedTimes,
  pairedTimes,
  type PairedWindow,
} from "./paired.ts";

/** What one backend measured; times are medians in milliseconds. */
export interface BackendTimes {
  backend: string;
  device?: string;
  mlp_ms?: number;
  cnn_ms?: number;
  matmul1024_gflops?: number;
  /** each workload timed in windows alternating with numpy's (see paired.ts), when numpy ran */
  paired?: Partial<Record<"mlp_ms" | "cnn_ms" | "matmul1024_gflops", PairedTimes>>;
  errors: Record<string, string>;
}

/**
 * Median of up to `reps` timed steps after up to `warm` untimed ones. Warming stops after a
 * quarter of `budgetMs`, timing after `budgetMs` (with at least one timed step, three when they
 * fit), so that the slow stock backends finish too.
 */
export async function time(w: Workload, warm: number, reps: number, budgetMs: number): Promise<number> {
  await warmUp(w, warm, budgetMs);
  const times: number[] = [];
  const start = performance.now();
  const enough = () => times.length >= 3 || (times.length >= 1 && times[0] > budgetMs / 2);
  for (let i = 0; i < reps && (!enough() || performance.now() - start < budgetMs); i++) {
    const t0 = performance.now();
    await w.step(i);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Up to `warm` untimed steps within a quarter of `budgetMs`; the last one's ms (Infinity when none ran). */
async function warmUp(w: Workload, warm: number, budgetMs: number): Promise<number> {
  const warmStart = performance.now();
  let lastStepMs = Infinity;
  for (let i = 0; i < warm && performance.now() - warmStart < budgetMs / 4; i++) {
    const t0 = performance.now();
    await w.step(i);
    lastStepMs = performance.now() - t0;
  }
  return lastStepMs;
}

/** Our steps per window: about 30 ms of them, 1 to 20 (short windows: both sides see the same moment). */
function windowSteps(msPerStep: number): number {
  return Math.max(1, Math.min(20, Math.round(30 / msPerStep)));
}

/**
 * {@link time}, with every window of our steps right after a window of as many numpy steps of the
 * same workload: warm-up as there, then windows until `reps` steps or `budgetMs` (at least 3 windows
 * when they fit).
 */
export async function timePaired(
  w: Workload,
  numpy: NumpyPartner,
  workload: NumpyWorkload,
  warm: number,
  reps: number,
  budgetMs: number,
): Promise<PairedTimes> {
  const k = windowSteps(await warmUp(w, warm, budgetMs)); // no warm-up step: one step a window
  const windows: PairedWindow[] = [];
  const start = performance.now();
  let steps = 0;
  const enough = () => windows.length >= 3 || (windows.length >= 1 && performance.now() - start > budgetMs / 2);
  while (steps < reps && (!enough() || performance.now() - start < budgetMs)) {
    const numpyTimes = await numpy.times(workload, k);
    const ours: number[] = [];
    for (let j = 0; j < k; j++, steps++) {
      const t0 = performance.now();
      await w.step(steps);
      ours.push(performance.now() - t0);
    }
    windows.push({ ours, numpy: numpyTimes });
  }
  return pairedTimes(windows);
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
export async function measure(name: string, budgetMs = 8000, numpyReference?: string): Promise<BackendTimes> {
  const result: BackendTimes = { backend: name, errors: {} };
  try {
    result.device = await start(name);
  } catch (e) {
    result.errors.start = String(e instanceof Error ? e.message : e).split("\n")[0];
    return result;
  }
  // [key, workload, numpy's workload, warm-up steps, timed steps]. The MLP step warms for 300 steps: V8 optimises
  // tfjs's engine and the kernels' loops over the first few hundred (measured on cpu-blas: median
  // 1.02 ms over steps 0-99, 0.95 ms over steps 200-299, 0.90-0.92 ms from then on), and a
  // training run spends nearly all its steps in that steady state. numpy has no such warm-up.
  const runs: ["mlp_ms" | "cnn_ms" | "matmul1024_gflops", () => Workload, NumpyWorkload, number, number][] = [
    ["mlp_ms", mlpStep, "mlp", 300, 300],
    ["cnn_ms", cnnStep, "cnn", 3, 30],
    ["matmul1024_gflops", matmul1024, "matmul", 2, 20],
  ];
  let numpy = numpyReference ? NumpyPartner.start(numpyReference) : undefined;
  if (typeof numpy === "string") result.errors.paired = numpy;
  for (const [key, make, workload, warm, reps] of runs) {
    const w = make();
    try {
      let ms: number | undefined;
      if (numpy instanceof NumpyPartner) {
        try {
          const p = await timePaired(w, numpy, workload, warm, reps, budgetMs);
          (result.paired ??= {})[key] = p;
          ms = p.ours_ms;
        } catch (e) {
          if (!(e instanceof NumpyGone)) throw e;
          result.errors.paired = e.message; // the rest unpaired
          numpy = undefined;
        }
      }
      ms ??= await time(w, warm, reps, budgetMs);
      result[key] = key === "matmul1024_gflops" ? (2 * 1024 ** 3) / ms / 1e6 : ms;
    } catch (e) {
      result.errors[key] = String(e instanceof Error ? e.message : e).split("\n")[0];
    } finally {
      w.dispose();
    }
  }
  if (numpy instanceof NumpyPartner) await numpy.close();
  return result;
}

if (import.meta.main) {
  const budget = Number(Deno.args[1] ?? 8000);
  console.log(JSON.stringify(await measure(Deno.args[0] ?? "auto", budget, Deno.args[2])));
}
