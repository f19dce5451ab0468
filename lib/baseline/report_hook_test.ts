/**
 * `deno task report` against a baseline, end to end in process (lib/cli.ts with a one-claim
 * experiment): drift warns, --strict fails, a regression fails with its reason, the index shows
 * the changes, the experiment page the baseline's values, and a bad baseline is exit 2.
 */
import { assert, assertEquals, assertMatch } from "../std.ts";
import { main } from "../cli.ts";
import { main as baselineMain } from "./cli.ts";
import { demo } from "./fixtures_test_util.ts";

function capture() {
  const out: string[] = [], err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

Deno.test("report: drift warns, --strict fails, a regression fails with its reason, pages show the changes", async () => {
  const dir = await Deno.makeTempDir({ prefix: "claimbook-hook-" });
  const flags = ["--backend", "cpu", "--quiet"];
  let c = capture();
  assertEquals(await main([...flags, "--out", `${dir}/a`, "--baseline", "none"], c.io, [demo]), 0, c.err.join("\n"));
  const file = `${dir}/baseline/ci.json`;
  assertEquals(await baselineMain(["--from", `${dir}/a`, "--out", file], capture().io, [demo]), 0);

  c = capture();
  const drift = [...flags, "--out", `${dir}/b`, "--baseline", file, "--set", "demo.value=1.5"];
  assertEquals(await main(drift, c.io, [demo]), 0, "drift alone is a warning");
  let text = c.out.join("\n");
  assertMatch(text, /Compared with .*ci\.json .*: 1 experiments, 1 claims, 1 numbers: 0 regressions, 1 drift/);
  assertMatch(text, /drift\s+demo\/D1 drift: value 1 → 1\.5, outside the band ±0\.1 \(default ±10%\)/);
  const index = await Deno.readTextFile(`${dir}/b/index.html`);
  assertMatch(index, /<h2 id="changes">Changes since the baseline<\/h2>/);
  assertMatch(
    index,
    /<a href="demo\.html#D1">demo\/D1<\/a><\/td>\s*<td>value<\/td><td class="num">1<\/td><td class="num">1\.5<\/td>/,
  );
  const page = await Deno.readTextFile(`${dir}/b/demo.html`);
  assertMatch(page, /<th>Measured<\/th><th>Baseline<\/th>/);
  assertMatch(
    page,
    /<span class="badge pass">pass<\/span> <ul class="measure"><li>value: 1<\/li><\/ul><br><span class="muted">Drift:/,
  );
  assertEquals(await main([...drift, "--strict"], capture().io, [demo]), 1, "drift fails with --strict");

  c = capture();
  assertEquals(
    await main([...flags, "--out", `${dir}/c`, "--baseline", file, "--set", "demo.value=20"], c.io, [demo]),
    1,
  );
  text = c.out.join("\n");
  assertMatch(text, /REGRESSION demo\/D1 regression: pass → fail: The value 20 is not below 10\./);
  assertMatch(text, /A regression fails this run/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("report: a corrupt or other-profile baseline is exit 2, one line, nothing written", async () => {
  const dir = await Deno.makeTempDir({ prefix: "claimbook-hook-" });
  const bad = `${dir}/bad.json`;
  await Deno.writeTextFile(bad, "[1, 2");
  const full = `${dir}/full.json`;
  const c0 = capture();
  assertEquals(
    await main(["--backend", "cpu", "--quiet", "--out", `${dir}/a`, "--baseline", "none"], c0.io, [demo]),
    0,
  );
  assertEquals(
    await baselineMain(["--from", `${dir}/a`, "--out", `${dir}/ci.json`], capture().io, [demo]),
    0,
  );
  const ci = JSON.parse(await Deno.readTextFile(`${dir}/ci.json`));
  await Deno.writeTextFile(full, JSON.stringify({ ...ci, profile: "full" }));
  for (const [file, message] of [[bad, /is not valid JSON/], [full, /is of profile full, not ci/]] as const) {
    const c = capture();
    assertEquals(await main(["--backend", "cpu", "--out", `${dir}/never`, "--baseline", file], c.io, [demo]), 2);
    assertEquals(c.err.length, 1, c.err.join("\n"));
    assertMatch(c.err[0], new RegExp(`^error: Baseline file "${file}" ${message.source}`));
  }
  assert(!(await Deno.stat(`${dir}/never`).then(() => true, () => false)), "nothing written");
  await Deno.remove(dir, { recursive: true });
});
