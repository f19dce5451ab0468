/**
 * The command line: `deno task report [options] [experiment ...]`.
 * Exit codes: 0 every claim holds (or fails as declared), 1 a claim failed, 2 a usage error
 * (nothing is written then).
 * @module
 */
import { gitCommit } from "./git_commit.ts";
import type { Experiment } from "./experiment.ts";
import { resolveParams, UsageError } from "./params.ts";
import { BackendUnavailable, initBackend } from "./backend.ts";
import { isFailure } from "./runner.ts";
import { readResults, writePages } from "./report/write.ts";
import { type LectureSource, readLecture } from "./report/lecture_source.ts";
import { compareRun, loadRunBaseline, reportBaseline } from "./baseline/hook.ts";
import { HELP, listing, parseOptions } from "./cli_options.ts";
import { blocksOf, type CliIo, execute, isShardPart, seedCount, usageOr } from "./cli_execute.ts";
import { durationsPath, readDurations, shardPlan } from "./shard.ts";
import { blockName } from "./seed_blocks.ts";
import { runStates } from "./run_states.ts";
import { experiments as registry } from "../experiments/mod.ts";

export type { CliIo } from "./cli_execute.ts";

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

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
  const prepared = await usageOr(io, async () => {
    const opts = parseOptions(args, exps);
    if (opts === "help" || opts === "list") return opts;
    await checkWritable(opts.out);
    const lecture: LectureSource | undefined = await readLecture(opts.lecture);
    const baseline = opts.noPages ? undefined : await loadRunBaseline(opts.profile, opts.baseline);
    const wanted = opts.selected.map((e) => e.id);
    // the recorded times plan shards and, in a report directory without results, --jobs's workers
    const durations = baseline
      ? new Map(Object.entries(baseline.experiments).map(([id, b]) => [id, b.durationMs]))
      : await readDurations(durationsPath(opts.profile));
    opts.plannedDurations = durations;
    if (opts.shard) {
      const inputs = opts.selected.map((e) => ({ id: e.id, first: opts.firstSeed, seeds: seedCount(e, opts) }));
      const mine = shardPlan(inputs, opts.shard.count, durations)[opts.shard.index - 1];
      opts.selected = opts.selected.filter((e) => mine.some((u) => u.id === e.id));
      opts.blocks = new Map(mine.map((u) => [u.id, u.blocks]));
    }
    return { opts, lecture, baseline, wanted };
  });
  if (prepared === 2) return 2;
  if (prepared === "help") return io.out(HELP), 0;
  if (prepared === "list") return io.out(listing(exps)), 0;
  const { opts, lecture, baseline, wanted } = prepared;
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
    if (opts.shard) {
      io.err(
        `  shard ${opts.shard.index}/${opts.shard.count}: ${
          opts.selected.map((e) => {
            const blocks = blocksOf(e, opts);
            return blocks.length > 1 || blocks[0].count < seedCount(e, opts)
              ? `${e.id} (${blocks.map(blockName).join(", ")})`
              : e.id;
          }).join(", ") || "nothing"
        }`,
      );
    }
  }
  if (backend.name === "wasm" && backend.refused.some((r) => r.name === "cpu-blas")) {
    io.err(
      "note: running on wasm because no BLAS library was found. `apt-get install libopenblas0-pthread` (Debian/Ubuntu) " +
        "enables cpu-blas: measured 1.2–1.3× faster on the whole ci suite with --jobs 2 on 2 cores (1 min 46 s against " +
        "2 min 07 s; 1 min 35 s against 2 min 07 s on another machine) and about 2× on the families that train the " +
        "3072-wide net (babysitting, search)",
    );
  }
  const cores = navigator.hardwareConcurrency || 1;
  // as many workers as there could be pieces: a long experiment's seeds may run in parallel
  const seeds = opts.selected.reduce((n, e) => n + seedCount(e, opts), 0);
  const jobs = exps === registry ? Math.min(opts.jobs ?? cores, seeds) : 1;
  const parallel = jobs > 1 && await mayRunWorkers();
  if (jobs > 1 && !parallel && opts.jobs !== undefined) {
    io.err(`note: --jobs ${opts.jobs} needs --allow-run=deno (deno task report has it); running one at a time`);
  }
  const inputs = await usageOr(io, async () => {
    for (const exp of opts.selected) {
      await exp.inputs?.(resolveParams(exp.id, exp.params, opts.profile, opts.overrides[exp.id]));
    }
  });
  if (inputs === 2) return 2;
  const fewer = opts.seeds !== undefined ? opts.selected.filter((e) => opts.seeds! < e.seeds.ci).map((e) => e.id) : [];
  if (fewer.length) {
    io.err(
      `note: --seeds ${opts.seeds} is fewer than the ci profile of ${fewer.join(", ")}: ` +
        `claims judged by a test over seeds will be "inconclusive" where the test needs more seeds`,
    );
  }
  const ran = await usageOr(
    io,
    async () => execute(opts, backend, io, { parallelJobs: parallel ? jobs : 1, commit: await gitCommit() }),
  );
  if (ran === 2 || ran.usage) return 2;
  const { results } = ran;
  // a shard's part of a split experiment is judged on all its seeds by the merge, not here
  const judged = results.filter((r) => !isShardPart(r, opts));
  const failed = ran.errors.length > 0 || judged.some((r) => r.claims.some((c) => isFailure(c.status)));
  if (opts.noPages || opts.shard) return failed ? 1 : 0;
  const others = await readResults(opts.out, exps.map((e) => e.id).filter((id) => !results.some((r) => r.id === id)));
  const shown = [...results, ...others];
  const comparison = baseline && compareRun(baseline, shown, opts.out);
  const states = runStates(exps, shown, {
    fresh: ran.results,
    errors: ran.errors,
    selected: opts.selected.map((e) => e.id),
    wanted,
    baselineBackend: baseline?.environment.backend,
  });
  const broken = await writePages(opts.out, exps, results, shown, lecture, comparison, states);
  io.out(`Report: ${opts.out}/index.html`);
  for (const s of states) for (const f of s.flags) io.err(`warning: ${s.id}: ${f}`);
  const changed = comparison && reportBaseline(io, comparison, results.map((r) => r.id), opts.strict, opts.quiet);
  for (const b of broken) io.err(`error: ${b} (see ${opts.out}/lecture.html)`);
  return broken.length || failed || changed ? 1 : 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
