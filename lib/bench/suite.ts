/**
 * `deno task bench-suite`: the wall time of every experiment family's `ci` run, per backend, each
 * backend in its own process (`wasm-stock` is tfjs-wasm without claimbook's overrides). Prints a
 * family × backend table with the totals over the families every backend could run and their
 * ratio to the first backend, and writes reports/bench-suite.json. A benchmark, not a test.
 *
 * Options: `--backends cpu-blas,wasm-stock` (the first is the reference), `--families a,b` (default:
 * all but `backends`, which switches backends itself).
 * @module
 */
import { parseArgs } from "../std.ts";
import { start } from "./measure.ts";
import { runExperiment } from "../runner.ts";
import { currentBackend } from "../backend.ts";
import type { BackendInfo } from "../experiment.ts";
import { experiments } from "../../experiments/mod.ts";

/** One family's outcome on one backend. */
export interface FamilyTime {
  id: string;
  seconds: number;
  /** Claim statuses, or the error that stopped the family. */
  outcome: string;
  ok: boolean;
}

/** One backend's times (what a worker process prints as its last line). */
export interface SuiteTimes {
  backend: string;
  device?: string;
  families: FamilyTime[];
  error?: string;
}

const ROOT = new URL("../..", import.meta.url).pathname;

async function worker(backend: string, families: string[]): Promise<SuiteTimes> {
  const out: SuiteTimes = { backend, families: [] };
  try {
    out.device = await start(backend);
  } catch (e) {
    return { ...out, error: String(e instanceof Error ? e.message : e).split("\n")[0] };
  }
  // `wasm-stock` starts tfjs-wasm directly, outside initBackend
  const info: BackendInfo = currentBackend() ??
    { name: backend, tfjsBackend: "wasm", device: out.device, softwareFallback: false, refused: [] };
  for (const exp of experiments.filter((e) => families.includes(e.id))) {
    const t0 = performance.now();
    const r = await runExperiment(exp, { profile: "ci", backend: info });
    const seconds = (performance.now() - t0) / 1000;
    const outcome = r.error
      ? `error: ${r.error.split("\n")[0].slice(0, 120)}`
      : r.claims.map((c) => c.status).join(",");
    out.families.push({ id: exp.id, seconds, outcome, ok: !r.error });
    console.error(`${backend} ${exp.id}: ${seconds.toFixed(1)} s ${outcome}`);
  }
  return out;
}

/** The table: seconds per family and backend, totals over the families all backends ran, ratios. */
export function suiteTable(rows: SuiteTimes[]): string {
  const ids = [...new Set(rows.flatMap((r) => r.families.map((f) => f.id)))];
  const common = ids.filter((id) => rows.every((r) => r.families.some((f) => f.id === id && f.ok)));
  const cell = (r: SuiteTimes, id: string) => {
    const f = r.families.find((x) => x.id === id);
    return !f ? "–" : f.ok ? f.seconds.toFixed(1) : "cannot run";
  };
  const total = (r: SuiteTimes) => r.families.filter((f) => common.includes(f.id)).reduce((a, f) => a + f.seconds, 0);
  const ref = rows.length > 0 ? total(rows[0]) : 0;
  const lines = [
    `| family | ${rows.map((r) => `${r.backend} s`).join(" | ")} |`,
    `| --- | ${rows.map(() => "---").join(" | ")} |`,
    ...ids.map((id) => `| ${id} | ${rows.map((r) => cell(r, id)).join(" | ")} |`),
    `| total (${common.length} families every backend ran) | ${
      rows.map((r) => `${total(r).toFixed(1)}${ref > 0 ? ` (${(total(r) / ref).toFixed(1)}×)` : ""}`).join(" | ")
    } |`,
  ];
  return lines.join("\n");
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      backends: { type: "string", default: "cpu-blas,wasm-stock" },
      families: { type: "string", default: experiments.map((e) => e.id).filter((id) => id !== "backends").join(",") },
      worker: { type: "string" },
    },
  });
  const families = values.families!.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = families.filter((id) => !experiments.some((e) => e.id === id));
  if (unknown.length > 0) {
    console.error(`Unknown family ${unknown.join(", ")}; known: ${experiments.map((e) => e.id).join(", ")}`);
    Deno.exit(2);
  }
  if (values.worker) {
    console.log(JSON.stringify(await worker(values.worker, families)));
    Deno.exit(0);
  }
  const rows: SuiteTimes[] = [];
  for (const backend of values.backends!.split(",").map((s) => s.trim()).filter(Boolean)) {
    const args = ["run", "--allow-read", "--allow-env", "--allow-ffi", "--allow-write=.cache", "lib/bench/suite.ts"];
    const r = await new Deno.Command(Deno.execPath(), {
      args: [...args, "--worker", backend, "--families", families.join(",")],
      cwd: ROOT,
      stdout: "piped",
      stderr: "inherit",
    }).output();
    const line = new TextDecoder().decode(r.stdout).trim().split("\n").reverse().find((l) => l.startsWith("{"));
    rows.push(line ? JSON.parse(line) : { backend, families: [], error: `worker exited with ${r.code}` });
  }
  const table = suiteTable(rows);
  console.log(`\n${table}\n`);
  for (const r of rows.filter((r) => r.error)) console.log(`${r.backend}: ${r.error}`);
  await Deno.mkdir(`${ROOT}reports`, { recursive: true });
  const report = { date: new Date().toISOString(), cores: navigator.hardwareConcurrency, backends: rows, table };
  await Deno.writeTextFile(`${ROOT}reports/bench-suite.json`, JSON.stringify(report, null, 2) + "\n");
  console.log("wrote reports/bench-suite.json");
}
