/**
 * The backends experiment's run: init's run, twice per backend with the same seed, on every
 * backend named in the parameters; the numbers behind init's claims are kept for comparison.
 * @module
 */
import type { RunContext, SeedRun } from "../../lib/experiment.ts";
import { BackendBroken, type BackendName, BackendUnavailable, withBackend } from "../../lib/backend.ts";
import { resolveParams } from "../../lib/params.ts";
import { createRng } from "../../lib/rng.ts";
import { memoryCache } from "../../lib/runner.ts";
import { params as initParamSpecs } from "../init/params.ts";
import { run as initRun, trainedSteps as initSteps } from "../init/run.ts";
import type { InitData } from "../init/types.ts";
import type { P } from "./params.ts";
import type { BackendRun, BackendsData } from "./types.ts";

const NAMES = new Set(["tensorflow-gpu", "tensorflow", "webgpu", "cpu-blas", "wasm", "cpu"]);

/** The raw numbers behind init's claims, by claim (unrounded, straight from the run's data). */
function initNumbers(d: InitData): Record<string, number[]> {
  const std = (net: string) => d.nets[net].map((l) => l.std);
  return {
    C2: std("small-tanh"),
    C3: d.nets["large-tanh"].map((l) => l.saturated),
    C4: std("xavier-tanh"),
    C5: d.variance.map((v) => v.varY / (v.din * v.varX * v.varW)),
    C6: std("xavier-relu"),
    C7: [...std("kaiming-as-printed"), ...std("kaiming-corrected")],
    C8: [
      d.conv.fanInRight,
      d.conv.fanInWrong,
      d.conv.inputVar,
      ...Object.values(d.conv.he),
      ...Object.values(d.conv.glorot),
    ],
    "dL/dW": Object.values(d.nets).flatMap((layers) => layers.map((l) => l.gradMeanAbs)),
  };
}

/**
 * The training steps the runs executed: init's C1 training updates, over every backend and repeat.
 * 0 when no training step ran anywhere; NaN (unknown, so not flagged) for a result recorded before
 * the count existed.
 */
export function trainedSteps(runs: readonly SeedRun<BackendsData>[]): number {
  return runs.reduce((sum, r) => sum + r.data.runs.reduce((s, b) => s + (b.trainingSteps ?? NaN), 0), 0);
}

/**
 * The record of a backend that did not give numbers: `unavailable` when it is absent (not installed, no
 * adapter), `failed` when it is present but refused by its self-check or threw while running.
 */
export function notRun(name: string, error: unknown): BackendRun {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  const absent = error instanceof BackendUnavailable && !(error instanceof BackendBroken);
  return {
    name,
    device: "",
    ...(absent ? { unavailable: message } : { failed: message }),
    measured: {},
    identical: false,
    trainingSteps: 0,
    ms: 0,
  };
}

/** Runs init on every backend named in the parameters, twice each with the same seed. */
export async function run({ tf, params: p, seed, progress }: RunContext<P>): Promise<BackendsData> {
  const names = p.backends.split(",").map((s) => s.trim()).filter((s) => s);
  const bad = names.find((n) => !NAMES.has(n));
  if (bad) throw new Error(`backends.backends names "${bad}", which is not a backend (${[...NAMES].join(", ")})`);
  const initParams = resolveParams("init", initParamSpecs, "ci", { width: String(p.width), steps: String(p.steps) });
  const staleParams = resolveParams("init", initParamSpecs, "ci", { steps: String(p.steps) });
  const out: BackendRun[] = [];
  for (const [i, name] of names.entries()) {
    progress(i, names.length, name);
    const t0 = performance.now();
    try {
      out.push(
        await withBackend(name as Exclude<BackendName, "auto">, async (info) => {
          const once = (repeat: number) =>
            initRun({
              tf,
              params: p.fault === "stale-params" && i > 0 ? staleParams : initParams,
              profile: "ci",
              seed,
              rng: createRng(p.fault === "seed-per-repeat" ? seed + repeat : seed),
              backend: info,
              progress: () => {},
              cache: memoryCache(),
              code: "",
            });
          const a = JSON.stringify(await once(0));
          const b = JSON.stringify(await once(1));
          const [da, db]: InitData[] = [JSON.parse(a), JSON.parse(b)];
          return {
            name,
            device: info.device,
            measured: initNumbers(da),
            identical: a === b,
            trainingSteps: initSteps([{ seed, data: da }, { seed, data: db }]),
            ms: Math.round((performance.now() - t0) / 2),
          };
        }),
      );
    } catch (e) {
      out.push(notRun(name, e));
    }
  }
  return { runs: out };
}
