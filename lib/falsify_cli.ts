/**
 * `deno task falsify [ID ...] [--backend NAME] [--out DIR]`: runs every falsifier of the selected
 * experiments at the `ci` profile, prints whether each claim's check rejected it, writes
 * `<out>/falsifiers.json` (the report shows it next to each verdict; the outcomes of experiments not
 * run this time are kept) and exits 1 if one was not
 * rejected. `deno task test` asserts the same; this is the readable listing with counts.
 * @module
 */
import { parseArgs } from "./std.ts";
import { parsedOrUsage, runCommand } from "./command.ts";
import { experiments } from "../experiments/mod.ts";
import { assertBackendName, initBackend } from "./backend.ts";
import { describeSet, type FalsifierOutcome, falsify } from "./falsify.ts";
import { UsageError } from "./params.ts";
import { unknownName } from "./suggest.ts";
import { writeFileAtomic } from "./report/write.ts";
import { duration } from "./report/format.ts";

/** What `falsifiers.json` holds. */
export interface FalsifierReport {
  backend: string;
  date: string;
  outcomes: FalsifierOutcome[];
}

/** The counts line: "51 claims, 63 falsifiers, 63 rejected". */
export function countLine(outcomes: readonly FalsifierOutcome[]): string {
  const claims = new Set(outcomes.map((o) => `${o.experiment}/${o.claim}`)).size;
  return `${claims} claims, ${outcomes.length} falsifiers, ${outcomes.filter((o) => o.rejected).length} rejected`;
}

async function main(args: string[]): Promise<number> {
  const v = parsedOrUsage(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { backend: { type: "string", default: "auto" }, out: { type: "string", default: "reports" } },
    })
  );
  const ids = experiments.map((e) => e.id);
  for (const id of v.positionals) {
    if (!ids.includes(id)) throw new UsageError(unknownName("Unknown experiment", id, ids));
  }
  assertBackendName(v.values.backend!);
  if ((await Deno.permissions.query({ name: "write", path: v.values.out! })).state !== "granted") {
    throw new UsageError(`No permission to write "${v.values.out}": deno task falsify may write only reports/`);
  }
  const backend = await initBackend(v.values.backend as Parameters<typeof initBackend>[0]);
  console.error(`claimbook falsify: backend ${backend.name} (${backend.device})`);
  const selected = experiments.filter((e) => !v.positionals.length || v.positionals.includes(e.id));
  const outcomes: FalsifierOutcome[] = [];
  for (const exp of selected) {
    const t0 = performance.now();
    const mine = await falsify(exp, {
      backend,
      onRun: (i, n, run) => console.error(`  ${exp.id} [${i + 1}/${n}] ${describeSet(exp.id, run.set)}`),
    });
    for (const o of mine) {
      console.log(
        `${o.rejected ? "rejected    " : "NOT REJECTED"} ${exp.id}/${o.claim}: ${o.falsifier} — ${o.summary}`,
      );
    }
    console.error(`  ${exp.id}: ${mine.length} falsifiers in ${duration(performance.now() - t0)}`);
    outcomes.push(...mine);
  }
  await Deno.mkdir(v.values.out!, { recursive: true });
  // the outcomes of experiments not run this time stay as the last run left them
  const file = `${v.values.out}/falsifiers.json`;
  const ran = new Set(selected.map((e) => e.id));
  const kept = await Deno.readTextFile(file).then((t) => (JSON.parse(t) as FalsifierReport).outcomes, () => []);
  const all = [...kept.filter((o) => !ran.has(o.experiment)), ...outcomes];
  const order = experiments.map((e) => e.id);
  all.sort((a, b) => order.indexOf(a.experiment) - order.indexOf(b.experiment));
  const report: FalsifierReport = { backend: backend.name, date: new Date().toISOString(), outcomes: all };
  await writeFileAtomic(file, JSON.stringify(report, null, 1) + "\n");
  console.log(countLine(outcomes));
  return outcomes.every((o) => o.rejected) ? 0 : 1;
}

if (import.meta.main) await runCommand(main);
