/**
 * Executing the selected experiments for `deno task report`: the result cache first (a hit is
 * reused and marked "cached"; a miss prints why it re-runs), then the misses in worker processes
 * (`--jobs`) or one after another, each result written as soon as it is known and stored in the cache.
 * @module
 */
import type { BackendInfo, Experiment } from "./experiment.ts";
import { resolveParams, UsageError } from "./params.ts";
import { type ExperimentResult, runExperiment } from "./runner.ts";
import { printResult } from "./result_line.ts";
import { terminalProgress } from "./progress.ts";
import { fileCache } from "./cache.ts";
import { readResults, writeResult } from "./report/write.ts";
import { runTasks, type WorkerTask } from "./parallel.ts";
import { tf } from "./backend.ts";
import { type KeyParts, keyParts } from "./result_cache/key.ts";
import { resultStore } from "./result_cache/store.ts";
import type { Options } from "./cli_options.ts";
import {
  blockName,
  type SeedBlock,
  seedBlocks,
  splitCount,
  type WeightedBlock,
  weightedBlocks,
} from "./seed_blocks.ts";
import { combineParts } from "./seed_parts.ts";

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

/** The number of seeds a whole run of `exp` uses under the options. */
export function seedCount(exp: Experiment, opts: Pick<Options, "seeds" | "profile">): number {
  return opts.seeds ?? exp.seeds[opts.profile];
}

/** The seed blocks this invocation runs of `exp`: a shard's blocks, else all its seeds in one. */
export function blocksOf(exp: Experiment, opts: Options): SeedBlock[] {
  return opts.blocks?.get(exp.id) ?? [{ first: opts.firstSeed, count: seedCount(exp, opts) }];
}

/**
 * Whether `result` is a shard's share of an experiment split by seeds: fewer seeds than the whole
 * run. Its claims are judged by the merge; the shard's exit code leaves them out.
 */
export function isShardPart(result: ExperimentResult, opts: Options): boolean {
  const exp = opts.selected.find((e) => e.id === result.id);
  return opts.shard !== undefined && exp !== undefined && result.seeds.length < seedCount(exp, opts);
}

