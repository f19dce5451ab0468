/**
 * The stability sweep: every experiment's profile run over K disjoint seed sets (set k of an experiment
 * with n seeds uses seeds k·n+1 … (k+1)·n), and per claim the fraction of sets in which it held.
 * `lib/stability_cli.ts` runs the sets in worker processes; this module plans them and sums them up.
 * @module
 */
import type { Experiment } from "./experiment.ts";
import type { Profile } from "./params.ts";
import type { WorkerTask } from "./parallel.ts";
import { type ExperimentResult, isFailure } from "./runner.ts";

/** The first seed of set `k` (0-based) of an experiment that runs `n` seeds per set. */
export function firstSeedOfSet(k: number, n: number): number {
  return k * n + 1;
}

/** One worker task per (set, experiment): its own output directory, its first seed. */
export function stabilityTasks(
  exps: readonly Experiment[],
  o: { sets: number; profile: Profile; backend: string; out: string },
): WorkerTask[] {
  const tasks: WorkerTask[] = [];
  for (let k = 0; k < o.sets; k++) {
    for (const e of exps) {
      const first = firstSeedOfSet(k, e.seeds[o.profile]);
      tasks.push({
        id: e.id,
        key: `${e.id}#${k + 1}`,
        flags: ["--profile", o.profile, "--backend", o.backend, "--seed", String(first)],
        out: `${o.out}/set-${k + 1}`,
      });
    }
  }
  return tasks;
}

/** How one claim fared in one seed set. */
export interface SetOutcome {
  set: number;
  seeds: number[];
  status: string;
  summary: string;
  measured?: unknown;
}

/** One claim over all seed sets. */
export interface ClaimStability {
  experiment: string;
  claim: string;
  /** Sets in which it held (pass or its declared known failure). */
  held: number;
  sets: number;
  fragile?: string;
  /** The sets in which it did not hold, with their numbers. */
  failed: SetOutcome[];
}

/** What `stability.json` holds. */
export interface StabilityReport {
  profile: Profile;
  backend: string;
  sets: number;
  date: string;
  claims: ClaimStability[];
  /** Seconds per experiment, per set (null where a set gave no result). */
  seconds: Record<string, (number | null)[]>;
  /** Worker errors (a set that gave no result), by "id#set". */
  errors: Record<string, string>;
  wallSeconds: number;
}

/** Sums up the results of every set (`results[k]` holds set k+1's results) per claim. */
export function summarise(
  exps: readonly Experiment[],
  results: readonly (readonly ExperimentResult[])[],
): Pick<StabilityReport, "claims" | "seconds"> {
  const claims: ClaimStability[] = [];
  const seconds: Record<string, (number | null)[]> = {};
  for (const e of exps) {
    const perSet = results.map((set) => set.find((r) => r.id === e.id));
    seconds[e.id] = perSet.map((r) => r ? Math.round(r.provenance.durationMs / 100) / 10 : null);
    for (const c of e.claims) {
      const failed: SetOutcome[] = [];
      perSet.forEach((r, k) => {
        const res = r?.claims.find((x) => x.id === c.id);
        if (r && res && !isFailure(res.status)) return;
        failed.push({
          set: k + 1,
          seeds: r?.seeds ?? [],
          status: res?.status ?? "missing",
          summary: res?.verdict?.summary ?? res?.error ?? "no result for this set",
          measured: res?.verdict?.measured,
        });
      });
      claims.push({
        experiment: e.id,
        claim: c.id,
        held: results.length - failed.length,
        sets: results.length,
        ...(c.fragile ? { fragile: c.fragile } : {}),
        failed,
      });
    }
  }
  return { claims, seconds };
}

/** A Markdown table of the sweep (for the README): one row per claim that did not hold in every set. */
export function markdownTable(report: StabilityReport): string {
  const shaky = report.claims.filter((c) => c.held < c.sets);
  const head = `${report.claims.length - shaky.length} of ${report.claims.length} claims held in all ${report.sets} ` +
    `disjoint seed sets (profile ${report.profile}, ${report.backend}, ${Math.round(report.wallSeconds)} s).`;
  if (!shaky.length) return head;
  const rows = shaky.map((c) =>
    `| ${c.claim} | ${c.experiment} | ${c.held}/${c.sets} | ${
      c.failed.map((f) => `set ${f.set}${f.seeds.length ? ` (seeds ${f.seeds.join(",")})` : ""}: ${f.status}`).join(
        "; ",
      )
    } | ${c.fragile ?? ""} |`
  );
  return [head, "", "| claim | experiment | held | failed sets | declared fragile |", "|---|---|---|---|---|", ...rows]
    .join("\n");
}
