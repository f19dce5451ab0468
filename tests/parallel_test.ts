import { assert, assertEquals } from "../lib/std.ts";
import { main } from "../lib/cli.ts";
import { resultWrittenSince, workerArgs } from "../lib/parallel.ts";
import { compareResultDirs } from "../lib/report/same_results.ts";
import { piecesOf } from "../lib/cli_execute.ts";
import type { Options } from "../lib/cli_options.ts";
import type { Experiment } from "../lib/experiment.ts";

const quietIo = () => {
  const lines: string[] = [];
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
};

Deno.test("piecesOf: longest first; a long experiment's seeds split, the short ones whole, unknown ones last", () => {
  const exp = (id: string, seeds: number) => ({ id, seeds: { ci: seeds, full: seeds } }) as unknown as Experiment;
  const opts = { profile: "ci", firstSeed: 1 } as unknown as Options;
  const todo = [exp("a", 3), exp("b", 1), exp("c", 3), exp("d", 2)];
  const pieces = piecesOf(opts, todo, new Map([["a", 90], ["b", 20], ["c", 10], ["d", 10]]), 2);
  // fair share 65: "a" (90) is over half of it, split in ceil(180 / 65) = 3 single seeds of 30
  assertEquals(pieces.map((p) => [p.item.id, p.block.first, p.block.count, p.load]), [
    ["a", 1, 1, 30],
    ["a", 2, 1, 30],
    ["a", 3, 1, 30],
    ["b", 1, 1, 20],
    ["c", 1, 3, 10],
    ["d", 1, 2, 10],
  ]);
  const unknown = piecesOf(opts, todo, new Map([["a", 90]]), 2);
  assertEquals(unknown.map((p) => p.item.id), ["a", "b", "c", "d"], "no split without every duration; registry order");
});

Deno.test("piecesOf: a shard's block of a long experiment is split over the workers by its share of the time", () => {
  const exp = (id: string, seeds: number) => ({ id, seeds: { ci: seeds, full: seeds } }) as unknown as Experiment;
  const todo = [exp("a", 10), exp("b", 1)];
  const opts = {
    profile: "ci",
    firstSeed: 1,
    blocks: new Map([["a", [{ first: 4, count: 3 }]]]),
  } as unknown as Options;
  // "a" takes 1000 for 10 seeds: its block of 3 weighs 300, "b" 50; fair share 175, so the block splits
  const pieces = piecesOf(opts, todo, new Map([["a", 1000], ["b", 50]]), 2);
  assertEquals(pieces.map((p) => [p.item.id, p.block.first, p.block.count, p.load, p.split]), [
    ["a", 4, 1, 100, true],
    ["a", 5, 1, 100, true],
    ["a", 6, 1, 100, true],
    ["b", 1, 1, 50, false],
  ]);
  const short = piecesOf(opts, todo, new Map([["a", 100], ["b", 500]]), 2);
  assertEquals(short.map((p) => [p.item.id, p.block.first, p.block.count]), [["b", 1, 1], ["a", 4, 3]], "short: whole");
});

Deno.test("workerArgs: one experiment, JSON only, no --allow-run for the worker", () => {
  const args = workerArgs("init", { flags: ["--profile", "ci"], out: "reports" });
  assert(args.includes("--no-pages") && args.includes("init") && !args.some((a) => a.startsWith("--allow-run")));
  assertEquals(args.slice(args.indexOf("--jobs"), args.indexOf("--jobs") + 2), ["--jobs", "1"]);
});

Deno.test("--jobs 2 gives the same results as --jobs 1, and one report", async () => {
  const [a, b] = [await Deno.makeTempDir(), await Deno.makeTempDir()];
  try {
    const args = [
      "optimizers",
      "babysitting",
      "--backend",
      Deno.env.get("CLAIMBOOK_BACKEND") || "auto",
      "--quiet",
      "--seeds",
      "1",
    ];
    const serial = quietIo(), parallel = quietIo();
    // one seed: the sign tests are inconclusive (exit 1) in both runs alike
    const code = await main([...args, "--fresh", "--jobs", "1", "--out", a], serial.io);
    assertEquals(
      await main([...args, "--fresh", "--jobs", "2", "--out", b], parallel.io),
      code,
      parallel.lines.join("\n"),
    );
    assertEquals(await compareResultDirs(a, b), []);
    assert(
      parallel.lines.some((l) => l.startsWith("optimizers: ")) && parallel.lines.some((l) => /^babysitting: /.test(l)),
    );
    const index = await Deno.readTextFile(`${b}/index.html`);
    assert(index.includes("optimizers") && index.includes("babysitting"), "the parent writes the pages");
  } finally {
    await Deno.remove(a, { recursive: true });
    await Deno.remove(b, { recursive: true });
  }
});

Deno.test("from a fresh report directory, --jobs splits a long experiment's seeds by the baseline's times", async () => {
  const [a, b] = [await Deno.makeTempDir(), await Deno.makeTempDir()];
  try {
    const args = ["optimizers", "--backend", Deno.env.get("CLAIMBOOK_BACKEND") || "auto", "--seeds", "2", "--fresh"];
    const serial = quietIo(), parallel = quietIo();
    const code = await main([...args, "--jobs", "1", "--out", a], serial.io);
    assertEquals(await main([...args, "--jobs", "2", "--out", b], parallel.io), code, parallel.lines.join("\n"));
    assert(
      parallel.lines.some((l) => l.includes("optimizers: seeds run in parallel (seed 1, seed 2)")),
      parallel.lines.join("\n"),
    );
    assertEquals(await compareResultDirs(a, b), []);
  } finally {
    await Deno.remove(a, { recursive: true });
    await Deno.remove(b, { recursive: true });
  }
});

Deno.test("a worker's result is read only if this run wrote it (a crashed worker never reports a stale file)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const file = `${dir}/init.json`;
    await Deno.writeTextFile(file, JSON.stringify({ id: "init" }));
    const written = (await Deno.stat(file)).mtime!.getTime();
    assertEquals(await resultWrittenSince(file, written + 5000), "not written by this run");
    assertEquals(await resultWrittenSince(file, written), { id: "init" } as never);
    assert(typeof await resultWrittenSince(`${dir}/missing.json`, 0) === "string");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
