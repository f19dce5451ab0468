/**
 * Claim H2: the same experiment gives the same numbers on every backend (within a stated
 * float32 tolerance), and the same seed on the same backend gives bit-identical data.
 * The init family's value claims are recomputed on each backend in this one process.
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { fmt, record } from "../../lib/checks.ts";
import { type Row, VEGA_LITE_SCHEMA } from "../../lib/charts/mod.ts";
import { type BackendName, withBackend } from "../../lib/backend.ts";
import { resolveParams } from "../../lib/params.ts";
import { createRng } from "../../lib/rng.ts";
import { memoryCache } from "../../lib/runner.ts";
import init, { type InitData } from "../init/mod.ts";

const params = {
  backends: {
    ci: "cpu,cpu-blas,wasm,webgpu",
    full: "cpu,cpu-blas,wasm,webgpu",
    doc: "Backends to compare, comma-separated; the first one that starts is the reference.",
  },
  width: { ci: 256, full: 1024, min: 8, max: 8192, integer: true, doc: "init.width for every backend's run." },
  steps: { ci: 60, full: 400, min: 1, max: 100000, integer: true, doc: "init.steps (C1 training) for every run." },
  relTolerance: {
    ci: 1e-3,
    full: 1e-3,
    min: 0,
    max: 1,
    doc: "Largest relative difference from the reference allowed.",
  },
};

const NAMES = new Set(["tensorflow-gpu", "tensorflow", "webgpu", "cpu-blas", "wasm", "cpu"]);

interface BackendRun {
  name: string;
  device: string;
  /** Why it did not run (not installed, no adapter …); absent when it ran. */
  unavailable?: string;
  /** The raw numbers behind each init claim, as measured on this backend. */
  measured: Record<string, number[]>;
  /** Whether a second run with the same seed gave bit-identical data. */
  identical: boolean;
  ms: number;
}

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
 * Largest relative difference between two equally long series (∞ when lengths differ). Values
 * below 1e-3 in size are compared against 1e-3, i.e. absolutely: float32 kernels (tanh near 0 on
 * WebGPU, say) differ in the last digits of tiny numbers.
 */
function maxRelDiff(a: number[], b: number[]): number {
  if (a.length !== b.length) return Infinity;
  return Math.max(0, ...a.map((x, i) => Math.abs(x - b[i]) / Math.max(Math.abs(b[i]), 1e-3)));
}

type P = { [K in keyof typeof params]: (typeof params)[K]["ci"] };

