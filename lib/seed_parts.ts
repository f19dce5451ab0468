/**
 * Seed parts: an experiment's seeds run in separate processes (shards, `--jobs` workers) and put
 * back together. Every seed's run depends only on the parameters, the seed and the backend, so the
 * parts' runs, concatenated in seed order and judged again, are what a single run gives.
 * @module
 */
import type { Experiment } from "./experiment.ts";
import { UsageError } from "./params.ts";
import { type ExperimentResult, judgeClaims } from "./runner.ts";

/**
 * One result from the parts of one experiment's run (any order, disjoint seeds, the same
 * parameters, profile and backend): the runs in seed order, the claims judged on all of them, the
 * provenance summed (durations) or joined (seed times, data files; the latest date). A part that
 * failed makes the whole an error. Throws a UsageError for parts that do not fit together.
 */
export function combineParts(exp: Experiment, parts: readonly ExperimentResult[]): ExperimentResult {
  if (!parts.length) throw new Error(`combineParts: no parts of ${exp.id}`);
  const sorted = [...parts].sort((a, b) => (a.seeds[0] ?? 0) - (b.seeds[0] ?? 0));
  if (sorted.length === 1) return sorted[0];
  const [head] = sorted;
  const seen = new Set<number>();
  for (const p of sorted) {
    if (p.id !== exp.id) throw new Error(`combineParts: a result of ${p.id} among the parts of ${exp.id}`);
    const differs = p.profile !== head.profile
      ? `profile ${p.profile} vs ${head.profile}`
      : p.backend.name !== head.backend.name
      ? `backend ${p.backend.name} vs ${head.backend.name}`
      : JSON.stringify(p.params) !== JSON.stringify(head.params)
      ? "different parameters"
      : undefined;
    if (differs) throw new UsageError(`the parts of "${exp.id}" do not belong to one run (${differs})`);
    for (const s of p.seeds) {
      if (seen.has(s)) throw new UsageError(`seed ${s} of "${exp.id}" is in two parts: merge each part once`);
      seen.add(s);
    }
  }
  const runs = sorted.flatMap((p) => p.runs);
  const error = sorted.find((p) => p.error)?.error;
  const dataFiles: Record<string, string> = Object.assign({}, ...sorted.map((p) => p.provenance.dataFiles ?? {}));
  const { cached: _cached, ...rest } = head;
  return {
    ...rest,
    ...(sorted.every((p) => p.cached) ? { cached: head.cached } : {}),
    seeds: sorted.flatMap((p) => p.seeds),
    runs,
    claims: judgeClaims(exp, runs, head.params, error),
    ...(error ? { error } : {}),
    provenance: {
      ...head.provenance,
      date: sorted.map((p) => p.provenance.date).sort().at(-1)!,
      durationMs: sorted.reduce((s, p) => s + p.provenance.durationMs, 0),
      seedMs: sorted.flatMap((p) => p.provenance.seedMs),
      ...(Object.keys(dataFiles).length ? { dataFiles: Object.fromEntries(Object.entries(dataFiles).sort()) } : {}),
    },
  };
}
