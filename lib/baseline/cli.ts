/**
 * `deno task baseline [--update] [--from DIR] [--profile ci|full] [--out FILE] [experiment ...]`:
 * makes the reviewed baseline `reports/baseline/<profile>.json` from the results already in a
 * report directory (it never runs experiments: run `deno task report` first). An existing baseline
 * is replaced only with `--update`; either way the command prints what the update changes. Naming
 * experiments replaces only theirs in the existing baseline.
 * Exit 0 (written, or nothing to write), 2 on bad input (nothing is written then).
 * @module
 */
import { parsedOrUsage } from "../command.ts";
import { chartData } from "./chart_layer.ts";
import { parseArgs } from "../std.ts";
import type { Experiment } from "../experiment.ts";
import { type Profile, PROFILES, UsageError } from "../params.ts";
import { unknownName } from "../suggest.ts";
import { isFailure } from "../runner.ts";
import { experiments as registry } from "../../experiments/mod.ts";
import { compare } from "./compare.ts";
import { baselinePath, readBaselineIfAny, readResultDir, writeBaseline } from "./file.ts";
import { changeTable, summaryLine } from "./print.ts";
import { snapshot } from "./snapshot.ts";
import type { Baseline } from "./types.ts";

const HELP = `Usage: deno task baseline [options] [experiment ...]

Makes reports/baseline/<profile>.json from the results in a report directory (run deno task report first).
Naming experiments replaces only theirs in the existing baseline.

Options:
  --from DIR            the report directory to read (default reports)
  --profile ci|full     which profile's results and baseline (default ci)
  --out FILE            the baseline file (default reports/baseline/<profile>.json)
  --update              replace an existing baseline (without it, it is only compared)
  --help                this text`;

/** What the registry must tell: ids and seeds per profile. */
type Registered = Pick<Experiment, "id" | "seeds">;

/** Where the command writes its messages. */
export interface BaselineIo {
  out(line: string): void;
  err(line: string): void;
}

/** The rule counts of a baseline's bands: "312 numbers (40 per-seed spread, 200 tolerance, 72 default)". */
export function bandSummary(b: Baseline): string {
  const rules = Object.values(b.experiments).flatMap((e) =>
    Object.values(e.claims).flatMap((c) => Object.values(c.numbers).map((n) => n.rule))
  );
  const by = (re: RegExp) => rules.filter((r) => re.test(r)).length;
  return `${rules.length} numbers (bands: ${by(/seeds/)} from the spread over seeds, ${by(/^tolerance/)} from the ` +
    `claim's tolerance, ${by(/^default/)} default ±10%)`;
}

async function checkWritable(path: string): Promise<void> {
  if ((await Deno.permissions.query({ name: "write", path })).state !== "granted") {
    throw new UsageError(
      `No permission to write "${path}": deno task baseline may write only reports/baseline/. ` +
        `For another file run: deno run --allow-read --allow-write=${path} lib/baseline/cli.ts --out ${path}`,
    );
  }
}

/** The new baseline from the results in `from` (all registered experiments, or `ids` merged into `old`). */
async function build(
  from: string,
  profile: Profile,
  ids: readonly string[],
  exps: readonly Registered[],
  old: Baseline | undefined,
  io: BaselineIo,
): Promise<Baseline> {
  const info = await Deno.stat(from).catch(() => undefined);
  if (!info?.isDirectory) throw new UsageError(`--from "${from}" is not a directory: run deno task report first`);
  const results = (await readResultDir(from)).filter((r) => r.profile === profile);
  const wanted = ids.length ? ids : exps.map((e) => e.id);
  const chosen = [];
  for (const id of wanted) {
    const r = results.find((x) => x.id === id);
    if (!r) throw new UsageError(`"${from}" has no ${profile} result for "${id}": run deno task report ${id} first`);
    if (r.overridden?.length) {
      throw new UsageError(
        `"${from}/${id}.json" was run with --set ${r.overridden.join(", ")}: a baseline needs the profile's own ` +
          `parameters; rerun deno task report ${id} without --set`,
      );
    }
    const exp = exps.find((e) => e.id === id)!;
    const seeds = Array.from({ length: exp.seeds[profile] }, (_, i) => i + 1).join(", ");
    if (r.seeds.join(", ") !== seeds) {
      throw new UsageError(
        `"${from}/${id}.json" has seeds ${r.seeds.join(", ")}, the ${profile} profile's are ${seeds}: ` +
          `rerun deno task report ${id} without --seeds/--seed`,
      );
    }
    chosen.push(r);
  }
  const commits = [...new Set(chosen.map((r) => r.provenance.commit))];
  if (commits.length > 1) io.err(`note: the results come from ${commits.length} commits (${commits.join(", ")})`);
  const failing = chosen.flatMap((r) => r.claims.filter((c) => isFailure(c.status)).map((c) => `${r.id}/${c.id}`));
  if (failing.length) io.err(`note: ${failing.length} claim(s) fail in these results: ${failing.join(", ")}`);
  const fresh = snapshot(chosen, profile, from);
  for (const r of chosen) {
    const charts = chartData(exps.find((e) => e.id === r.id) as Pick<Partial<Experiment>, "charts">, r);
    if (Object.keys(charts).length) fresh.experiments[r.id].charts = charts;
  }
  if (!ids.length || !old) return fresh;
  return { ...fresh, experiments: { ...old.experiments, ...fresh.experiments } };
}

/**
 * Runs the command; returns the exit code.
 * @example
 * ```ts
 * await main(["--update"]); // reports/*.json → reports/baseline/ci.json
 * ```
 */
export async function main(
  args: string[],
  io: BaselineIo = { out: (l) => console.log(l), err: (l) => console.error(l) },
  exps: readonly Registered[] = registry,
): Promise<number> {
  try {
    const v = parsedOrUsage(() =>
      parseArgs({
        args,
        allowPositionals: true,
        options: {
          from: { type: "string", default: "reports" },
          profile: { type: "string", default: "ci" },
          out: { type: "string" },
          update: { type: "boolean", default: false },
          help: { type: "boolean", short: "h", default: false },
        },
      })
    );
    if (v.values.help) return io.out(HELP), 0;
    const profile = v.values.profile as Profile;
    if (!PROFILES.includes(profile)) throw new UsageError(unknownName("Unknown profile", profile, PROFILES));
    const ids = exps.map((e) => e.id);
    for (const id of v.positionals) {
      if (!ids.includes(id)) throw new UsageError(unknownName("Unknown experiment", id, ids));
    }
    const out = v.values.out ?? baselinePath(profile);
    const old = await readBaselineIfAny(out, profile);
    const next = await build(v.values.from!, profile, v.positionals, exps, old, io);
    if (old) {
      const c = compare(old, next);
      io.out(summaryLine(c));
      io.out(`What ${v.values.update ? "the update changes" : "--update would change"}:`);
      for (const l of changeTable(c)) io.out(`  ${l}`);
      if (!v.values.update) {
        io.out(`${out} exists and was not overwritten: run with --update to replace it.`);
        return 0;
      }
    }
    await checkWritable(out);
    await writeBaseline(out, next);
    io.out(
      `${old ? "Updated" : "Wrote"} ${out}: ${Object.keys(next.experiments).length} experiments, ${bandSummary(next)}.`,
    );
    io.out(`Review it (git diff ${out}), then commit it.`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return io.err(`error: ${e.message}`), 2;
    throw e;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
