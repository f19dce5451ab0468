/**
 * The line `deno task report` prints for each experiment's result, and its claims' lines.
 * @module
 */
import { type ExperimentResult, isFailure } from "./runner.ts";
import { duration } from "./report/format.ts";

/**
 * Prints one result's line (and its claims unless quiet). `wholeSeeds`: the seed count of the whole
 * run, when this result is a shard's share of an experiment split by seeds (its claims then hold or
 * fail on those seeds alone; `deno task merge` judges them on all).
 */
export function printResult(
  io: { out(line: string): void },
  result: ExperimentResult,
  quiet: boolean,
  wholeSeeds?: number,
): void {
  const failed = result.claims.filter((c) => isFailure(c.status));
  const how = result.cached
    ? `cached from ${result.cached.date.slice(0, 16).replace("T", " ")}, commit ${result.cached.commit}`
    : duration(result.provenance.durationMs);
  const held = `${result.claims.length - failed.length}/${result.claims.length} claims hold`;
  const part = wholeSeeds !== undefined && result.seeds.length < wholeSeeds;
  io.out(
    part
      ? `${result.id}: ${held} on ${seedList(result.seeds)} alone (${how}, ` +
        `${result.seeds.length} of ${wholeSeeds} seeds: deno task merge judges the claims on all of them)`
      : `${result.id}: ${held} (${how}, ${result.seeds.length} seeds)`,
  );
  if (quiet) return;
  for (const c of result.claims) {
    io.out(`  ${c.id.padEnd(4)} ${c.status.padEnd(15)} ${c.verdict?.summary ?? c.error ?? ""}`);
  }
}

/** "seeds 1–3, 7" (runs of consecutive seeds as ranges), "seed 4". */
function seedList(seeds: readonly number[]): string {
  const sorted = [...seeds].sort((a, b) => a - b), runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return `${seeds.length === 1 ? "seed" : "seeds"} ${runs.join(", ")}`;
}
