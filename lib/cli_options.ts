/**
 * The report command's options: the help text, the listing of experiments, and parsing the command
 * line into {@link Options} (every value validated before anything runs; a bad one is a UsageError).
 * @module
 */
import { parsedOrUsage } from "./command.ts";
import { parseArgs } from "./std.ts";
import type { Experiment } from "./experiment.ts";
import { describeParam, parseSetFlags, type Profile, PROFILES, resolveParams, UsageError } from "./params.ts";
import { assertBackendName, BACKEND_CHOICES } from "./backend.ts";
import { unknownName } from "./suggest.ts";
import { parseShard, type Shard } from "./shard.ts";
import type { SeedBlock } from "./seed_blocks.ts";

/** The help text of `deno task report`. */
export const HELP = `claimbook: run the lecture's claims as experiments and build the HTML report.

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
  --jobs N              experiments run in N worker processes at once (default: the number of cores); one
                        longer than half a worker's share of the last run's time runs its seeds in parallel
  --fresh               run every selected experiment even when the result cache has its result
  --cache DIR           the result cache (default .cache/results); a result is reused when its code (every
                        imported project file), parameters, seeds, backend, versions and data files are unchanged
  --shard i/n           run the i-th of n deterministic shares of the experiments (an experiment longer than a
                        fair share is split by seeds) and write their results only (no pages); deno task merge
                        DIR... builds one report from the shards' directories
  --list                list experiments, their claims and parameters, then exit
  --quiet               no progress or per-claim lines
  --help                this text

Exit codes: 0 all claims hold, 1 some claim failed, 2 bad usage (nothing written). A shard's share of an
experiment split by seeds is not judged for its exit code: deno task merge judges it on all seeds.`;

/** An integer option ≥ `min` from its text (undefined when absent); anything else is a UsageError naming it. */
export function positiveInt(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be an integer ≥ ${min}, got "${text}"`);
  return n;
}

/** The `--list` text: every experiment with its claims and parameters. */
export function listing(exps: readonly Experiment[]): string {
  return exps.map((e) => {
    const claims = e.claims.map((c) => `    ${c.id.padEnd(4)} ${c.kind.padEnd(11)} ${c.statement}`);
    const params = Object.entries(e.params).map(([k, s]) => `    --set ${e.id}.${describeParam(k, s)}`);
    return `${e.id}: ${e.title} (seeds: ${e.seeds.ci} ci, ${e.seeds.full} full)\n  claims:\n${
      claims.join("\n")
    }\n  parameters:\n${params.join("\n")}`;
  }).join("\n\n");
}

/** The parsed command line. */
export interface Options {
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
  /** --fresh: ignore the result cache. */
  fresh: boolean;
  /** The result cache directory. */
  cacheDir: string;
  /** --shard i/n: run only this share, write results only. */
  shard?: Shard;
  /** The seed blocks to run, by experiment, where not all its seeds (a shard's share of a long experiment). */
  blocks?: Map<string, SeedBlock[]>;
  /** Recorded whole-experiment durations (the baseline's): the shard plan's, and --jobs's where no result is. */
  plannedDurations?: ReadonlyMap<string, number>;
}

/** Parses and validates the command line (throws a UsageError naming the bad value). */
export function parseOptions(args: string[], exps: readonly Experiment[]): Options | "help" | "list" {
  const parsed = parsedOrUsage(() =>
    parseArgs({
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
        fresh: { type: "boolean", default: false },
        cache: { type: "string", default: ".cache/results" },
        shard: { type: "string" },
        "no-pages": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    })
  );
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
    fresh: v.fresh!,
    cacheDir: v.cache!,
    ...(v.shard !== undefined ? { shard: parseShard(v.shard) } : {}),
    workerFlags: [
      ...["--profile", v.profile!],
      ...v.set!.flatMap((f) => ["--set", f]),
      ...(v.seeds !== undefined ? ["--seeds", v.seeds] : []),
      ...(v.seed !== undefined ? ["--seed", v.seed] : []),
    ],
  };
}
