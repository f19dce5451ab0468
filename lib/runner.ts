/**
 * Running experiments: one `run` per seed, timing, progress, a tensor-leak check, and the
 * verdict of every claim computed from the data of all seeds.
 * @module
 */
import type { BackendInfo, Cache, Experiment, SeedRun, Verdict } from "./experiment.ts";
import { type ParamValue, type Profile, resolveParams, UsageError } from "./params.ts";
import { createRng } from "./rng.ts";
import { type ProgressSink, silentProgress } from "./progress.ts";
import { tf } from "./backend.ts";
import { collectFiles } from "./data/read_log.ts";
import { codeHashOf } from "./result_cache/key.ts";

/**
 * How a claim came out. `expected-fail` is a declared known failure that failed; `inconclusive`: the
 * data cannot decide (too few seeds for the claim's test), never a pass.
 */
export type ClaimStatus = "pass" | "fail" | "expected-fail" | "unexpected-pass" | "inconclusive" | "error";

/** One claim's outcome, as stored in the result JSON. */
export interface ClaimResult {
  id: string;
  kind: string;
  statement: string;
  answer?: boolean | readonly boolean[];
  knownFailure?: string | Readonly<Record<string, string>>;
  /** Declared fragility across seed sets, with its measured rate. */
  fragile?: string;
  /** The falsifiers the claim declares (what its check is shown to reject in `deno task test`). */
  falsifiers?: { name: string; description: string }[];
  status: ClaimStatus;
  verdict?: Verdict;
  error?: string;
}

/** Where and when a result was made; the only part of a result that differs between equal runs. */
export interface Provenance {
  date: string;
  commit: string;
  deno: string;
  v8: string;
  typescript: string;
  tfjs: string;
  os: string;
  durationMs: number;
  seedMs: number[];
  /** The data files the runs read, with their SHA-256 (the result cache checks them). */
  dataFiles?: Record<string, string>;
}

/** Everything a run of one experiment produced: what `reports/<id>.json` holds. */
export interface ExperimentResult {
  id: string;
  title: string;
  profile: Profile;
  params: Record<string, ParamValue>;
  /** Parameter names the user overrode with --set. */
  overridden: string[];
  seeds: number[];
  backend: BackendInfo;
  runs: SeedRun<unknown>[];
  claims: ClaimResult[];
  /** Set when a run threw: the message (claims are then "error"). */
  error?: string;
  /** Set when this result was reused from the result cache: when it was stored, and its commit. */
  cached?: { date: string; commit: string };
  provenance: Provenance;
}

/** Options of {@link runExperiment}. */
export interface RunOptions {
  profile: Profile;
  backend: BackendInfo;
  /** Overrides as text, by parameter name (from `--set id.name=value`). */
  overrides?: Record<string, string>;
  /** Number of seeds (default: the experiment's, for the profile). */
  seeds?: number;
  /** The first seed; the others follow (default 1). */
  firstSeed?: number;
  progress?: ProgressSink;
  cache?: Cache;
  commit?: string;
  /** The hash of the experiment's code (default: computed from the import graph, lib/result_cache/key.ts). */
  code?: string;
}

/** An in-memory {@link Cache}, used when no directory is given. */
export function memoryCache(): Cache {
  const store = new Map<string, string>();
  return {
    get: (key) => Promise.resolve(store.has(key) ? JSON.parse(store.get(key)!) : undefined),
    set: (key, value) => Promise.resolve(void store.set(key, JSON.stringify(value))),
  };
}

type AnyClaim = Experiment["claims"][number];

/** What the result JSON records of a claim's declaration. */
function declared(claim: AnyClaim): Omit<ClaimResult, "status"> {
  return {
    id: claim.id,
    kind: claim.kind,
    statement: claim.statement,
    answer: claim.answer,
    knownFailure: claim.knownFailure,
    ...(claim.fragile ? { fragile: claim.fragile } : {}),
    ...(claim.falsifiers?.length
      ? { falsifiers: claim.falsifiers.map((f) => ({ name: f.name, description: f.description })) }
      : {}),
  };
}

/**
 * The status of a verdict. With per-part known failures, the undeclared parts must hold and every
 * declared part must fail ("expected-fail"); a declared part that holds is an "unexpected-pass".
 */
export function statusOf(verdict: Verdict, knownFailure: AnyClaim["knownFailure"]): ClaimStatus {
  if (verdict.inconclusive) return "inconclusive";
  if (knownFailure === undefined) return verdict.pass ? "pass" : "fail";
  if (typeof knownFailure === "string") return verdict.pass ? "unexpected-pass" : "expected-fail";
  const parts = verdict.parts ?? {};
  const missing = Object.keys(knownFailure).filter((k) => !(k in parts));
  if (missing.length) throw new Error(`the verdict has no part(s) ${missing.join(", ")} declared as known failures`);
  if (Object.entries(parts).some(([k, ok]) => !ok && !(k in knownFailure))) return "fail";
  return Object.keys(knownFailure).some((k) => parts[k]) ? "unexpected-pass" : "expected-fail";
}

