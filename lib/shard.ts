/**
 * Shards: `--shard i/n` runs a deterministic share of the experiments — whole experiments, or seed
 * blocks of one that is longer than a fair share. The shares are balanced by the durations recorded
 * in the committed baseline when it has them (the same on every machine), and otherwise dealt in
 * registry order; never by this machine's earlier results, which would let two shards of one
 * checkout disagree.
 * @module
 */
import { UsageError } from "./params.ts";
import { type SeedBlock, seedBlocks, splitCount, weightedBlocks } from "./seed_blocks.ts";

/** A shard: the `index`-th (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses "i/n" (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard expects i/n with 1 ≤ i ≤ n (e.g. --shard 1/4), got "${text}"`);
  }
  return { index, count };
}

/** An experiment to shard: its id and the seeds the run uses (contiguous). */
export interface ShardInput {
  id: string;
  first: number;
  seeds: number;
}

/** A shard's share of one experiment: the seed blocks it runs. */
export interface ShardUnit {
  id: string;
  blocks: SeedBlock[];
}

/**
 * Splits the experiments into `count` shares. With recorded durations (ms for all of an experiment's
 * seeds), an experiment longer than a fair share (the total over `count`) is split into seed blocks
 * of at most about a fair share each — the runs of different seeds are independent, and
 * `deno task merge` puts them back together — and then the pieces go longest first onto the
 * lightest share (ties: registry order). Without durations every experiment counts 1, none is
 * split, and they are dealt round-robin. A share holds each experiment once, with its blocks.
 */
export function shardPlan(
  exps: readonly ShardInput[],
  count: number,
  durations: ReadonlyMap<string, number> = new Map(),
): ShardUnit[][] {
  const weight = (id: string) => durations.get(id) ?? 1;
  const fair = exps.reduce((s, e) => s + weight(e.id), 0) / count;
  const pieces = weightedBlocks(exps.map((e) => ({
    item: e.id,
    blocks: seedBlocks(e.first, e.seeds, splitCount(durations.get(e.id), fair)),
    seeds: e.seeds,
    ms: weight(e.id),
  })));
  const shares = Array.from({ length: count }, () => ({ pieces: [] as typeof pieces, load: 0 }));
  for (const piece of pieces) {
    const lightest = shares.reduce((m, s) => (s.load < m.load ? s : m));
    lightest.pieces.push(piece);
    lightest.load += piece.load;
  }
  return shares.map((share) =>
    exps.flatMap((e): ShardUnit[] => {
      const blocks = share.pieces.filter((p) => p.item === e.id).map((p) => p.block).sort((a, b) => a.first - b.first);
      return blocks.length ? [{ id: e.id, blocks }] : [];
    })
  );
}

/** The committed durations file of a profile without a committed baseline (e.g. `full`). */
export function durationsPath(profile: string): string {
  return `reports/baseline/durations-${profile}.json`;
}

/**
 * Recorded durations (ms for all of an experiment's seeds) from `path` — `{"durationMs": {id: ms}}`
 * plus a free-text `"measured"` — or an empty map when there is no such file. A file that cannot be
 * read as that shape is a UsageError.
 */
export async function readDurations(path: string): Promise<Map<string, number>> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return new Map();
    throw e;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`"${path}" is not valid JSON: restore it (git checkout -- ${path})`);
  }
  const ms = (data as { durationMs?: unknown })?.durationMs;
  const entries = ms && typeof ms === "object" ? Object.entries(ms) : [];
  if (!entries.length || entries.some(([, v]) => typeof v !== "number" || !(v > 0))) {
    throw new UsageError(`"${path}" needs {"durationMs": {"<experiment>": <ms > 0>, …}}: restore it`);
  }
  return new Map(entries as [string, number][]);
}
