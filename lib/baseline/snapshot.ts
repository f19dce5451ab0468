/**
 * Turning experiment results (a run, or the JSON files of a report directory) into the baseline
 * shape: per claim its status, its measured value, its numbers with bands and its texts. The
 * wall-clock numbers that same_results.ts lists ({@link WALL_CLOCK}) are kept out of the comparison.
 * @module
 */
import type { ExperimentResult } from "../runner.ts";
import type { Profile } from "../params.ts";
import { WALL_CLOCK } from "../report/same_results.ts";
import { bandsFor } from "./band.ts";
import { belongsTo, flattenMeasure } from "./flatten.ts";
import {
  type Baseline,
  BASELINE_FORMAT,
  BASELINE_VERSION,
  type BaselineClaim,
  type BaselineExperiment,
} from "./types.ts";

/** The measured keys of a claim that are wall-clock numbers; "all" when its whole measure is. */
export function wallClockKeys(experiment: string, claim: string): string[] | "all" {
  const keys: string[] = [];
  for (const p of WALL_CLOCK[experiment] ?? []) {
    if (p[0] !== "claims" || (p[1] !== "*" && p[1] !== claim) || p[2] !== "verdict") continue;
    if (p.length === 3 || (p[3] === "measured" && (p.length === 4 || p[4] === "*"))) return "all";
    if (p[3] === "measured") keys.push(p[4]);
  }
  return keys;
}

function claimOf(experiment: string, c: ExperimentResult["claims"][number], seeds: number): BaselineClaim {
  // A JSON round trip, as in a result file: NaN and ±Infinity become null on both sides.
  const measured = c.verdict ? JSON.parse(JSON.stringify(c.verdict.measured ?? null)) : undefined;
  const flat = flattenMeasure(measured);
  const wall = wallClockKeys(experiment, c.id);
  const isWall = (name: string) => wall === "all" || wall.some((k) => belongsTo(name, k));
  const numbers = bandsFor(flat.numbers.filter((n) => !isWall(n.name)), c.verdict?.tolerance, seeds);
  const texts = Object.fromEntries(Object.entries(flat.texts).filter(([k]) => !isWall(k)));
  const wallClock = [...flat.numbers.map((n) => n.name), ...Object.keys(flat.texts)].filter(isWall);
  return {
    status: c.status,
    ...(measured !== undefined ? { measured } : {}),
    ...(c.verdict?.summary ? { summary: c.verdict.summary } : {}),
    numbers,
    texts,
    ...(wallClock.length ? { wallClock } : {}),
  };
}

/** One experiment's result in the baseline shape. */
export function experimentSnapshot(r: ExperimentResult): BaselineExperiment {
  return {
    title: r.title,
    seeds: r.seeds,
    params: r.params,
    overridden: r.overridden ?? [],
    commit: r.provenance.commit,
    durationMs: r.provenance.durationMs,
    ...(r.error ? { error: r.error } : {}),
    claims: Object.fromEntries(r.claims.map((c) => [c.id, claimOf(r.id, c, r.seeds.length)])),
  };
}

/**
 * The snapshot of results of one profile (the first result's environment; differing commits are
 * listed). Throws when the results mix profiles: the caller filters them first.
 * @example
 * ```ts
 * const snap = snapshot(results, "ci", "reports");
 * snap.experiments.init.claims.C2.numbers["measured[0]"]; // { value, band, rule }
 * ```
 */
export function snapshot(results: readonly ExperimentResult[], profile: Profile, source: string): Baseline {
  const other = results.find((r) => r.profile !== profile);
  if (other) throw new Error(`result "${other.id}" is of profile ${other.profile}, not ${profile}`);
  const first = results[0];
  return {
    format: BASELINE_FORMAT,
    version: BASELINE_VERSION,
    profile,
    created: new Date().toISOString(),
    source,
    environment: {
      backend: first?.backend.name ?? "none",
      device: first?.backend.device ?? "",
      tfjs: first?.provenance.tfjs ?? "",
      deno: first?.provenance.deno ?? "",
      os: first?.provenance.os ?? "",
      commit: [...new Set(results.map((r) => r.provenance.commit))].join(", "),
    },
    experiments: Object.fromEntries(results.map((r) => [r.id, experimentSnapshot(r)])),
  };
}
