/**
 * `deno task bench`: times the lecture's 2-layer-net train step, a small CNN train step and a
 * 1024² matrix product on each backend (each in its own process), runs numpy's reference
 * (../shared/bench/reference_numpy.py) in the same invocation, prints a table with the ratios to
 * numpy and writes it to reports/bench.json.
 *
 * Options: `--backends cpu-blas,wasm,wasm-stock,cpu` (add `webgpu` for the GPU path),
 * `--threads N` (OPENBLAS_NUM_THREADS for numpy and cpu-blas, default 1: this machine's cores are
 * shared), `--budget SECONDS` per workload and backend (default 8), `--rounds N` (default 1: on a
 * busy machine, measure everything N times and keep each one's best median and best paired ratio).
 * Each backend's steps are timed in short windows alternating with numpy's (paired.ts): the ratios
 * in the table come from those pairs; numpy's own row is reference_numpy.py run alone.
 * @module
 */
import { parseArgs } from "../std.ts";
import type { BackendTimes } from "./measure.ts";
import { benchTable, type NumpyTimes } from "./table.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const NUMPY_CANDIDATES = ["../shared/bench/reference_numpy.py", "../../shared/bench/reference_numpy.py"];

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

async function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ ok: boolean; out: string }> {
  try {
    const r = await new Deno.Command(cmd, { args, env, cwd: ROOT, stdout: "piped", stderr: "piped" }).output();
    const out = new TextDecoder().decode(r.stdout);
    return { ok: r.success, out: r.success ? out : out + new TextDecoder().decode(r.stderr) };
  } catch (e) {
    return { ok: false, out: String(e) };
  }
}

function lastJson<T>(text: string): T | undefined {
  const line = text.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  return line ? JSON.parse(line) as T : undefined;
}

async function referencePath(): Promise<string | undefined> {
  for (const rel of NUMPY_CANDIDATES) if (await exists(`${ROOT}${rel}`)) return `${ROOT}${rel}`;
}

async function numpyTimes(env: Record<string, string>): Promise<NumpyTimes | string> {
  const path = await referencePath();
  if (!path) return `numpy reference not found (looked for ${NUMPY_CANDIDATES.join(", ")} from the repository root)`;
  const r = await run("python3", [path], env);
  const parsed = r.ok ? lastJson<NumpyTimes>(r.out) : undefined;
  return parsed ?? `numpy reference failed: ${r.out.split("\n").slice(-3).join(" ")}`;
}

async function backendTimes(backend: string, budget: number, env: Record<string, string>): Promise<BackendTimes> {
  const reference = await referencePath();
  const r = await run(Deno.execPath(), [
    "run",
    "--allow-read",
    "--allow-env",
    "--allow-ffi",
    "--allow-run=python3",
    "lib/bench/measure.ts",
    backend,
    String(budget * 1000),
    ...(reference ? [reference] : []),
  ], env);
  return lastJson<BackendTimes>(r.out) ?? { backend, errors: { start: r.out.split("\n").slice(-4).join(" ") } };
}

function min(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function max(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

function bestNumpy(a: NumpyTimes, b: NumpyTimes): NumpyTimes {
  return {
    threads: a.threads,
    mlp_ms_median: Math.min(a.mlp_ms_median, b.mlp_ms_median),
    cnn_ms_median: Math.min(a.cnn_ms_median, b.cnn_ms_median),
    matmul1024_gflops: Math.max(a.matmul1024_gflops, b.matmul1024_gflops),
  };
}

type Key = "mlp_ms" | "cnn_ms" | "matmul1024_gflops";

/** Each workload from the better of two rounds: the lower paired ratio where either ran paired, else the faster. */
function bestTimes(a: BackendTimes, b: BackendTimes): BackendTimes {
  const best: BackendTimes = { ...a, paired: {} };
  for (const key of ["mlp_ms", "cnn_ms", "matmul1024_gflops"] as Key[]) {
    const [x, y] = [a.paired?.[key], b.paired?.[key]];
    if (x || y) {
      const round = !y || (x && x.ratio <= y.ratio) ? a : b;
      best[key] = round[key];
      best.paired![key] = round.paired![key];
    } else {
      best[key] = key === "matmul1024_gflops" ? max(a[key], b[key]) : min(a[key], b[key]);
    }
  }
  if (Object.keys(best.paired!).length === 0) delete best.paired;
  return best;
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      backends: { type: "string", default: "cpu-blas,wasm,wasm-stock,cpu" },
      threads: { type: "string", default: "1" },
      budget: { type: "string", default: "8" },
      rounds: { type: "string", default: "1" },
    },
  });
  const env = { OPENBLAS_NUM_THREADS: values.threads!, OMP_NUM_THREADS: values.threads! };
  const budget = Number(values.budget);
  console.log(`claimbook bench: OPENBLAS_NUM_THREADS=${values.threads}, ${navigator.hardwareConcurrency} cores`);
  const backends = values.backends!.split(",").map((s) => s.trim()).filter((s) => s);
  const rounds = Math.max(1, Number(values.rounds));
  let numpy: NumpyTimes | string = "not run";
  let rows: BackendTimes[] = [];
  for (let round = 1; round <= rounds; round++) {
    // every round measures numpy and each backend again; the table keeps each one's best round
    const n = await numpyTimes(env);
    if (typeof n === "string") console.log(n);
    else console.log(`numpy: MLP ${n.mlp_ms_median.toFixed(2)} ms, CNN ${n.cnn_ms_median.toFixed(1)} ms`);
    numpy = typeof numpy === "string" || typeof n === "string" ? n : bestNumpy(numpy, n);
    const measured: BackendTimes[] = [];
    for (const backend of backends) {
      const r = await backendTimes(backend, budget, env);
      console.log(`round ${round}, ${backend}: ${JSON.stringify(r)}`);
      measured.push(r);
    }
    rows = round === 1 ? measured : rows.map((r, i) => bestTimes(r, measured[i]));
  }
  const table = benchTable(rows, typeof numpy === "string" ? undefined : numpy);
  console.log(`\n${table}\n`);
  const report = {
    date: new Date().toISOString(),
    threads: values.threads,
    rounds,
    cores: navigator.hardwareConcurrency,
    numpy: typeof numpy === "string" ? { error: numpy } : numpy,
    backends: rows,
    table,
  };
  await Deno.mkdir(`${ROOT}reports`, { recursive: true });
  await Deno.writeTextFile(`${ROOT}reports/bench.json`, JSON.stringify(report, null, 2) + "\n");
  console.log("wrote reports/bench.json");
}
