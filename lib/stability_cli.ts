/**
 * `deno task stability [ID ...] [--sets K] [--profile ci|full] [--backend NAME] [--jobs N] [--out DIR]`:
 * runs the experiments over K disjoint seed sets (default 5) in worker processes, with progress, and
 * writes `<out>/stability.json`, `<out>/stability.html` and each set's results under
 * `<out>/stability/set-<k>/`. Exits 1 when a claim did not hold in every set and is not declared fragile.
 * @module
 */
import { parseArgs } from "./std.ts";
import { parsedOrUsage, runCommand } from "./command.ts";
import { positiveInt } from "./cli_options.ts";
import { experiments } from "../experiments/mod.ts";
import { assertBackendName, initBackend } from "./backend.ts";
import { type Profile, PROFILES, UsageError } from "./params.ts";
import { unknownName } from "./suggest.ts";
import { runTasks } from "./parallel.ts";
import { markdownTable, type StabilityReport, stabilityTasks, summarise } from "./stability.ts";
import type { ExperimentResult } from "./runner.ts";
import { writeFileAtomic } from "./report/write.ts";
import { stabilityPage } from "./report/stability_page.ts";
import { duration } from "./report/format.ts";

async function main(args: string[]): Promise<number> {
  const parsed = parsedOrUsage(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        sets: { type: "string" },
        profile: { type: "string", default: "ci" },
        backend: { type: "string", default: "auto" },
        jobs: { type: "string" },
        out: { type: "string", default: "reports" },
      },
    })
  );
  const { values: v, positionals } = parsed;
  const ids = experiments.map((e) => e.id);
  for (const id of positionals) if (!ids.includes(id)) throw new UsageError(unknownName("Unknown experiment", id, ids));
  if (!PROFILES.includes(v.profile as Profile)) {
    throw new UsageError(unknownName("Unknown profile", v.profile!, PROFILES));
  }
  assertBackendName(v.backend!);
  const sets = positiveInt("--sets", v.sets, 1) ?? 5;
  const jobs = positiveInt("--jobs", v.jobs, 1) ?? (navigator.hardwareConcurrency || 1);
  const out = v.out!;
  if ((await Deno.permissions.query({ name: "write", path: out })).state !== "granted") {
    throw new UsageError(`No permission to write "${out}": deno task stability may write only reports/ and .cache/`);
  }
  const backend = await initBackend(v.backend as Parameters<typeof initBackend>[0]);
  const selected = experiments.filter((e) => !positionals.length || positionals.includes(e.id));
  const profile = v.profile as Profile;
  const tasks = stabilityTasks(selected, { sets, profile, backend: backend.name, out: `${out}/stability` });
  console.error(
    `claimbook stability: ${selected.length} experiments × ${sets} seed sets, profile ${profile}, ` +
      `backend ${backend.name}, ${jobs} workers`,
  );
  const t0 = performance.now();
  const results: ExperimentResult[][] = Array.from({ length: sets }, () => []);
  const errors: Record<string, string> = {};
  let done = 0;
  await runTasks(tasks, jobs, (o) => {
    done++;
    const set = Number(o.key!.split("#")[1]);
    if ("result" in o) {
      results[set - 1].push(o.result);
      const held = o.result.claims.filter((c) => c.status === "pass" || c.status === "expected-fail").length;
      console.error(
        `  [${done}/${tasks.length}] ${o.id} set ${set} (seeds ${o.result.seeds.join(",")}): ` +
          `${held}/${o.result.claims.length} hold, ${duration(o.result.provenance.durationMs)}`,
      );
    } else {
      errors[o.key!] = o.error;
      console.error(`  [${done}/${tasks.length}] ${o.id} set ${set}: error: ${o.error}`);
    }
  });
  const report: StabilityReport = {
    profile,
    backend: backend.name,
    sets,
    date: new Date().toISOString(),
    ...summarise(selected, results),
    errors,
    wallSeconds: (performance.now() - t0) / 1000,
  };
  await writeFileAtomic(`${out}/stability.json`, JSON.stringify(report, null, 1) + "\n");
  await writeFileAtomic(`${out}/stability.html`, stabilityPage(report));
  console.log(markdownTable(report));
  console.log(`Stability: ${out}/stability.html`);
  const shaky = report.claims.filter((c) => c.held < c.sets && !c.fragile);
  return shaky.length || Object.keys(errors).length ? 1 : 0;
}

if (import.meta.main) await runCommand(main);
