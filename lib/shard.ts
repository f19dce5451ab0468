/**
 * Shards: `--shard i/n` runs a deterministic share of the experiments. The shares are balanced by
 * the durations recorded in the committed baseline when it has them (the same on every machine), and
 * otherwise dealt in registry order; never by this machine's earlier results, which would let two
 * shards of one checkout disagree.
 * @module
 */
import { UsageError } from "./params.ts";

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

/**
 * Splits `ids` into `count` shares: longest first onto the lightest share (ties: registry order);
 * without durations every experiment counts 1, which deals them round-robin.
 */
export function shardShares(
  ids: readonly string[],
  count: number,
  durations: ReadonlyMap<string, number> = new Map(),
): string[][] {
  const shares = Array.from({ length: count }, () => ({ ids: [] as string[], load: 0 }));
  const order = [...ids].sort((a, b) =>
    (durations.get(b) ?? 1) - (durations.get(a) ?? 1) || ids.indexOf(a) - ids.indexOf(b)
  );
  for (const id of order) {
    const lightest = shares.reduce((m, s) => (s.load < m.load ? s : m));
    lightest.ids.push(id);
    lightest.load += durations.get(id) ?? 1;
  }
  return shares.map((s) => ids.filter((id) => s.ids.includes(id)));
}

/** The experiments of one shard, in registry order. */
export function shardIds(ids: readonly string[], shard: Shard, durations?: ReadonlyMap<string, number>): string[] {
  return shardShares(ids, shard.count, durations)[shard.index - 1];
}
