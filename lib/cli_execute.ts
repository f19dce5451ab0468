/**
 * Executing the selected experiments for `deno task report`: the result cache first (a hit is
 * reused and marked "cached"; a miss prints why it re-runs), then the misses in worker processes
 * (`--jobs`) or one after another, each result written as soon as it is known and stored in the cache.
 * @module
 */
import type { BackendInfo, Experiment } from "./experiment.ts";
import { resolveParams, UsageError } from "./params.ts";
import { type ExperimentResult, isFailure, runExperiment } from "./runner.ts";
import { terminalProgress } from "./progress.ts";
import { fileCache } from "./cache.ts";
import { readResults, writeResult } from "./report/write.ts";
import { duration } from "./report/format.ts";
import { runWorkers, startOrder } from "./parallel.ts";
import { tf } from "./backend.ts";
import { type KeyParts, keyParts } from "./result_cache/key.ts";
import { resultStore } from "./result_cache/store.ts";
import type { Options } from "./cli_options.ts";

/** Where the CLI writes its messages (replaceable in tests). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** What executing the experiments gave: results in registry order, worker errors, a usage error's presence. */
export interface Executed {
  results: ExperimentResult[];
  errors: { id: string; message: string }[];
  usage: boolean;
}

/** Prints one result's line (and its claims unless quiet). */
export function printResult(io: CliIo, result: ExperimentResult, quiet: boolean): void {
  const failed = result.claims.filter((c) => isFailure(c.status));
  const how = result.cached
    ? `cached from ${result.cached.date.slice(0, 16).replace("T", " ")}, commit ${result.cached.commit}`
    : duration(result.provenance.durationMs);
  io.out(
    `${result.id}: ${
      result.claims.length - failed.length
    }/${result.claims.length} claims hold (${how}, ${result.seeds.length} seeds)`,
  );
  if (quiet) return;
  for (const c of result.claims) {
    io.out(`  ${c.id.padEnd(4)} ${c.status.padEnd(15)} ${c.verdict?.summary ?? c.error ?? ""}`);
  }
}

/** The seeds a run of `exp` uses under the options. */
function seedsOf(exp: Experiment, opts: Options): number[] {
  const n = opts.seeds ?? exp.seeds[opts.profile];
  return Array.from({ length: n }, (_, i) => opts.firstSeed + i);
}

/** The cache key parts of each selected experiment. */
async function keysOf(opts: Options, backend: BackendInfo): Promise<Map<string, KeyParts>> {
  const keys = new Map<string, KeyParts>();
  for (const exp of opts.selected) {
    keys.set(
      exp.id,
      await keyParts({
        experiment: exp.id,
        profile: opts.profile,
        seeds: seedsOf(exp, opts),
        params: resolveParams(exp.id, exp.params, opts.profile, opts.overrides[exp.id]),
        backend,
        tfjs: tf.version.tfjs,
      }),
    );
  }
  return keys;
}

async function runParallel(
  opts: Options,
  todo: readonly Experiment[],
  backendName: string,
  jobs: number,
  io: CliIo,
  onResult: (r: ExperimentResult) => Promise<void>,
): Promise<Omit<Executed, "results">> {
  const earlier = await readResults(opts.out, todo.map((e) => e.id));
  const durations = new Map(earlier.map((r) => [r.id, r.provenance.durationMs]));
  const ids = todo.map((e) => e.id);
  const status = opts.quiet || !Deno.stderr.isTerminal() ? undefined : (running: readonly string[], done: number) => {
    const line = running.length ? `  [${done}/${ids.length} done] running: ${running.join(", ")}` : "";
    Deno.stderr.writeSync(new TextEncoder().encode(`\r\x1b[2K${line}`));
  };
  const errors: Executed["errors"] = [];
  let usage = false;
  const pending: Promise<void>[] = [];
  await runWorkers(
    { ids: startOrder(ids, durations), jobs, flags: [...opts.workerFlags, "--backend", backendName], out: opts.out },
    (o) => {
      if (status) Deno.stderr.writeSync(new TextEncoder().encode("\r\x1b[2K"));
      if ("result" in o) pending.push(onResult(o.result));
      else if (o.code === 2) usage = true, io.err(o.error.startsWith("error: ") ? o.error : `error: ${o.error}`);
      else errors.push({ id: o.id, message: o.error }), io.err(`${o.id}: error (worker exit ${o.code}): ${o.error}`);
    },
    status,
  );
  await Promise.all(pending);
  return { errors, usage };
}

/**
 * Runs the selected experiments (cache hits reused unless --fresh or in a worker), writing each
 * result and storing fresh ones in the cache. Throws a UsageError for bad input found while running.
 */
export async function execute(
  opts: Options,
  backend: BackendInfo,
  io: CliIo,
  o: { parallelJobs: number; commit: string },
): Promise<Executed> {
  const useCache = !opts.fresh && !opts.noPages;
  const store = resultStore(opts.cacheDir);
  const keys = useCache || !opts.noPages ? await keysOf(opts, backend) : new Map<string, KeyParts>();
  const byId = new Map<string, ExperimentResult>();
  const todo: Experiment[] = [];
  for (const exp of opts.selected) {
    const looked = useCache ? await store.lookup(keys.get(exp.id)!) : { reasons: ["--fresh"] };
    if ("hit" in looked) {
      byId.set(exp.id, looked.hit);
      await writeResult(opts.out, looked.hit);
      printResult(io, looked.hit, opts.quiet);
      continue;
    }
    if (looked.warning) io.err(`warning: ${looked.warning}`);
    if (useCache && !opts.quiet) io.err(`${exp.id}: running (${looked.reasons.join("; ")})`);
    todo.push(exp);
  }
  const done = async (r: ExperimentResult) => {
    byId.set(r.id, r);
    printResult(io, r, opts.quiet);
    if (!opts.noPages && keys.has(r.id)) await store.save(keys.get(r.id)!, r);
  };
  let rest: Omit<Executed, "results"> = { errors: [], usage: false };
  if (todo.length && o.parallelJobs > 1) {
    if (!opts.quiet) {
      io.err(`  ${o.parallelJobs} worker processes (--jobs ${o.parallelJobs}), one experiment each at a time`);
    }
    rest = await runParallel(opts, todo, backend.name, Math.min(o.parallelJobs, todo.length), io, done);
  } else {
    const cache = fileCache(".cache");
    for (const exp of todo) {
      const result = await runExperiment(exp, {
        profile: opts.profile,
        backend,
        overrides: opts.overrides[exp.id],
        seeds: opts.seeds,
        firstSeed: opts.firstSeed,
        progress: opts.quiet ? undefined : terminalProgress(),
        cache,
        commit: o.commit,
      });
      await writeResult(opts.out, result);
      await done(result);
    }
  }
  return { results: opts.selected.flatMap((e) => byId.get(e.id) ?? []), ...rest };
}

/** Throws the UsageError of a bad input, or returns what `fn` returned. */
export async function usageOr<T>(io: CliIo, fn: () => Promise<T>): Promise<T | 2> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UsageError) return io.err(`error: ${e.message}`), 2;
    throw e;
  }
}
