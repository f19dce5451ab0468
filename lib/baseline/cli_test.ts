/** `deno task baseline` and `deno task diff` end to end, in process, on synthetic report directories. */
import { assert, assertEquals, assertMatch } from "../std.ts";
import { main as baselineMain } from "./cli.ts";
import { main as diffMain } from "./diff_cli.ts";
import { readBaseline } from "./file.ts";
import { fakeResult, resultDir } from "./fixtures_test_util.ts";

function capture() {
  const out: string[] = [], err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const registry = [{ id: "init", seeds: { ci: 3, full: 10 } }, { id: "layers", seeds: { ci: 3, full: 5 } }];
const results = (c2 = 0.29, status: "pass" | "fail" = "pass") => [
  fakeResult("init", [{ id: "C2", status, measured: [0.49, c2] }]),
  fakeResult("layers", [{ id: "A1", status: "pass", measured: { steps: "143, 85, 112" } }]),
];

Deno.test("baseline: writes a new file, refuses to overwrite without --update and says so, prints what --update changes", async () => {
  const from = await resultDir(results());
  const out = `${from}/baseline/ci.json`;
  let c = capture();
  assertEquals(await baselineMain(["--from", from, "--out", out], c.io, registry), 0, c.err.join("\n"));
  assertMatch(
    c.out.join("\n"),
    /Wrote .*ci\.json: 2 experiments, 5 numbers \(bands: 3 from the spread over seeds, 2 from/,
  );
  const first = await Deno.readTextFile(out);
  await Deno.writeTextFile(`${from}/init.json`, JSON.stringify(results(0.5)[0]));
  c = capture();
  assertEquals(await baselineMain(["--from", from, "--out", out], c.io, registry), 0);
  const text = c.out.join("\n");
  assertMatch(text, /What --update would change:/);
  assertMatch(text, /drift\s+init\/C2\s+measured\[1\]\s+0\.29\s+0\.5\s+±0\.02 \(tolerance ±0\.02\)/);
  assertMatch(text, /exists and was not overwritten: run with --update to replace it/);
  assertEquals(await Deno.readTextFile(out), first);
  c = capture();
  assertEquals(await baselineMain(["--from", from, "--out", out, "--update"], c.io, registry), 0);
  assertMatch(c.out.join("\n"), /What the update changes:[\s\S]*Updated/);
  assertEquals((await readBaseline(out)).experiments.init.claims.C2.numbers["measured[1]"].value, 0.5);
  await Deno.remove(from, { recursive: true });
});

Deno.test("baseline: bad input is one line, exit 2, nothing overwritten", async () => {
  const from = await resultDir(results());
  const out = `${from}/ci.json`;
  await Deno.writeTextFile(out, "{ corrupt");
  const cases: [string[], RegExp][] = [
    [["--update"], /^error: Baseline file ".*ci\.json" is not valid JSON .*git checkout -- /],
    [["--profile", "fast"], /^error: Unknown profile "fast"/],
    [["inti"], /^error: Unknown experiment "inti": did you mean "init"\?/],
  ];
  for (const [args, message] of cases) {
    const c = capture();
    assertEquals(await baselineMain([...args, "--from", from, "--out", out], c.io, registry), 2, args.join(" "));
    assertEquals(c.err.length, 1, c.err.join("\n"));
    assertMatch(c.err[0], message);
    assertEquals(await Deno.readTextFile(out), "{ corrupt");
  }
  await Deno.remove(out);
  await Deno.writeTextFile(`${from}/init.json`, JSON.stringify(fakeResult("init", [], { overridden: ["width"] })));
  let c = capture();
  assertEquals(await baselineMain(["--from", from, "--out", out], c.io, registry), 2);
  assertMatch(c.err[0], /init\.json" was run with --set width: .*rerun deno task report init without --set/);
  await Deno.writeTextFile(`${from}/init.json`, JSON.stringify(fakeResult("init", [], { seeds: [1] })));
  c = capture();
  assertEquals(await baselineMain(["--from", from, "--out", out], c.io, registry), 2);
  assertMatch(c.err[0], /has seeds 1, the ci profile's are 1, 2, 3/);
  await Deno.remove(`${from}/layers.json`);
  c = capture();
  assertEquals(await baselineMain(["layers", "--from", from, "--out", out], c.io, registry), 2);
  assertMatch(c.err[0], /has no ci result for "layers": run deno task report layers first/);
  assert(!(await Deno.stat(out).then(() => true, () => false)), "nothing written");
  await Deno.remove(from, { recursive: true });
});

Deno.test("diff: two report directories, a table, a page; a regression exits 1, drift only with --strict", async () => {
  const a = await resultDir(results());
  const b = await resultDir(results(0.5));
  const page = `${a}/diff.html`;
  let c = capture();
  assertEquals(await diffMain([a, b, "--out", page], c.io), 0, c.err.join("\n"));
  assertMatch(c.out[0], /Compared with .*: 2 experiments, 2 claims, 5 numbers: 0 regressions, 1 drift/);
  assertMatch(c.out.join("\n"), /severity\s+where\s+what\s+baseline\s+new\s+band\ndrift\s+init\/C2\s+measured\[1\]/);
  const html = await Deno.readTextFile(page);
  assertMatch(html, /<h1>Changes: .* against .*<\/h1>/);
  assertMatch(html, /<td>measured\[1\]<\/td><td class="num">0\.29<\/td><td class="num">0\.5<\/td>/);
  assertEquals(await diffMain([a, b, "--out", page, "--strict"], capture().io), 1);
  const failing = await resultDir(results(0.29, "fail"));
  c = capture();
  assertEquals(await diffMain([a, failing, "--out", page], c.io), 1);
  assertMatch(c.out.join("\n"), /regression\s+init\/C2\s+status\s+pass\s+fail/);
  c = capture();
  assertEquals(await diffMain([a, `${a}/missing`, "--out", page], c.io), 2);
  assertEquals(c.err.length, 1);
  assertMatch(c.err[0], /^error: ".*missing" does not exist/);
  for (const d of [a, b, failing]) await Deno.remove(d, { recursive: true });
});
