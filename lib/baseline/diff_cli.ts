/**
 * `deno task diff A B [--out FILE] [--profile ci|full] [--strict]`: compares two report
 * directories, result files or baseline files the way `deno task report` compares a run with its
 * baseline (A is the baseline side, its bands apply), prints the changes as a table and writes them
 * as a page (default reports/diff.html).
 * Exit 0 no regression, 1 a regression (or drift with --strict), 2 bad input.
 * @module
 */
import { parsedOrUsage } from "../command.ts";
import { parseArgs } from "../std.ts";
import { type Profile, PROFILES, UsageError } from "../params.ts";
import { unknownName } from "../suggest.ts";
import { writeFileAtomic } from "../report/write.ts";
import { diffPage } from "../report/diff_page.ts";
import { compare, failsRun } from "./compare.ts";
import { readSide } from "./file.ts";
import { changeTable, summaryLine } from "./print.ts";

const HELP = `Usage: deno task diff A B [options]

A and B: report directories (e.g. reports), result files (reports/init.json) or baseline files
(reports/baseline/ci.json). A is the reference: its bands decide what is drift.

Options:
  --out FILE            the HTML page to write (default reports/diff.html)
  --profile ci|full     compare the results of this profile (default: the profile both sides hold)
  --strict              drift fails too (exit 1)
  --help                this text`;

/**
 * Runs the command; returns the exit code.
 * @example
 * ```ts
 * await main(["reports/before", "reports"]); // prints the table, writes reports/diff.html
 * ```
 */
export async function main(
  args: string[],
  io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) },
): Promise<number> {
  try {
    const v = parsedOrUsage(() =>
      parseArgs({
        args,
        allowPositionals: true,
        options: {
          out: { type: "string", default: "reports/diff.html" },
          profile: { type: "string" },
          strict: { type: "boolean", default: false },
          help: { type: "boolean", short: "h", default: false },
        },
      })
    );
    if (v.values.help) return io.out(HELP), 0;
    if (v.positionals.length !== 2) {
      throw new UsageError(
        `deno task diff needs two paths, got ${v.positionals.length}: e.g. deno task diff reports/baseline/ci.json reports`,
      );
    }
    const profile = v.values.profile as Profile | undefined;
    if (profile && !PROFILES.includes(profile)) throw new UsageError(unknownName("Unknown profile", profile, PROFILES));
    const [a, b] = v.positionals;
    const old = await readSide(a, profile);
    const now = await readSide(b, profile ?? old.profile);
    if (old.profile !== now.profile) {
      throw new UsageError(`"${a}" is of profile ${old.profile}, "${b}" of ${now.profile}: compare one profile's runs`);
    }
    const out = v.values.out!;
    if ((await Deno.permissions.query({ name: "write", path: out })).state !== "granted") {
      throw new UsageError(
        `No permission to write "${out}": deno task diff may write only reports/; pass --out reports/…`,
      );
    }
    const c = compare(old, now);
    io.out(summaryLine(c));
    for (const l of changeTable(c)) io.out(l);
    const dir = out.includes("/") ? out.slice(0, out.lastIndexOf("/")) : ".";
    await Deno.mkdir(dir, { recursive: true });
    await writeFileAtomic(out, diffPage(c));
    io.out(`Page: ${out}`);
    return failsRun(c, v.values.strict!) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) return io.err(`error: ${e.message}`), 2;
    throw e;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
