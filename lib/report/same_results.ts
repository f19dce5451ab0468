/**
 * Do two report directories hold the same results? Compares the `runs` and `claims` of every
 * `<id>.json` in both (provenance aside, and the numbers that are wall-clock measurements by
 * design, listed in {@link WALL_CLOCK}). Used to prove that a refactoring changed no behaviour:
 *
 * ```sh
 * deno task same-results reports/before reports/after
 * ```
 *
 * Exit 0 when every experiment matches, 1 with one line per difference, 2 on bad input.
 * @module
 */

/** A path into a result's JSON; "*" matches any key or index. A pattern covers everything under it. */
export type PathPattern = readonly string[];

/**
 * The documented wall-clock numbers (README: "apart from the few numbers that are wall-clock
 * measurements by design"), per experiment id. Claims are addressed by claim id.
 */
export const WALL_CLOCK: Readonly<Record<string, readonly PathPattern[]>> = {
  "optimizers-sgd": [
    ["runs", "*", "data", "timing"],
    ["runs", "*", "data", "timingSmall", "gdSeconds"],
    ["runs", "*", "data", "timingSmall", "sgdSeconds"],
    ["claims", "B1", "verdict", "measured", "1. SGD much faster than batch GD for large m"],
  ],
  backends: [["runs", "*", "data", "runs", "*", "ms"]],
  augmentation: [
    ["runs", "*", "data", "tta", "*", "ms"],
    ["claims", "E5", "verdict", "measured", "forward-pass cost ratio"],
    ["claims", "E5", "verdict", "measured", "cost ratio with making the copies"],
    ["claims", "E5", "verdict", "summary"],
  ],
};

function covered(path: readonly string[], patterns: readonly PathPattern[]): boolean {
  return patterns.some((p) => p.length <= path.length && p.every((k, i) => k === "*" || k === path[i]));
}

/** `claims` keyed by claim id and `runs` by seed, so that a difference names the claim or seed. */
function comparable(result: Record<string, unknown>): Record<string, unknown> {
  const claims = (result.claims ?? []) as { id: string }[];
  const runs = (result.runs ?? []) as { seed: number }[];
  return {
    runs: Object.fromEntries(runs.map((r) => [String(r.seed), r])),
    claims: Object.fromEntries(claims.map((c) => [c.id, c])),
  };
}

function diff(a: unknown, b: unknown, path: string[], ignore: readonly PathPattern[], out: string[]): void {
  if (covered(path, ignore)) return;
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    if (Array.isArray(a) !== Array.isArray(b)) {
      out.push(`${path.join(".")}: an array on one side only`);
      return;
    }
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const ak = (a as Record<string, unknown>)[k], bk = (b as Record<string, unknown>)[k];
      if (!(k in a) || !(k in b)) out.push(`${[...path, k].join(".")}: only in ${k in a ? "the first" : "the second"}`);
      else diff(ak, bk, [...path, k], ignore, out);
    }
    return;
  }
  if (!Object.is(a, b)) out.push(`${path.join(".")}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
}

/** The differences between two results of one experiment (empty when they match). */
export function resultDifferences(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  ignore: readonly PathPattern[] = WALL_CLOCK[String(a.id)] ?? [],
): string[] {
  const out: string[] = [];
  diff(comparable(a), comparable(b), [], ignore, out);
  return out;
}

async function resultIds(dir: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && e.name.endsWith(".json") && !e.name.startsWith("bench")) ids.push(e.name.slice(0, -5));
  }
  return ids.sort();
}

/** Compares every experiment result of two report directories; returns one line per difference. */
export async function compareResultDirs(a: string, b: string): Promise<string[]> {
  const [idsA, idsB] = [await resultIds(a), await resultIds(b)];
  const out: string[] = [];
  for (const id of new Set([...idsA, ...idsB])) {
    if (!idsA.includes(id) || !idsB.includes(id)) {
      out.push(`${id}: only in ${idsA.includes(id) ? a : b}`);
      continue;
    }
    const read = async (dir: string) => JSON.parse(await Deno.readTextFile(`${dir}/${id}.json`));
    for (const d of resultDifferences(await read(a), await read(b))) out.push(`${id}: ${d}`);
  }
  return out;
}

if (import.meta.main) {
  const [a, b] = Deno.args;
  if (!a || !b) {
    console.error(
      "usage: deno task same-results DIR_A DIR_B   (two report directories of the same profile and backend)",
    );
    Deno.exit(2);
  }
  for (const dir of [a, b]) {
    if (!(await Deno.stat(dir).catch(() => undefined))?.isDirectory) {
      console.error(`same-results: ${dir} is not a directory; pass two report directories (e.g. reports/before)`);
      Deno.exit(2);
    }
  }
  const diffs = await compareResultDirs(a, b);
  const ids = await resultIds(a);
  if (diffs.length === 0) {
    console.log(`same results: ${ids.length} experiments, runs and claims identical (wall-clock numbers aside)`);
  } else {
    for (const d of diffs) console.log(d);
    console.log(`${diffs.length} differences`);
  }
  Deno.exit(diffs.length === 0 ? 0 : 1);
}
