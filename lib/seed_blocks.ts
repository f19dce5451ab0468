/**
 * Seed blocks: contiguous runs of an experiment's seeds, the unit in which a long experiment is
 * split across shards and workers (see seed_parts.ts for putting the parts back together).
 * @module
 */

/** A contiguous block of seeds: `count` seeds from `first`. */
export interface SeedBlock {
  first: number;
  count: number;
}

/** `seeds` (contiguous) split into `parts` contiguous blocks of near-equal size, the larger first. */
export function seedBlocks(first: number, count: number, parts: number): SeedBlock[] {
  const n = Math.max(1, Math.min(count, parts));
  const blocks: SeedBlock[] = [];
  for (let i = 0, at = first; i < n; i++) {
    const size = Math.floor(count / n) + (i < count % n ? 1 : 0);
    blocks.push({ first: at, count: size });
    at += size;
  }
  return blocks;
}

/** Writes "seeds 3–5" (or "seed 3"). */
export function blockName(b: SeedBlock): string {
  return b.count === 1 ? `seed ${b.first}` : `seeds ${b.first}–${b.first + b.count - 1}`;
}

/**
 * How many blocks to split an experiment of `duration` into so that each is at most `fair / finer`
 * (1 when the duration is unknown); the caller caps it by the number of seeds.
 */
export function splitCount(duration: number | undefined, fair: number, finer = 1): number {
  if (duration === undefined || !(fair > 0)) return 1;
  return Math.max(1, Math.ceil((duration * finer) / fair - 1e-9));
}

/** One block of an experiment's seeds with its share of the experiment's duration. */
export interface WeightedBlock<T> {
  item: T;
  block: SeedBlock;
  /** Whether the experiment runs as several blocks. */
  split: boolean;
  /** The experiment's weight times this block's share of its seeds. */
  load: number;
  /** The experiment's position among the inputs (ties). */
  order: number;
}

/**
 * The blocks of every input with their loads, longest first (ties: input order, then first seed):
 * the pieces that shards and `--jobs` workers deal out. `ms` is the weight of all `seeds`.
 */
export function weightedBlocks<T>(
  inputs: readonly { item: T; blocks: readonly SeedBlock[]; seeds: number; ms: number }[],
): WeightedBlock<T>[] {
  return inputs.flatMap((x, order) =>
    x.blocks.map((block) => ({
      item: x.item,
      block,
      split: x.blocks.length > 1,
      load: x.ms * block.count / Math.max(1, x.seeds),
      order,
    }))
  ).sort((a, b) => b.load - a.load || a.order - b.order || a.block.first - b.block.first);
}
