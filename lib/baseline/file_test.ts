/** Tests of reading baselines and report directories: bad files are one-line usage errors naming the file. */
import { assertEquals, assertMatch, assertRejects } from "../std.ts";
import { UsageError } from "../params.ts";
import { readBaseline, readBaselineIfAny, readSide, reviewJson, writeBaseline } from "./file.ts";
import { snapshot } from "./snapshot.ts";
import { fakeResult, resultDir } from "./fixtures_test_util.ts";

const results = [fakeResult("init", [{ id: "C2", status: "pass", measured: [0.49, 0.29] }])];

Deno.test("a written baseline reads back, with its own path as source", async () => {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/baseline/ci.json`;
  const b = snapshot(results, "ci", "reports");
  await writeBaseline(path, b);
  assertEquals(await readBaseline(path, "ci"), { ...b, source: path });
  assertEquals(await readBaselineIfAny(`${dir}/none.json`, "ci"), undefined);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("missing, corrupt, other-version, malformed and other-profile baselines are refused in one line", async () => {
  const dir = await Deno.makeTempDir();
  const good = snapshot(results, "ci", "reports");
  const cases: [string, string, RegExp][] = [
    [
      "corrupt.json",
      "{ not json",
      /Baseline file ".*corrupt\.json" is not valid JSON .*git checkout -- .*corrupt\.json/,
    ],
    ["v2.json", JSON.stringify({ ...good, version: 2 }), /has version 2, this claimbook reads version 1/],
    ["other.json", JSON.stringify({ hello: 1 }), /is not a claimbook baseline/],
    [
      "zero.json",
      JSON.stringify({
        ...good,
        experiments: {
          init: {
            ...good.experiments.init,
            claims: { C2: { status: "pass", numbers: { x: { value: 1, band: 0 } }, texts: {} } },
          },
        },
      }),
      /bad number "init\/C2 x" \(needs a finite value and a band > 0\)/,
    ],
    [
      "full.json",
      JSON.stringify({ ...good, profile: "full" }),
      /is of profile full, not ci: compare ci runs with reports\/baseline\/ci\.json/,
    ],
  ];
  for (const [name, text, message] of cases) {
    await Deno.writeTextFile(`${dir}/${name}`, text);
    const e = await assertRejects(() => readBaseline(`${dir}/${name}`, "ci"), UsageError);
    assertMatch(e.message, message);
    assertEquals(e.message.split("\n").length, 1);
    assertEquals(await Deno.readTextFile(`${dir}/${name}`), text, "nothing overwritten");
  }
  const missing = await assertRejects(() => readBaseline(`${dir}/missing.json`), UsageError);
  assertMatch(missing.message, /Baseline file ".*missing\.json" does not exist: .*deno task baseline/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a side is a report directory, a result file or a baseline file", async () => {
  const dir = await resultDir([...results, fakeResult("layers", [{ id: "A1", status: "pass", measured: 3 }])]);
  await Deno.writeTextFile(`${dir}/bench.json`, JSON.stringify({ rounds: 3 }));
  assertEquals(Object.keys((await readSide(dir)).experiments), ["init", "layers"]);
  assertEquals(Object.keys((await readSide(`${dir}/init.json`)).experiments), ["init"]);
  await Deno.writeTextFile(`${dir}/full.json`, JSON.stringify(fakeResult("full", [], { profile: "full" })));
  await assertRejects(() => readSide(dir), UsageError, "holds results of profiles ci and full: pass --profile");
  assertEquals(Object.keys((await readSide(dir, "ci")).experiments), ["init", "layers"]);
  await assertRejects(() => readSide(`${dir}/nope`), UsageError, "does not exist");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("reviewJson keeps arrays of plain values and small flat objects on one line and parses back equal", () => {
  const v = { a: [1, 2, "x[1, 2]"], b: { c: [{ d: null }], e: {} }, f: [] };
  assertEquals(
    reviewJson(v),
    '{\n  "a": [1,2,"x[1, 2]"],\n  "b": {\n    "c": [\n      {"d":null}\n    ],\n    "e": {}\n  },\n  "f": []\n}',
  );
  assertEquals(JSON.parse(reviewJson(v)), v);
});
