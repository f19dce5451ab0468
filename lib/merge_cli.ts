/**
 * `deno task merge DIR... [--out DIR] [--allow-mixed] [--lecture PATH] [--baseline FILE|none]`: builds one report from the result
 * directories of several shards (`deno task report --shard i/n --out DIR`). Refuses inputs that do
 * not belong to one run — different commits, profiles or backends — unless `--allow-mixed`, and a
 * seed of an experiment found in two directories; an experiment whose seeds were split across shards
 * is put back together. The pages are those a single run would write. Exits 1 when a claim fails on
 * all its seeds (after writing the pages), as `deno task report` does.
 * @module
 */
import { parseArgs } from "./std.ts";
import { parsedOrUsage, runCommand } from "./command.ts";
import { experiments } from "../experiments/mod.ts";
import { UsageError } from "./params.ts";
import type { Experiment } from "./experiment.ts";
import { type ExperimentResult, isFailure } from "./runner.ts";
import { writePages, writeResult } from "./report/write.ts";
import { runStates } from "./run_states.ts";
import { readLecture } from "./report/lecture_source.ts";
import { compareRun, loadRunBaseline } from "./baseline/hook.ts";
import { combineParts } from "./seed_parts.ts";

/** Reads every `<id>.json` of the registry's experiments in `dir`; a directory without any is an error. */
export async function readShard(dir: string, ids: readonly string[]): Promise<ExperimentResult[]> {
  const out: ExperimentResult[] = [];
  for (const id of ids) {
    let text: string;
    try {
      text = await Deno.readTextFile(`${dir}/${id}.json`);
    } catch {
      continue;
    }
    try {
      out.push(JSON.parse(text) as ExperimentResult);
    } catch {
      throw new UsageError(`"${dir}/${id}.json" is not valid JSON: re-run that shard`);
    }
  }
  if (!out.length) throw new UsageError(`"${dir}" holds no experiment result (<id>.json): is it a shard's --out?`);
  return out;
}

/**
 * Checks that shards belong to one run; returns the merged results in registry order, the seed parts
 * of an experiment split across shards put back together (and judged on all their seeds).
 */
export function mergeShards(
  shards: readonly { dir: string; results: readonly ExperimentResult[] }[],
  exps: readonly Experiment[],
  allowMixed = false,
): ExperimentResult[] {
  const seen = new Map<string, { dir: string; seeds: Set<number> }>();
  const first = shards[0].results[0];
  const facets: [string, (r: ExperimentResult) => string][] = [
    ["commit", (r) => r.provenance.commit],
    ["profile", (r) => r.profile],
    ["backend", (r) => r.backend.name],
  ];
  for (const { dir, results } of shards) {
    for (const r of results) {
      const before = seen.get(r.id);
      const twice = before && r.seeds.find((s) => before.seeds.has(s));
      if (before && twice !== undefined) {
        throw new UsageError(
          `"${r.id}" seed ${twice} is in both "${before.dir}" and "${dir}": merge each shard once`,
        );
      }
      seen.set(r.id, { dir, seeds: new Set([...(before?.seeds ?? []), ...r.seeds]) });
      for (const [facet, of] of facets) {
        if (!allowMixed && of(r) !== of(first)) {
          throw new UsageError(
            `"${dir}/${r.id}.json" has ${facet} ${of(r)}, "${shards[0].dir}" has ${of(first)}: ` +
              `merge the shards of one run, or pass --allow-mixed`,
          );
        }
      }
    }
  }
  const all = shards.flatMap((s) => s.results);
  return exps.flatMap((e) => {
    const parts = all.filter((r) => r.id === e.id);
    return parts.length ? [combineParts(e, parts)] : [];
  });
}

/** What a merge did: a line saying what was merged, and the claims that failed, as "experiment/claim". */
export interface Merged {
  summary: string;
  failed: string[];
}

/** Merges shard directories into one report in `out`, judging split experiments on all their seeds. */
export async function merge(
  dirs: readonly string[],
  o: { out: string; allowMixed?: boolean; exps?: readonly Experiment[]; lecture?: string; baseline?: string },
): Promise<Merged> {
  if (!dirs.length) throw new UsageError("deno task merge needs the result directories of the shards");
  const exps = o.exps ?? experiments;
  const ids = exps.map((e) => e.id);
  const shards = [];
  for (const dir of dirs) shards.push({ dir, results: await readShard(dir, ids) });
  const merged = mergeShards(shards, exps, o.allowMixed);
  const lecture = await readLecture(o.lecture);
  const baseline = await loadRunBaseline(merged[0].profile, o.baseline);
  for (const r of merged) await writeResult(o.out, r);
  const states = runStates(exps, merged, {
    missing: "in no shard's results",
    baselineBackend: baseline?.environment.backend,
  });
  const comparison = baseline && compareRun(baseline, merged, o.out);
  await writePages(o.out, exps, merged, merged, lecture, comparison, states);
  const missing = ids.filter((id) => !merged.some((r) => r.id === id));
  const failed = merged.flatMap((r) => r.claims.filter((c) => isFailure(c.status)).map((c) => `${r.id}/${c.id}`));
  const summary = `Merged ${merged.length} experiments from ${shards.length} shards into ${o.out}/index.html` +
    (missing.length ? ` (not in any shard: ${missing.join(", ")})` : "");
  return { summary, failed };
}

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parsedOrUsage(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string", default: "reports" },
        "allow-mixed": { type: "boolean", default: false },
        lecture: { type: "string" },
        baseline: { type: "string" },
      },
    })
  );
  const { summary, failed } = await merge(positionals, {
    out: values.out!,
    allowMixed: values["allow-mixed"],
    lecture: values.lecture,
    baseline: values.baseline,
  });
  console.log(summary);
  if (failed.length) console.error(`${failed.length} claims failed on all seeds: ${failed.join(", ")}`);
  return failed.length ? 1 : 0;
}

if (import.meta.main) await runCommand(main);
