/** Tests of the comparison: drift, regression, news, added/removed claims, environment, run time. */
import { assert, assertEquals, assertMatch } from "../std.ts";
import { compare, failsRun, only } from "./compare.ts";
import { snapshot } from "./snapshot.ts";
import { fakeResult } from "./fixtures_test_util.ts";

const base = () => [
  fakeResult("init", [
    { id: "C2", status: "pass", measured: [0.4929, 0.2896, 0.1801] },
    { id: "C3", status: "fail", measured: { ratio: 1.5, steps: "10, 12, 14" }, tolerance: "every seed" },
    { id: "C4", status: "pass", measured: { ok: true } },
  ]),
];

Deno.test("identical results: no change", () => {
  const c = compare(snapshot(base(), "ci", "a"), snapshot(base(), "ci", "b"));
  assertEquals(c.changes, []);
  assertEquals(c.compared, { experiments: 1, claims: 3, numbers: 7 });
  assert(!failsRun(c, true));
});

Deno.test("an edited number outside its band is drift, with old and new value and the band", () => {
  const now = base();
  (now[0].claims[0].verdict!.measured as number[])[1] = 0.35; // band ±0.02 from the tolerance
  (now[0].claims[0].verdict!.measured as number[])[2] = 0.19; // inside the band: not reported
  const c = compare(snapshot(base(), "ci", "a"), snapshot(now, "ci", "b"));
  assertEquals(c.changes.length, 1, c.changes.map((x) => x.message).join("\n"));
  const d = c.changes[0];
  assertEquals([d.severity, d.experiment, d.claim, d.name, d.old, d.new], [
    "drift",
    "init",
    "C2",
    "measured[1]",
    "0.2896",
    "0.35",
  ]);
  assertMatch(d.message, /init\/C2 drift: measured\[1\] 0\.2896 → 0\.35, outside the band ±0\.02 \(tolerance ±0\.02\)/);
  assert(!failsRun(c, false), "drift alone is a warning");
  assert(failsRun(c, true), "drift fails with --strict");
});

Deno.test("pass → fail is a regression that fails the run; fail → pass is news", () => {
  const now = base();
  now[0].claims[0].status = "fail";
  now[0].claims[0].verdict!.summary = "Layer 2 is off.";
  now[0].claims[1].status = "pass";
  now[0].claims[1].verdict!.summary = "C3 holds.";
  const c = compare(snapshot(base(), "ci", "a"), snapshot(now, "ci", "b"));
  const reg = c.changes.find((x) => x.severity === "regression")!;
  assertEquals(reg.message, "init/C2 regression: pass → fail: Layer 2 is off.");
  assertEquals(c.changes.find((x) => x.severity === "news")!.message, "init/C3 news: fail → pass: C3 holds.");
  assert(failsRun(c, false));
});

Deno.test("texts, booleans, claims added and removed, environment, parameters, seeds and a slow run", () => {
  const now = base();
  now[0].claims[1].verdict!.measured = { ratio: 1.5, steps: "10, 12" };
  now[0].claims[2] = { ...now[0].claims[2], id: "C9" };
  now[0].params = { width: 32 };
  now[0].seeds = [1, 2];
  now[0].provenance.durationMs = 1600;
  now[0].backend = { ...now[0].backend, name: "wasm" };
  const c = compare(snapshot(base(), "ci", "a"), snapshot(now, "ci", "b"));
  const lines = c.changes.map((x) => `${x.severity} ${x.message}`);
  for (
    const want of [
      "info environment: backend cpu → wasm",
      "info init: parameter width 16 → 32",
      "info init: seeds 1, 2, 3 → 1, 2",
      "info init: run time 1.0 s → 1.6 s (1.6× the baseline's; reported, not failed)",
      "drift init/C3 drift: steps#3 14 → absent",
      'drift init/C3 drift: steps "#, #, #" → "#, #"',
      "drift init/C4 removed (was pass in the baseline)",
      "info init/C9 added (pass)",
    ]
  ) assert(lines.includes(want), `missing "${want}" in\n${lines.join("\n")}`);
  assert(!failsRun(c, false));
});

Deno.test("experiments not run are listed, not removed; only() keeps the named ones", () => {
  const old = snapshot([...base(), fakeResult("layers", [{ id: "A1", status: "pass", measured: 1 }])], "ci", "a");
  const c = compare(old, snapshot(base(), "ci", "b"));
  assertEquals(c.changes.map((x) => x.kind), ["experiment-missing"]);
  assertEquals(only(c, ["init"]).changes, []);
});

Deno.test("wall-clock numbers are not compared", () => {
  const r = (ratio: number) => [
    fakeResult("augmentation", [{
      id: "E5",
      status: "pass",
      measured: { "forward-pass cost ratio": ratio, "accuracy delta (TTA − plain)": 0.005 },
      tolerance: "forward cost within [n/2, 2n]",
    }]),
  ];
  const old = snapshot(r(8), "ci", "a");
  assertEquals(old.experiments.augmentation.claims.E5.wallClock, ["forward-pass cost ratio"]);
  assertEquals(compare(old, snapshot(r(80), "ci", "b")).changes, []);
});