/** Evaluates one claim's check, mapping known failures and thrown errors to a status. */
function judge(
  exp: Experiment,
  claim: AnyClaim,
  runs: SeedRun<unknown>[],
  params: Record<string, ParamValue>,
): ClaimResult {
  try {
    const verdict = claim.check(runs, params);
    return { ...declared(claim), status: statusOf(verdict, claim.knownFailure), verdict };
  } catch (e) {
    return {
      ...declared(claim),
      status: "error",
      error: `check of ${exp.id}/${claim.id} threw: ${e instanceof Error ? e.message : e}`,
    };
  }
}

/** Every claim of `exp` judged on `runs`; all "error" when the run failed with `error`. */
export function judgeClaims(
  exp: Experiment,
  runs: SeedRun<unknown>[],
  params: Record<string, ParamValue>,
  error?: string,
): ClaimResult[] {
  return error
    ? exp.claims.map((c): ClaimResult => ({ ...declared(c), status: "error", error }))
    : exp.claims.map((c) => judge(exp, c, runs, params));
}

/** Whether a claim status counts as a failure of the run (all but `pass` and `expected-fail`). */
export function isFailure(status: ClaimStatus): boolean {
  return status !== "pass" && status !== "expected-fail";
}

/**
 * Runs one experiment for every seed and judges its claims.
 * Never throws for a failing run: the error is recorded and every claim becomes "error". Bad input
 * (a `UsageError`, e.g. a missing data directory) is thrown: it is the user's to fix, not a result.
 * @example
 * ```ts
 * const backend = await initBackend("auto");
 * const result = await runExperiment(init, { profile: "ci", backend });
 * result.claims.map((c) => `${c.id} ${c.status}`);
 * ```
 */
export async function runExperiment(exp: Experiment, opts: RunOptions): Promise<ExperimentResult> {
  const params = resolveParams(exp.id, exp.params, opts.profile, opts.overrides);
  const count = opts.seeds ?? exp.seeds[opts.profile];
  const first = opts.firstSeed ?? 1;
  const seeds = Array.from({ length: count }, (_, i) => first + i);
  const progress = opts.progress ?? silentProgress;
  const cache = opts.cache ?? memoryCache();
  const code = opts.code ?? await codeHashOf(exp.id);
  const runs: SeedRun<unknown>[] = [];
  const seedMs: number[] = [];
  const dataFiles: Record<string, string> = {};
  let error: string | undefined;
  const t0 = performance.now();
  progress.start(exp.id, seeds.length);
  try {
    for (const [i, seed] of seeds.entries()) {
      const before = tf.memory().numTensors;
      const s0 = performance.now();
      const { value: data, files } = await collectFiles(() =>
        exp.run({
          tf,
          params,
          profile: opts.profile,
          seed,
          rng: createRng(seed),
          backend: opts.backend,
          progress: (done, total, label) => progress.update(i, total > 0 ? done / total : 0, label),
          cache,
          code,
        })
      );
      for (const [path, hash] of files) dataFiles[path] = hash;
      seedMs.push(Math.round(performance.now() - s0));
      const leaked = tf.memory().numTensors - before;
      if (leaked !== 0) throw new Error(`run leaked ${leaked} tensor(s) at seed ${seed}; dispose them or use tf.tidy`);
      runs.push({ seed, data: JSON.parse(JSON.stringify(data)) });
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    error = `Experiment "${exp.id}" failed: ${e instanceof Error ? e.message : e}`;
  } finally {
    progress.done();
  }
  const claims = judgeClaims(exp, runs, params, error);
  return {
    id: exp.id,
    title: exp.title,
    profile: opts.profile,
    params,
    overridden: Object.keys(opts.overrides ?? {}),
    seeds,
    backend: opts.backend,
    runs,
    claims,
    ...(error ? { error } : {}),
    provenance: {
      date: new Date().toISOString(),
      commit: opts.commit ?? "unknown",
      deno: Deno.version.deno,
      v8: Deno.version.v8,
      typescript: Deno.version.typescript,
      tfjs: tf.version.tfjs,
      os: `${Deno.build.os}-${Deno.build.arch}`,
      durationMs: Math.round(performance.now() - t0),
      seedMs,
      ...(Object.keys(dataFiles).length ? { dataFiles: Object.fromEntries(Object.entries(dataFiles).sort()) } : {}),
    },
  };
}
