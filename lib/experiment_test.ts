import { assertThrows } from "./std.ts";
import { defineExperiment } from "./experiment.ts";

const base = {
  id: "ok",
  title: "T",
  lecture: [],
  summary: "",
  params: {},
  seeds: { ci: 1, full: 1 },
  run: () => Promise.resolve({}),
  claims: [{
    id: "A1",
    kind: "value" as const,
    statement: "",
    check: () => ({ pass: true, measured: 1, expected: 1, tolerance: "", summary: "" }),
  }],
};

Deno.test("defineExperiment rejects malformed declarations with a message naming the problem", () => {
  assertThrows(() => defineExperiment({ ...base, id: "Bad Id" }), Error, "lower-case");
  assertThrows(() => defineExperiment({ ...base, seeds: { ci: 0, full: 1 } }), Error, "seeds.ci");
  assertThrows(() => defineExperiment({ ...base, claims: [] }), Error, "no claim");
  assertThrows(
    () => defineExperiment({ ...base, claims: [base.claims[0], base.claims[0]] }),
    Error,
    'claim "A1" is declared twice',
  );
  assertThrows(() => defineExperiment({ ...base, claims: [{ ...base.claims[0], id: "Z9x" }] }), Error, "catalogue id");
  assertThrows(() => defineExperiment({ ...base, claims: [{ ...base.claims[0], kind: "quiz" }] }), Error, "answer key");
});
