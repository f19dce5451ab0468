/**
 * The command line: `deno task report [options] [experiment ...]`.
 * Exit codes: 0 every claim holds (or fails as declared), 1 a claim failed, 2 a usage error
 * (nothing is written then).
 * @module
 */
import { parseArgs } from "./std.ts";
import type { Experiment } from "./experiment.ts";
import { describeParam, parseSetFlags, type Profile, PROFILES, resolveParams, UsageError } from "./params.ts";
import { assertBackendName, BACKEND_CHOICES, BackendUnavailable, initBackend } from "./backend.ts";
import { type ExperimentResult, isFailure, runExperiment } from "./runner.ts";
import { terminalProgress } from "./progress.ts";
import { fileCache } from "./cache.ts";
import { readResults, writePages, writeResult } from "./report/write.ts";
import { type LectureSource, readLecture } from "./report/lecture_source.ts";
import { compareRun, loadRunBaseline, reportBaseline } from "./baseline/hook.ts";
import type { Baseline } from "./baseline/types.ts";
import { duration } from "./report/format.ts";
import { unknownName } from "./suggest.ts";
import { runWorkers, startOrder } from "./parallel.ts";
import { experiments as registry } from "../experiments/mod.ts";

/** Where the CLI writes its messages (replaceable in tests). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

const HELP = `claimbook: run the lecture's claims as experiments and build the HTML report.

Usage: deno task report [options] [experiment ...]     (all experiments when none is named)

Options:
  --profile ci|full     ci: fast, for every commit (default); full: the lecture's sizes
  --backend NAME        ${BACKEND_CHOICES.join(" | ")} (default auto, or $CLAIMBOOK_BACKEND)
  --set ID.NAME=VALUE   override a parameter, e.g. --set init.width=1024 (repeatable)
  --seeds N             number of seeds per experiment (default: the experiment's, per profile)
  --seed N              first seed (default 1); seeds are N, N+1, …
  --out DIR             report directory (default reports)
  --lecture PATH        the lecture's text file, for lecture.html (default ../shared/lecture/04-cnn-training.txt
                        when present); a cited slide it lacks is a broken citation and fails the run (exit 1)
  --baseline FILE|none  compare with this baseline (default reports/baseline/<profile>.json when it exists);
                        a regression (a claim that held fails) fails the run, drift is a warning
  --strict              drift from the baseline (a number outside its band) fails the run too
  --jobs N              experiments run in N worker processes at once (default: the number of cores)
  --list                list experiments, their claims and parameters, then exit
  --quiet               no progress or per-claim lines
  --help                this text

Exit codes: 0 all claims hold, 1 some claim failed, 2 bad usage (nothing written).`;

async function gitCommit(): Promise<string> {
  try {
    const head = (await Deno.readTextFile(".git/HEAD")).trim();
    if (!head.startsWith("ref: ")) return head.slice(0, 12);
    const ref = head.slice(5);
    try {
      return (await Deno.readTextFile(`.git/${ref}`)).trim().slice(0, 12);
    } catch {
      const packed = await Deno.readTextFile(".git/packed-refs");
      return packed.split("\n").find((l) => l.endsWith(` ${ref}`))?.slice(0, 12) ?? "unknown";
    }
  } catch {
    return "unknown";
  }
}

function positiveInt(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be an integer ≥ ${min}, got "${text}"`);
  return n;
}

function listing(exps: readonly Experiment[]): string {
  return exps.map((e) => {
    const claims = e.claims.map((c) => `    ${c.id.padEnd(4)} ${c.kind.padEnd(11)} ${c.statement}`);
    const params = Object.entries(e.params).map(([k, s]) => `    --set ${e.id}.${describeParam(k, s)}`);
    return `${e.id}: ${e.title} (seeds: ${e.seeds.ci} ci, ${e.seeds.full} full)\n  claims:\n${
      claims.join("\n")
    }\n  parameters:\n${params.join("\n")}`;
  }).join("\n\n");
}

/** The parsed command line. */
interface Options {
  selected: Experiment[];
  profile: Profile;
  backend: string;
  overrides: Record<string, Record<string, string>>;
  seeds?: number;
  firstSeed: number;
  out: string;
  quiet: boolean;
  /** Worker processes; undefined: the number of cores. */
  jobs?: number;
  /** Write the JSON only (a --jobs worker: the parent writes the pages). */
  noPages: boolean;
  /** The flags a worker repeats: --profile, --set, --seeds, --seed. */
  workerFlags: string[];
  /** The lecture's text file given with --lecture (undefined: the default, if present). */
  lecture?: string;
  /** --baseline: a baseline file, or "none" (undefined: the profile's, when it exists). */
  baseline?: string;
  /** --strict: drift from the baseline fails the run. */
  strict: boolean;
}

