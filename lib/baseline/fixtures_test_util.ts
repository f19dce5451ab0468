/**
 * Test fixtures: small synthetic experiment results and a one-claim experiment for the CLI tests.
 * @module
 */
import type { Measure } from "../experiment.ts";
import { defineExperiment } from "../experiment.ts";
import type { ClaimStatus, ExperimentResult } from "../runner.ts";

/** A claim of a synthetic result: its status, measured value and tolerance text. */
export interface FakeClaim {
  id: string;
  status: ClaimStatus;
  measured: Measure;
  tolerance?: string;
}

/** A synthetic result of experiment `id` with the given claims (3 seeds, ci, cpu backend). */
export function fakeResult(id: string, claims: FakeClaim[], over: Partial<ExperimentResult> = {}): ExperimentResult {
  return {
    id,
    title: `The ${id} experiment`,
    profile: "ci",
    params: { width: 16 },
    overridden: [],
    seeds: [1, 2, 3],
    backend: { name: "cpu", tfjsBackend: "cpu", device: "JavaScript", softwareFallback: false, refused: [] },
    runs: [],
    claims: claims.map((c) => ({
      id: c.id,
      kind: "value",
      statement: `claim ${c.id}`,
      status: c.status,
      verdict: {
        pass: c.status === "pass",
        measured: c.measured,
        expected: null,
        tolerance: c.tolerance ?? "±0.02 per layer",
        summary: `${c.id} is ${c.status}.`,
      },
    })),
    provenance: {
      date: "2025-01-01T00:00:00.000Z",
      commit: "abc123",
      deno: "2.9.6",
      v8: "x",
      typescript: "x",
      tfjs: "4.22.0",
      os: "linux-x86_64",
      durationMs: 1000,
      seedMs: [300, 300, 400],
    },
    ...over,
  };
}

/** Writes results into a fresh temporary directory as `<id>.json`; returns the directory. */
export async function resultDir(results: readonly ExperimentResult[]): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "claimbook-baseline-" });
  for (const r of results) await Deno.writeTextFile(`${dir}/${r.id}.json`, JSON.stringify(r));
  return dir;
}

/** A one-claim experiment for lib/cli.ts: D1 holds while `demo.value` < 10, and measures it. */
export const demo = defineExperiment({
  id: "demo",
  title: "Demo",
  lecture: ["Babysitting the learning process"],
  summary: "A value that must stay below 10.",
  params: { value: { ci: 1, full: 1, min: 0, doc: "The measured value." } },
  seeds: { ci: 1, full: 1 },
  run: ({ params }) => Promise.resolve({ value: params.value }),
  claims: [{
    id: "D1",
    kind: "value",
    statement: "the value stays below 10",
    falsifiers: [{ name: "big", description: "a big value", set: { value: "20" } }],
    check: (runs) => {
      const v = runs[0].data.value;
      return {
        pass: v < 10,
        measured: { value: v },
        expected: "< 10",
        tolerance: "strictly below",
        summary: v < 10 ? "The value stays below 10." : `The value ${v} is not below 10.`,
      };
    },
  }],
});
