/**
 * Falsifiers: runs an experiment with each planted bug or wrong belief its claims declare and tells
 * whether each claim's check rejected it (the claim is reported FAIL). Claims that share the same
 * overrides share one run. `deno task test` asserts every rejection; `deno task falsify` prints them.
 * @module
 */
import type { BackendInfo, Experiment } from "./experiment.ts";
import { type ClaimResult, runExperiment } from "./runner.ts";
import type { Profile } from "./params.ts";

/** One falsifier's outcome for one claim. */
export interface FalsifierOutcome {
  experiment: string;
  claim: string;
  falsifier: string;
  description: string;
  /** The overrides that switched it on, as `--set` text. */
  set: Record<string, string>;
  /** The claim's status under the falsifier. */
  status: ClaimResult["status"];
  /** Whether the check rejected it (the claim is reported FAIL under it). */
  rejected: boolean;
  /** The claim's summary or error under the falsifier. */
  summary: string;
  measured?: unknown;
}

/** A falsifier run: the overrides, the seeds and the claims that declare it. */
export interface FalsifierRun {
  set: Record<string, string>;
  seeds?: number;
  claims: { claim: string; falsifier: string; description: string }[];
}

/** Groups an experiment's falsifiers by their overrides and seeds (one run per group). */
export function falsifierRuns(exp: Experiment): FalsifierRun[] {
  const runs = new Map<string, FalsifierRun>();
  for (const c of exp.claims) {
    for (const f of c.falsifiers ?? []) {
      const set = Object.fromEntries(Object.entries(f.set).sort(([a], [b]) => a.localeCompare(b)));
      const key = JSON.stringify([set, f.seeds ?? null]);
      if (!runs.has(key)) runs.set(key, { set, seeds: f.seeds, claims: [] });
      runs.get(key)!.claims.push({ claim: c.id, falsifier: f.name, description: f.description });
    }
  }
  return [...runs.values()];
}

/** Options of {@link falsify}. */
export interface FalsifyOptions {
  backend: BackendInfo;
  profile?: Profile;
  /** Called before each run with its index, the number of runs and its overrides. */
  onRun?: (index: number, total: number, run: FalsifierRun) => void;
}

/** Runs one falsifier group and judges the claims that declare it. */
export async function falsifyRun(exp: Experiment, run: FalsifierRun, o: FalsifyOptions): Promise<FalsifierOutcome[]> {
  const result = await runExperiment(exp, {
    profile: o.profile ?? "ci",
    backend: o.backend,
    overrides: run.set,
    seeds: run.seeds,
  });
  return run.claims.map(({ claim, falsifier, description }) => {
    const c = result.claims.find((r) => r.id === claim)!;
    return {
      experiment: exp.id,
      claim,
      falsifier,
      description,
      set: run.set,
      status: c.status,
      rejected: c.status === "fail",
      summary: c.verdict?.summary ?? c.error ?? "",
      measured: c.verdict?.measured,
    };
  });
}

/** Runs every falsifier of an experiment. */
export async function falsify(exp: Experiment, o: FalsifyOptions): Promise<FalsifierOutcome[]> {
  const runs = falsifierRuns(exp);
  const out: FalsifierOutcome[] = [];
  for (const [i, run] of runs.entries()) {
    o.onRun?.(i, runs.length, run);
    out.push(...await falsifyRun(exp, run, o));
  }
  return out;
}

/** The `--set` text of a falsifier run: "init.fault=scale-1.2 init.width=64". */
export function describeSet(experiment: string, set: Record<string, string>): string {
  return Object.entries(set).map(([k, v]) => `${experiment}.${k}=${v}`).join(" ");
}