function parseOptions(args: string[], exps: readonly Experiment[]): Options | "help" | "list" {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        profile: { type: "string", default: "ci" },
        backend: { type: "string", default: Deno.env.get("CLAIMBOOK_BACKEND") || "auto" },
        set: { type: "string", multiple: true, default: [] },
        seeds: { type: "string" },
        seed: { type: "string" },
        out: { type: "string", default: "reports" },
        list: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        jobs: { type: "string" },
        lecture: { type: "string" },
        baseline: { type: "string" },
        strict: { type: "boolean", default: false },
        "no-pages": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split("\n")[0]}. Run with --help for the options`);
  }
  const v = parsed.values;
  if (v.help) return "help";
  if (v.list) return "list";
  const ids = exps.map((e) => e.id);
  const selected = parsed.positionals.length ? parsed.positionals : ids;
  for (const id of selected) if (!ids.includes(id)) throw new UsageError(unknownName("Unknown experiment", id, ids));
  if (!PROFILES.includes(v.profile as Profile)) {
    throw new UsageError(unknownName("Unknown profile", v.profile!, PROFILES));
  }
  assertBackendName(v.backend!);
  const overrides = parseSetFlags(v.set!, ids);
  for (const id of Object.keys(overrides)) {
    if (!selected.includes(id)) {
      throw new UsageError(
        `--set names experiment "${id}", which this run does not select (selected: ${selected.join(", ")})`,
      );
    }
  }
  const chosen = exps.filter((e) => selected.includes(e.id));
  for (const e of chosen) resolveParams(e.id, e.params, v.profile as Profile, overrides[e.id]); // validate before running
  return {
    selected: chosen,
    profile: v.profile as Profile,
    backend: v.backend!,
    overrides,
    seeds: positiveInt("--seeds", v.seeds, 1),
    firstSeed: positiveInt("--seed", v.seed, 0) ?? 1,
    out: v.out!,
    quiet: v.quiet!,
    jobs: positiveInt("--jobs", v.jobs, 1),
    noPages: v["no-pages"]!,
    lecture: v.lecture,
    baseline: v.baseline,
    strict: v.strict!,
    workerFlags: [
      ...["--profile", v.profile!],
      ...v.set!.flatMap((f) => ["--set", f]),
      ...(v.seeds !== undefined ? ["--seeds", v.seeds] : []),
      ...(v.seed !== undefined ? ["--seed", v.seed] : []),
    ],
  };
}

function printResult(io: CliIo, result: ExperimentResult, quiet: boolean): void {
  const failed = result.claims.filter((c) => isFailure(c.status));
  io.out(
    `${result.id}: ${result.claims.length - failed.length}/${result.claims.length} claims hold (${
      duration(result.provenance.durationMs)
    }, ${result.seeds.length} seeds)`,
  );
  if (quiet) return;
  for (const c of result.claims) {
    io.out(`  ${c.id.padEnd(4)} ${c.status.padEnd(15)} ${c.verdict?.summary ?? c.error ?? ""}`);
  }
}

/** Runs the selected experiments in `jobs` worker processes; returns their results (registry order) and errors. */
async function runParallel(
  opts: Options,
  backendName: string,
  jobs: number,
  io: CliIo,
): Promise<{ results: ExperimentResult[]; errors: number; usage: boolean }> {
  const earlier = await readResults(opts.out, opts.selected.map((e) => e.id));
  const durations = new Map(earlier.map((r) => [r.id, r.provenance.durationMs]));
  const ids = opts.selected.map((e) => e.id);
  const status = opts.quiet || !Deno.stderr.isTerminal() ? undefined : (running: readonly string[], done: number) => {
    const line = running.length ? `  [${done}/${ids.length} done] running: ${running.join(", ")}` : "";
    Deno.stderr.writeSync(new TextEncoder().encode(`\r\x1b[2K${line}`));
  };
  let errors = 0;
  let usage = false;
  const outcomes = await runWorkers(
    {
      ids: startOrder(ids, durations),
      jobs,
      flags: [...opts.workerFlags, "--backend", backendName],
      out: opts.out,
    },
    (o) => {
      if (status) Deno.stderr.writeSync(new TextEncoder().encode("\r\x1b[2K"));
      if ("result" in o) printResult(io, o.result, opts.quiet);
      else if (o.code === 2) usage = true, io.err(o.error.startsWith("error: ") ? o.error : `error: ${o.error}`);
      else errors++, io.err(`${o.id}: error (worker exit ${o.code}): ${o.error}`);
    },
    status,
  );
  const byId = new Map(outcomes.flatMap((o) => "result" in o ? [[o.id, o.result] as const] : []));
  return { results: ids.flatMap((id) => byId.get(id) ?? []), errors, usage };
}

async function mayRunWorkers(): Promise<boolean> {
  return (await Deno.permissions.query({ name: "run", command: "deno" })).state === "granted";
}

async function checkWritable(dir: string): Promise<void> {
  const state = await Deno.permissions.query({ name: "write", path: dir });
  if (state.state !== "granted") {
    throw new UsageError(
      `No permission to write "${dir}": the report task may write only reports/ and .cache/. ` +
        `For another directory run: deno run --allow-read --allow-env=CLAIMBOOK_BACKEND --allow-ffi --allow-write=${dir},.cache lib/cli.ts --out ${dir}`,
    );
  }
}

/**
 * Runs the CLI with `args`; returns the exit code.
 * @example
 * ```ts
 * const code = await main(["init", "--set", "init.width=1024", "--out", "/tmp/r"]);
 * ```
 */
export async function main(
  args: string[],
  io: CliIo = consoleIo,
  exps: readonly Experiment[] = registry,
): Promise<number> {
  let opts;
  let lecture: LectureSource | undefined;
  let baseline: Baseline | undefined;
  try {
    opts = parseOptions(args, exps);
    if (opts === "help") return io.out(HELP), 0;
    if (opts === "list") return io.out(listing(exps)), 0;
    await checkWritable(opts.out);
    lecture = await readLecture(opts.lecture);
    baseline = opts.noPages ? undefined : await loadRunBaseline(opts.profile, opts.baseline);
  } catch (e) {
    if (e instanceof UsageError) return io.err(`error: ${e.message}`), 2;
    throw e;
  }
  let backend;
  try {
    backend = await initBackend(opts.backend as Parameters<typeof initBackend>[0]);
  } catch (e) {
    if (e instanceof BackendUnavailable) return io.err(`error: ${e.message}`), 2;
    throw e;
  }
  if (!opts.quiet) {
    io.err(`claimbook: profile ${opts.profile}, backend ${backend.name} (${backend.device})`);
    for (const r of backend.refused) io.err(`  skipped ${r.name}: ${r.reason}`);
  }
  if (backend.name === "wasm" && backend.refused.some((r) => r.name === "cpu-blas")) {
    io.err(
      "note: running on wasm because no BLAS library was found. `apt-get install libopenblas0-pthread` (Debian/Ubuntu) " +
        "enables cpu-blas: measured 7–8× faster on the families that train (ci suite 8 min on wasm, about 1 min 10 s on cpu-blas)",
    );
  }
  const cores = navigator.hardwareConcurrency || 1;
  const wanted = exps === registry ? Math.min(opts.jobs ?? cores, opts.selected.length) : 1;
  const parallel = wanted > 1 && await mayRunWorkers();
  if (wanted > 1 && !parallel && opts.jobs !== undefined) {
    io.err(`note: --jobs ${opts.jobs} needs --allow-run=deno (deno task report has it); running one at a time`);
  }
  try {
    for (const exp of opts.selected) {
      await exp.inputs?.(resolveParams(exp.id, exp.params, opts.profile, opts.overrides[exp.id]));
    }
  } catch (e) {
    if (e instanceof UsageError) return io.err(`error: ${e.message}`), 2;
    throw e;
  }
  const fewer = opts.seeds !== undefined ? opts.selected.filter((e) => opts.seeds! < e.seeds.ci).map((e) => e.id) : [];
  if (fewer.length) {
    io.err(
      `note: --seeds ${opts.seeds} is fewer than the ci profile of ${fewer.join(", ")}: ` +
        `claims judged by a test over seeds will be "inconclusive" where the test needs more seeds`,
    );
  }
  let results: ExperimentResult[] = [];
  let errors = 0;
  if (parallel) {
    if (!opts.quiet) io.err(`  ${wanted} worker processes (--jobs ${wanted}), one experiment each at a time`);
    let usage;
    ({ results, errors, usage } = await runParallel(opts, backend.name, wanted, io));
    if (usage) return 2;
  } else {
    const commit = await gitCommit();
    const cache = fileCache(".cache");
    for (const exp of opts.selected) {
      let result;
      try {
        result = await runExperiment(exp, {
          profile: opts.profile,
          backend,
          overrides: opts.overrides[exp.id],
          seeds: opts.seeds,
          firstSeed: opts.firstSeed,
          progress: opts.quiet ? undefined : terminalProgress(),
          cache,
          commit,
        });
      } catch (e) {
        if (e instanceof UsageError) return io.err(`error: ${e.message}`), 2;
        throw e;
      }
      results.push(result);
      await writeResult(opts.out, result);
      printResult(io, result, opts.quiet);
    }
  }
  if (opts.noPages) return results.some((r) => r.claims.some((c) => isFailure(c.status))) ? 1 : 0;
  const others = await readResults(opts.out, exps.map((e) => e.id).filter((id) => !results.some((r) => r.id === id)));
  const comparison = baseline && compareRun(baseline, [...results, ...others], opts.out);
  const broken = await writePages(opts.out, exps, results, [...results, ...others], lecture, comparison);
  io.out(`Report: ${opts.out}/index.html`);
  const changed = comparison && reportBaseline(io, comparison, results.map((r) => r.id), opts.strict, opts.quiet);
  for (const b of broken) io.err(`error: ${b} (see ${opts.out}/lecture.html)`);
  if (broken.length) return 1;
  return errors > 0 || changed || results.some((r) => r.claims.some((c) => isFailure(c.status))) ? 1 : 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