/** The seeds this invocation runs of `exp`. */
function seedsOf(exp: Experiment, opts: Options): number[] {
  return blocksOf(exp, opts).flatMap((b) => Array.from({ length: b.count }, (_, i) => b.first + i));
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

/**
 * The worker tasks: each experiment's seeds (a shard's blocks of them, or all), whole, except a
 * block longer than half a worker's fair share of the run times, which is split further (its seeds
 * run in parallel and are put back together: the same result). `durations` are whole-experiment
 * times (all its seeds); a block weighs its share of them. Longest first; experiments without a time
 * last, and none split unless every one has a time.
 */
export function piecesOf(
  opts: Options,
  todo: readonly Experiment[],
  durations: ReadonlyMap<string, number>,
  jobs: number,
): WeightedBlock<Experiment>[] {
  const share = (exp: Experiment, seeds: number) => (durations.get(exp.id) ?? NaN) * seeds / seedCount(exp, opts);
  const loads = todo.map((e) => share(e, blocksOf(e, opts).reduce((n, b) => n + b.count, 0)));
  const fair = loads.every(Number.isFinite) ? loads.reduce((a, b) => a + b, 0) / jobs : NaN;
  return weightedBlocks(todo.map((exp) => ({
    item: exp,
    blocks: blocksOf(exp, opts).flatMap((b) =>
      seedBlocks(b.first, b.count, Number.isFinite(fair) ? splitCount(share(exp, b.count), fair, 2) : 1)
    ),
    seeds: seedCount(exp, opts),
    ms: durations.get(exp.id) ?? -1,
  })));
}

/**
 * Whole-experiment times for {@link piecesOf}: an earlier result in the report directory (scaled
 * from the seeds it ran to all), else the recorded time (the baseline's, or the profile's durations
 * file), which the shard plan used too.
 */
function durationsOf(opts: Options, todo: readonly Experiment[], earlier: readonly ExperimentResult[]) {
  const durations = new Map(opts.plannedDurations ?? []);
  for (const r of earlier) {
    const exp = todo.find((e) => e.id === r.id);
    if (exp && r.seeds.length) durations.set(r.id, r.provenance.durationMs * seedCount(exp, opts) / r.seeds.length);
  }
  return durations;
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
  const pieces = piecesOf(opts, todo, durationsOf(opts, todo, earlier), jobs);
  for (const exp of todo) {
    const mine = pieces.filter((p) => p.item === exp && p.split).map((p) => p.block).sort((a, b) => a.first - b.first);
    if (mine.length && !opts.quiet) io.err(`  ${exp.id}: seeds run in parallel (${mine.map(blockName).join(", ")})`);
  }
  const partsDir = (p: WeightedBlock<Experiment>) => `${opts.out}/.parts/${p.item.id}-${p.block.first}`;
  const tasks: WorkerTask[] = pieces.map((p) => ({
    id: p.item.id,
    key: p.split ? `${p.item.id} (${blockName(p.block)})` : p.item.id,
    flags: [
      ...opts.workerFlags,
      "--backend",
      backendName,
      "--seed",
      String(p.block.first),
      "--seeds",
      String(p.block.count),
    ],
    out: p.split ? partsDir(p) : opts.out,
  }));
  const status = opts.quiet || !Deno.stderr.isTerminal() ? undefined : (running: readonly string[], done: number) => {
    const line = running.length ? `  [${done}/${tasks.length} done] running: ${running.join(", ")}` : "";
    Deno.stderr.writeSync(new TextEncoder().encode(`\r\x1b[2K${line}`));
  };
  const errors: Executed["errors"] = [];
  let usage = false;
  const pending: Promise<void>[] = [];
  const parts = new Map<string, ExperimentResult[]>();
  const failed = new Set<string>();
  for (const d of new Set(pieces.filter((p) => p.split).map(partsDir))) await Deno.mkdir(d, { recursive: true });
  await runTasks(
    tasks,
    jobs,
    (o) => {
      if (status) Deno.stderr.writeSync(new TextEncoder().encode("\r\x1b[2K"));
      if (!("result" in o)) {
        failed.add(o.id);
        if (o.code === 2) {
          usage = true;
          io.err(o.error.startsWith("error: ") ? o.error : `error: ${o.error}`);
        } else {
          errors.push({ id: o.id, message: o.error });
          io.err(`${o.key ?? o.id}: error (worker exit ${o.code}): ${o.error}`);
        }
        return;
      }
      const mine = pieces.filter((p) => p.item.id === o.id);
      const got = [...(parts.get(o.id) ?? []), o.result];
      parts.set(o.id, got);
      if (got.length < mine.length || failed.has(o.id)) return;
      if (mine.length === 1) return void pending.push(onResult(o.result));
      pending.push((async () => {
        const whole = combineParts(mine[0].item, got);
        await writeResult(opts.out, whole);
        for (const p of mine) await Deno.remove(partsDir(p), { recursive: true }).catch(() => {});
        await onResult(whole);
      })());
    },
    status,
  );
  await Promise.all(pending);
  await Deno.remove(`${opts.out}/.parts`).catch(() => {}); // only when empty: a failed part's files stay
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
      printResult(io, looked.hit, opts.quiet, wholeSeedsOf(looked.hit, opts));
      continue;
    }
    if (looked.warning) io.err(`warning: ${looked.warning}`);
    if (useCache && !opts.quiet) io.err(`${exp.id}: running (${looked.reasons.join("; ")})`);
    todo.push(exp);
  }
  const done = async (r: ExperimentResult) => {
    byId.set(r.id, r);
    printResult(io, r, opts.quiet, wholeSeedsOf(r, opts));
    if (!opts.noPages && keys.has(r.id)) await store.save(keys.get(r.id)!, r);
  };
  let rest: Omit<Executed, "results"> = { errors: [], usage: false };
  if (todo.length && o.parallelJobs > 1) {
    if (!opts.quiet) {
      io.err(`  ${o.parallelJobs} worker processes (--jobs ${o.parallelJobs}), one experiment each at a time`);
    }
    rest = await runParallel(opts, todo, backend.name, o.parallelJobs, io, done);
  } else {
    const cache = fileCache(".cache");
    for (const exp of todo) {
      const parts: ExperimentResult[] = [];
      for (const block of blocksOf(exp, opts)) {
        parts.push(
          await runExperiment(exp, {
            profile: opts.profile,
            backend,
            overrides: opts.overrides[exp.id],
            seeds: block.count,
            firstSeed: block.first,
            progress: opts.quiet ? undefined : terminalProgress(),
            cache,
            commit: o.commit,
          }),
        );
      }
      const result = combineParts(exp, parts);
      await writeResult(opts.out, result);
      await done(result);
    }
  }
  return { results: opts.selected.flatMap((e) => byId.get(e.id) ?? []), ...rest };
}

/** The whole run's seed count when `r` is a shard's part of a split experiment (for its printed line). */
function wholeSeedsOf(r: ExperimentResult, opts: Options): number | undefined {
  const exp = opts.selected.find((e) => e.id === r.id);
  return exp && isShardPart(r, opts) ? seedCount(exp, opts) : undefined;
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