function deviations(runs: BackendRun[]): { backend: string; claim: string; dev: number }[] {
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

export default defineExperiment({
  id: "backends",
  title: "Backends agree, and runs are reproducible",
  lecture: ["(method) every stochastic check states its seeds; results do not depend on the backend"],
  summary: "Not a slide but a promise of the method (claim H2): the init family's value claims are measured again on " +
    "each available backend (stock JavaScript, native BLAS, WebAssembly, WebGPU) with the same seed, compared with " +
    "the first backend within a float32 tolerance, and each backend's run is repeated to show it is bit-identical.",
  params,
  seeds: { ci: 1, full: 2 },
  async run({ tf, params: p, seed, progress }) {
    const names = p.backends.split(",").map((s) => s.trim()).filter((s) => s);
    const bad = names.find((n) => !NAMES.has(n));
    if (bad) throw new Error(`backends.backends names "${bad}", which is not a backend (${[...NAMES].join(", ")})`);
    const initParams = resolveParams("init", init.params, "ci", { width: String(p.width), steps: String(p.steps) });
    const out: BackendRun[] = [];
    for (const [i, name] of names.entries()) {
      progress(i, names.length, name);
      const t0 = performance.now();
      try {
        out.push(
          await withBackend(name as Exclude<BackendName, "auto">, async (info) => {
            const once = () =>
              init.run({
                tf,
                params: initParams,
                profile: "ci",
                seed,
                rng: createRng(seed),
                backend: info,
                progress: () => {},
                cache: memoryCache(),
              });
            const a = JSON.stringify(await once());
            const b = JSON.stringify(await once());
            const measured = initNumbers(JSON.parse(a));
            return {
              name,
              device: info.device,
              measured,
              identical: a === b,
              ms: Math.round((performance.now() - t0) / 2),
            };
          }),
        );
      } catch (e) {
        out.push({
          name,
          device: "",
          unavailable: (e instanceof Error ? e.message : String(e)).split("\n")[0],
          measured: {},
          identical: false,
          ms: 0,
        });
      }
    }
    return { runs: out };
  },
  claims: [
    {
      id: "H2",
      kind: "value",
      statement:
        "The init family's measurements (C2–C8, dL/dW) give the same numbers on every backend that runs (within the stated float32 tolerance), and the same seed on the same backend is bit-identical.",
      check(seedRuns, p: P) {
        const all = seedRuns.flatMap((r) => r.data.runs as BackendRun[]);
        const ran = all.filter((r) => !r.unavailable);
        const names = [...new Set(ran.map((r) => r.name))];
        const devs = seedRuns.flatMap((r) => deviations(r.data.runs as BackendRun[]));
        const worst = Math.max(0, ...devs.map((d) => d.dev));
        const identical = ran.every((r) => r.identical);
        return {
          pass: names.length >= 2 && worst <= p.relTolerance && identical,
          measured: record([["backends compared", names.join(", ")], ["largest relative difference", worst], [
            "repeat runs bit-identical",
            identical,
          ]]),
          expected: record([["backends compared", "≥ 2"], ["largest relative difference", `≤ ${fmt(p.relTolerance)}`], [
            "repeat runs bit-identical",
            true,
          ]]),
          tolerance: `relative ${fmt(p.relTolerance)} against ${
            ran[0]?.name ?? "the first backend"
          } (values below 1e-3 absolutely, to ${fmt(p.relTolerance * 1e-3)}), on every number behind C2–C8 and dL/dW`,
          summary:
            `${names.length} backends ran (${names.join(", ")}); the largest difference from ${
              ran[0]?.name ?? "—"
            } is ${fmt(worst)} (relative); ` +
            (identical ? "every repeat was bit-identical." : "some repeat differed.") +
            (all.some((r) => r.unavailable)
              ? ` Not run: ${all.filter((r) => r.unavailable).map((r) => `${r.name} (${r.unavailable})`).join("; ")}.`
              : ""),
        };
      },
    },
  ],
  charts(seedRuns, p) {
    const rows: Row[] = seedRuns.flatMap((r) =>
      deviations(r.data.runs as BackendRun[]).map((d) => ({
        ...d,
        agrees: d.dev <= p.relTolerance ? "agrees" : "differs",
        label: fmt(d.dev, 2),
      }))
    );
    return [{
      title: "Backend × claim: largest relative difference from the reference backend",
      caption: `Reference: the first backend that ran. Tolerance ${fmt(p.relTolerance)}.`,
      spec: {
        $schema: VEGA_LITE_SCHEMA,
        data: { values: rows },
        width: 320,
        height: { step: 34 },
        encoding: {
          x: { field: "claim", type: "nominal", title: "claim" },
          y: { field: "backend", type: "nominal", title: "backend" },
        },
        layer: [
          {
            mark: "rect",
            encoding: {
              color: {
                field: "agrees",
                type: "nominal",
                scale: { domain: ["agrees", "differs"], range: ["#8fd19e", "#f1948a"] },
                title: null,
              },
            },
          },
          { mark: { type: "text", fontSize: 11 }, encoding: { text: { field: "label", type: "nominal" } } },
        ],
      },
    }];
  },
  tables(seedRuns) {
    const runs = seedRuns[0].data.runs as BackendRun[];
    return [{
      title: "Backends",
      columns: ["backend", "device", "ran", "bit-identical repeat", "init run time (ms)"],
      rows: runs.map((
        r,
      ) => [
        r.name,
        r.device || "—",
        r.unavailable ? `no: ${r.unavailable}` : "yes",
        r.unavailable ? null : r.identical,
        r.unavailable ? null : r.ms,
      ]),
    }];
  },
});
