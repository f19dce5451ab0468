import { assert, assertEquals, assertRejects, assertThrows } from "./std.ts";
import { defineExperiment, type Experiment } from "./experiment.ts";
import { isFailure, runExperiment, statusOf } from "./runner.ts";
import { UsageError } from "./params.ts";
import { initBackend } from "./backend.ts";

const backend = await initBackend("cpu").catch(() => initBackend("auto"));

function toy(over: Partial<Experiment> = {}): Experiment {
  return defineExperiment({
    id: "toy",
    title: "Toy",
    lecture: ["Slide"],
    summary: "A toy.",
    params: { n: { ci: 3, full: 9, min: 1, integer: true, doc: "Count." } },
    seeds: { ci: 3, full: 5 },
    run: async ({ params, rng, tf }) => {
      const t = tf.tensor1d(rng.normals(params.n as number));
      const values = Array.from(await t.data());
      t.dispose();
      return { values };
    },
    claims: [
      {
        id: "A1",
        kind: "value",
        statement: "n values",
        check: (runs, p) => ({
          pass: runs.every((r) => r.data.values.length === p.n),
          measured: runs[0].data.values.length,
          expected: p.n,
          tolerance: "exact",
          summary: "",
        }),
      },
    ],
    ...over,
  } as Experiment);
}

Deno.test("runs every seed with its own deterministic data and judges claims", async () => {
  const a = await runExperiment(toy(), { profile: "ci", backend, overrides: { n: "4" } });
  const b = await runExperiment(toy(), { profile: "ci", backend, overrides: { n: "4" } });
  assertEquals(a.seeds, [1, 2, 3]);
  assertEquals(a.runs, b.runs);
  assert(JSON.stringify(a.runs[0]) !== JSON.stringify(a.runs[1]));
  assertEquals(a.claims[0].status, "pass");
  assertEquals(a.params, { n: 4 });
  assertEquals(a.overridden, ["n"]);
});

Deno.test("a leaking run is an error for every claim", async () => {
  const leaky = toy({ run: async ({ tf }) => ({ values: Array.from(await tf.ones([3]).data()) }) });
  const r = await runExperiment(leaky, { profile: "ci", backend, seeds: 1 });
  assertEquals(r.claims[0].status, "error");
  assert(r.error?.includes("leaked 1 tensor"));
});

Deno.test("known failures: a failing check is expected, a passing one is reported as unexpected", async () => {
  const base = toy();
  const claim = base.claims[0];
  const failing = toy({
    claims: [{ ...claim, knownFailure: "documented", check: (runs, p) => ({ ...claim.check(runs, p), pass: false }) }],
  });
  assertEquals((await runExperiment(failing, { profile: "ci", backend, seeds: 1 })).claims[0].status, "expected-fail");
  const passing = toy({ claims: [{ ...claim, knownFailure: "documented" }] });
  assertEquals(
    (await runExperiment(passing, { profile: "ci", backend, seeds: 1 })).claims[0].status,
    "unexpected-pass",
  );
});

Deno.test("a throwing check is an error of that claim only", async () => {
  const claim = toy().claims[0];
  const exp = toy({
    claims: [claim, {
      ...claim,
      id: "A2",
      check: () => {
        throw new Error("boom");
      },
    }],
  });
  const r = await runExperiment(exp, { profile: "ci", backend, seeds: 1 });
  assertEquals(r.claims.map((c) => c.status), ["pass", "error"]);
  assert(r.claims[1].error?.includes("boom"));
});

Deno.test("statusOf: inconclusive never passes; per-part known failures need the other parts to hold", () => {
  const v = (pass: boolean, parts?: Record<string, boolean>, inconclusive?: string) => ({
    pass,
    measured: 0,
    expected: 0,
    tolerance: "",
    summary: "",
    parts,
    inconclusive,
  });
  assertEquals(statusOf(v(true, undefined, "1 seed, the test needs 5"), undefined), "inconclusive");
  assert(isFailure("inconclusive"));
  assertEquals(statusOf(v(false), "why"), "expected-fail");
  const known = { lr: "the lecture's rate does not train here" };
  assertEquals(statusOf(v(false, { lr: false, linear: true }), known), "expected-fail");
  assertEquals(statusOf(v(false, { lr: false, linear: false }), known), "fail");
  assertEquals(statusOf(v(true, { lr: true, linear: true }), known), "unexpected-pass");
  assertThrows(() => statusOf(v(false, { linear: false }), known), Error, "no part(s) lr");
});

Deno.test("runExperiment throws a UsageError from a run (bad input) instead of recording it as a result", async () => {
  const bad = toy({
    run: () => Promise.reject(new UsageError(`IDX data directory "/nope" does not exist`)),
  });
  await assertRejects(() => runExperiment(bad, { profile: "ci", backend }), UsageError, "/nope");
});

Deno.test("a falsifier must set a declared parameter", () => {
  const claim = toy().claims[0];
  assertThrows(
    () => toy({ claims: [{ ...claim, falsifiers: [{ name: "x", description: "y", set: { typo: "1" } }] }] }),
    Error,
    "unknown parameter(s) typo",
  );
});
