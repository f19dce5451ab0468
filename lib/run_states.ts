/**
 * The "did it run?" guard: how every experiment of the registry came into a report — run now, reused
 * from the result cache, an earlier result left in the directory, or not run and why (not selected,
 * another shard, an error) — with flags for a run on a slower backend than the baseline's and for a
 * family that trains but executed no training step.
 * @module
 */
import type { Experiment } from "./experiment.ts";
import type { ExperimentResult } from "./runner.ts";
import type { RunState } from "./report/build.ts";

/** Backends from fastest to slowest on a CPU machine (for the "slower backend than the baseline's" flag). */
export const SPEED_ORDER: readonly string[] = ["tensorflow-gpu", "webgpu", "tensorflow", "cpu-blas", "wasm", "cpu"];

/** What a run knows about its experiments (all optional: a merge knows only the results). */
export interface RunFacts {
  /** Results produced (or reused from the cache) by this invocation. */
  fresh?: readonly ExperimentResult[];
  errors?: readonly { id: string; message: string }[];
  /** Experiments this invocation ran (after --shard). */
  selected?: readonly string[];
  /** Experiments named on the command line (before --shard). */
  wanted?: readonly string[];
  baselineBackend?: string;
  /** Why an experiment without a result was not run, when nothing else says (a merge: "in no shard"). */
  missing?: string;
}

/** The flags of one result: a slower backend than the baseline's; no training step in a family that trains. */
export function runFlags(exp: Experiment, r: ExperimentResult, baselineBackend?: string): string[] {
  const flags: string[] = [];
  if (baselineBackend && SPEED_ORDER.indexOf(r.backend.name) > SPEED_ORDER.indexOf(baselineBackend)) {
    flags.push(`ran on ${r.backend.name}, slower than the baseline's ${baselineBackend}`);
  }
  if (exp.trainingSteps && !r.error && exp.trainingSteps(r.runs, r.params) === 0) {
    flags.push("executed no training step, although it trains");
  }
  return flags;
}

/** The run state of every registry experiment, given the results shown and what the run knows. */
export function runStates(exps: readonly Experiment[], shown: readonly ExperimentResult[], f: RunFacts): RunState[] {
  return exps.map((e) => {
    const r = shown.find((x) => x.id === e.id);
    const isFresh = !f.fresh || f.fresh.some((x) => x.id === e.id);
    const error = f.errors?.find((x) => x.id === e.id);
    let state: string;
    if (r && isFresh) {
      state = r.cached ? `cached from ${r.cached.date.slice(0, 10)} (commit ${r.cached.commit})` : "run";
    } else if (r) state = `earlier result from ${r.provenance.date.slice(0, 10)} (not run this time)`;
    else if (error) state = `not run: error (${error.message})`;
    else if (f.wanted?.includes(e.id) && !f.selected?.includes(e.id)) state = "not run: another shard";
    else state = `not run: ${f.missing ?? "not selected on the command line"}`;
    return { id: e.id, title: e.title, state, flags: r ? runFlags(e, r, f.baselineBackend) : [] };
  });
}
