/** The command line end to end, in process: usage errors, and a real report built into a temp dir. */
import { assert, assertEquals, assertMatch } from "../lib/std.ts";
import { main } from "../lib/cli.ts";
import { meanFieldStds } from "../lib/stats.ts";
import type { ExperimentResult } from "../lib/runner.ts";

function capture() {
  const out: string[] = [], err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}

Deno.test("--help and --list exit 0 and describe the options and the claims", async () => {
  const c = capture();
  assertEquals(await main(["--help"], c.io), 0);
  assertMatch(c.out.join("\n"), /--set ID\.NAME=VALUE/);
  assertEquals(await main(["--list"], c.io), 0);
  assertMatch(c.out.join("\n"), /C7\s+erratum/);
});

Deno.test("usage errors exit 2 with one line naming the bad value, and write nothing", async () => {
  const dir = await Deno.makeTempDir();
  const out = `${dir}/never`;
  const cases: [string[], RegExp][] = [
    [["inti"], /Unknown experiment "inti": did you mean "init"\?/],
    [["init", "--set", "init.width=abc"], /Parameter "init\.width" expects integer/],
    [["init", "--set", "init.widht=5"], /did you mean "init\.width"/],
    [["init", "--backend", "gpu"], /Unknown backend "gpu"/],
    [["init", "--profile", "fast"], /Unknown profile "fast"/],
    [["init", "--seeds", "0"], /--seeds must be an integer ≥ 1/],
    [["init", "--bogus"], /Unknown option/],
  ];
  for (const [args, message] of cases) {
    const c = capture();
    assertEquals(await main([...args, "--out", out], c.io), 2, args.join(" "));
    assertEquals(c.err.length, 1, args.join(" "));
    assertMatch(c.err[0], message);
  }
  assert(!(await exists(out)));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a report built with --set has every claim's verdict, SVG charts and computed expectations", async () => {
  const dir = await Deno.makeTempDir();
  const args = ["init", "--set", "init.width=1024", "--seeds", "1", "--quiet", "--fresh"];
  const c = capture();
  const code = await main([...args, "--out", `${dir}/a`], c.io);
  const result: ExperimentResult = JSON.parse(await Deno.readTextFile(`${dir}/a/init.json`));
  assertEquals(code, result.claims.some((x) => x.status !== "pass") ? 1 : 0);
  const index = await Deno.readTextFile(`${dir}/a/index.html`);
  const page = await Deno.readTextFile(`${dir}/a/init.html`);
  for (const claim of result.claims) {
    assertMatch(index, new RegExp(`<b>${claim.id}</b>[\\s\\S]*?class="badge ${claim.status}"`));
    assertMatch(page, new RegExp(`<tr id="${claim.id}">`));
  }
  assertMatch(page, /<svg[^>]*class="marks"/);
  assert(
    !/https?:\/\/(?!www\.w3\.org)/.test(page.replace(/data:application\/json[^"]*/g, "")),
    "the page links outside",
  );
  assertMatch(index, /id="errata"[\s\S]*C7/);
  // At width 1024 the expectation is the variance recursion, not the slide's 4096 table.
  const c2 = result.claims.find((x) => x.id === "C2")!;
  const want = meanFieldStds(Math.tanh, () => 0.01, 1024, 6).map((x) => Number(x.toPrecision(4)));
  const expected = c2.verdict!.expected as Record<string, string>;
  assertEquals(JSON.parse(expected["std per layer"]), want);
  assert(c2.verdict!.tolerance.includes("variance recursion"));
  // The same seed gives the same JSON apart from provenance (time, date).
  await main([...args, "--out", `${dir}/b`], capture().io);
  const again: ExperimentResult = JSON.parse(await Deno.readTextFile(`${dir}/b/init.json`));
  const strip = ({ provenance: _, ...rest }: ExperimentResult) => rest;
  assertEquals(strip(again), strip(result));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("bad data is a usage error: one line even with --quiet, exit 2, the earlier result kept", async () => {
  const dir = await Deno.makeTempDir();
  const earlier = `{"id":"babysitting","earlier":true}`;
  await Deno.writeTextFile(`${dir}/babysitting.json`, earlier);
  const truncated = `${dir}/idx`;
  await Deno.mkdir(truncated);
  for (
    const f of [
      "train-images-idx3-ubyte",
      "train-labels-idx1-ubyte",
      "t10k-images-idx3-ubyte",
      "t10k-labels-idx1-ubyte",
    ]
  ) {
    await Deno.writeFile(`${truncated}/${f}`, new Uint8Array([0, 0]));
  }
  for (const dataDir of [`${dir}/missing`, truncated]) {
    const c = capture();
    const args = ["babysitting", "--set", "babysitting.data=idx", "--set", `babysitting.dataDir=${dataDir}`];
    assertEquals(await main([...args, "--quiet", "--out", dir], c.io), 2, dataDir);
    assertEquals(c.err.length, 1, c.err.join("\n"));
    assertMatch(c.err[0], /^error: .*(does not exist|truncated)/);
    assertEquals(c.out, []);
    assertEquals(await Deno.readTextFile(`${dir}/babysitting.json`), earlier);
  }
});

Deno.test("a second report with nothing changed reuses the cached result and says so; --fresh runs again", async () => {
  const dir = await Deno.makeTempDir();
  const args = ["optimizers", "--cache", `${dir}/cache`, "--out", `${dir}/r`, "--quiet", "--baseline", "none"];
  const first = capture();
  assertEquals(await main(args, first.io), 0, first.err.join("\n"));
  const ran: ExperimentResult = JSON.parse(await Deno.readTextFile(`${dir}/r/optimizers.json`));
  const again = capture();
  const t0 = performance.now();
  assertEquals(await main(args, again.io), 0);
  assert(performance.now() - t0 < ran.provenance.durationMs, "the cached run is faster than running");
  assertMatch(again.out[0], /^optimizers: 11\/11 claims hold \(cached from \d{4}-\d\d-\d\d \d\d:\d\d, commit /);
  const cached: ExperimentResult = JSON.parse(await Deno.readTextFile(`${dir}/r/optimizers.json`));
  const { cached: mark, ...rest } = cached;
  assert(mark?.date);
  assertEquals(rest, ran);
  assertMatch(await Deno.readTextFile(`${dir}/r/index.html`), /cached from \d{4}-\d\d-\d\d/);
  const fresh = capture();
  assertEquals(await main([...args.slice(0, -2), "--fresh"], fresh.io), 0);
  assert(!fresh.out[0].includes("cached"), fresh.out[0]);
  await Deno.remove(dir, { recursive: true });
});
