/** `--shard 1/2` + `--shard 2/2` + `deno task merge` gives the report of a single run (timing aside). */
import { assert, assertEquals } from "../lib/std.ts";
import { defineExperiment, type Experiment } from "../lib/experiment.ts";
import { main } from "../lib/cli.ts";
import { merge } from "../lib/merge_cli.ts";
import { readResultDir, writeBaseline } from "../lib/baseline/file.ts";
import { snapshot } from "../lib/baseline/snapshot.ts";

function toy(id: string, claim: string): Experiment {
  return defineExperiment({
    id,
    title: `Toy ${id}`,
    lecture: [],
    summary: "A toy.",
    params: { n: { ci: 4, full: 8, min: 1, integer: true, doc: "Count." } },
    seeds: { ci: 2, full: 3 },
    run: async ({ params, rng, tf }) => {
      const t = tf.tensor1d(rng.normals(params.n as number));
      const values = Array.from(await t.data());
      t.dispose();
      return { values };
    },
    claims: [{
      id: claim,
      kind: "value",
      statement: "n values",
      falsifiers: [{ name: "n", description: "n", set: { n: "2" } }],
      check: (runs, p) => ({
        pass: runs.every((r) => r.data.values.length === p.n),
        measured: runs[0].data.values.length,
        expected: p.n,
        tolerance: "exact",
        summary: "n values.",
      }),
    }],
  });
}

const exps = [toy("toy-a", "A1"), toy("toy-b", "A2"), toy("toy-c", "A3")];
const quiet = { out: () => {}, err: () => {} };
/** Durations and dates are timing: masked before comparing pages. */
const untimed = (html: string) =>
  html.replace(/\d+(\.\d+)? (ms|s)\b|\d+ min \d+ s|\d{4}-\d\d-\d\dT[\d:.]+Z|\d{4}-\d\d-\d\d/g, "…");

Deno.test("shards 1/2 and 2/2 merged equal a single run: same results, same pages apart from timing", async () => {
  const dir = await Deno.makeTempDir();
  const common = ["--backend", "cpu", "--fresh", "--baseline", "none", "--cache", `${dir}/cache`, "--quiet"];
  assertEquals(await main([...common, "--out", `${dir}/single`], quiet, exps), 0);
  for (const i of [1, 2]) {
    assertEquals(await main([...common, "--shard", `${i}/2`, "--out", `${dir}/s${i}`], quiet, exps), 0);
  }
  const files = (d: string) => [...Deno.readDirSync(d)].map((e) => e.name).sort();
  assertEquals(files(`${dir}/s1`), ["toy-a.json", "toy-c.json"], "shard 1: results only, no pages");
  assertEquals(files(`${dir}/s2`), ["toy-b.json"]);
  await merge([`${dir}/s1`, `${dir}/s2`], { out: `${dir}/merged`, exps, baseline: "none" });
  assertEquals(files(`${dir}/merged`), files(`${dir}/single`));
  for (const f of files(`${dir}/single`)) {
    const [a, b] = [`${dir}/single/${f}`, `${dir}/merged/${f}`].map((p) => Deno.readTextFileSync(p));
    if (f.endsWith(".json")) {
      const strip = (t: string) => ({ ...JSON.parse(t), provenance: undefined });
      assertEquals(strip(b), strip(a), f);
    } else assertEquals(untimed(b), untimed(a), f);
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("an experiment missing from every shard shows as not run, with the reason", async () => {
  const dir = await Deno.makeTempDir();
  const common = ["--backend", "cpu", "--fresh", "--baseline", "none", "--cache", `${dir}/cache`, "--quiet"];
  assertEquals(await main([...common, "--shard", "1/2", "--out", `${dir}/s1`], quiet, exps), 0);
  await merge([`${dir}/s1`], { out: `${dir}/merged`, exps, baseline: "none" });
  const index = Deno.readTextFileSync(`${dir}/merged/index.html`);
  assert(
    /Toy toy-b[\s\S]*?not run<\/span> not run: in no shard&#39;s results/.test(index),
    "toy-b is listed as not run",
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("an experiment longer than a fair share is split by seeds across shards; merged, it equals a single run", async () => {
  const dir = await Deno.makeTempDir();
  const common = ["--backend", "cpu", "--fresh", "--cache", `${dir}/cache`, "--quiet"];
  assertEquals(await main([...common, "--baseline", "none", "--out", `${dir}/single`], quiet, exps), 0);
  // a committed baseline's durations steer the shards: toy-a (2 seeds) is far longer than the others
  const results = await readResultDir(`${dir}/single`);
  const baseline = snapshot(results, "ci", `${dir}/single`);
  for (const [id, ms] of [["toy-a", 1000], ["toy-b", 10], ["toy-c", 10]] as const) {
    baseline.experiments[id].durationMs = ms;
  }
  await writeBaseline(`${dir}/baseline.json`, baseline);
  const lines: string[] = [];
  const io = { out: () => {}, err: (l: string) => void lines.push(l) };
  for (const i of [1, 2]) {
    const args = [...common.slice(0, -1), "--baseline", `${dir}/baseline.json`, "--shard", `${i}/2`];
    assertEquals(await main([...args, "--out", `${dir}/s${i}`], io, exps), 0);
  }
  assert(lines.includes("  shard 1/2: toy-a (seed 1), toy-b"), lines.join("\n"));
  assert(lines.includes("  shard 2/2: toy-a (seed 2), toy-c"), lines.join("\n"));
  const part = JSON.parse(Deno.readTextFileSync(`${dir}/s1/toy-a.json`));
  assertEquals(part.seeds, [1], "a shard holds its seeds only");
  await merge([`${dir}/s1`, `${dir}/s2`], { out: `${dir}/merged`, exps, baseline: "none" });
  for (const id of ["toy-a", "toy-b", "toy-c"]) {
    const [a, b] = [`${dir}/single/${id}.json`, `${dir}/merged/${id}.json`].map((p) => Deno.readTextFileSync(p));
    const strip = (t: string) => ({ ...JSON.parse(t), provenance: undefined });
    assertEquals(strip(b), strip(a), id);
  }
  const [si, mi] = [`${dir}/single/index.html`, `${dir}/merged/index.html`].map((p) => Deno.readTextFileSync(p));
  assertEquals(untimed(mi), untimed(si));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a shard's part of a split experiment does not fail the shard: the merge judges it on all seeds", async () => {
  const dir = await Deno.makeTempDir();
  const [plain] = [toy("toy-p", "A4")];
  // holds only when judged on both seeds together, as a test over seeds does
  const pooled = defineExperiment({
    ...plain,
    id: "toy-p",
    claims: [{
      ...plain.claims[0],
      check: (runs) => ({ ...plain.claims[0].check(runs, { n: 4 }), pass: runs.length >= 2 }),
    }],
  });
  const two = [pooled, toy("toy-q", "A5")];
  const common = ["--backend", "cpu", "--fresh", "--cache", `${dir}/cache`];
  assertEquals(await main([...common, "--quiet", "--baseline", "none", "--out", `${dir}/single`], quiet, two), 0);
  const baseline = snapshot(await readResultDir(`${dir}/single`), "ci", `${dir}/single`);
  baseline.experiments["toy-p"].durationMs = 1000;
  baseline.experiments["toy-q"].durationMs = 10;
  await writeBaseline(`${dir}/baseline.json`, baseline);
  const lines: string[] = [];
  const io = { out: (l: string) => void lines.push(l), err: () => {} };
  const shard1 = [...common, "--baseline", `${dir}/baseline.json`, "--shard", "1/2", "--out", `${dir}/s1`];
  assertEquals(await main(shard1, io, two), 0, "toy-p's seed 1 alone fails its claim, yet the shard passes");
  assert(
    lines.includes("toy-p: 0/1 claims hold on seed 1 alone (" + lines[0].split(" alone (")[1]),
    lines.join("\n"),
  );
  assert(/\(.*, 1 of 2 seeds: deno task merge judges the claims on all of them\)$/.test(lines[0]), lines[0]);
  const shard2 = [...common, "--quiet", "--baseline", `${dir}/baseline.json`, "--shard", "2/2", "--out", `${dir}/s2`];
  assertEquals(await main(shard2, quiet, two), 0);
  const { failed } = await merge([`${dir}/s1`, `${dir}/s2`], { out: `${dir}/merged`, exps: two, baseline: "none" });
  assertEquals(failed, [], "no claim fails on all seeds");
  const merged = JSON.parse(Deno.readTextFileSync(`${dir}/merged/toy-p.json`));
  assertEquals(merged.claims[0].status, "pass", "judged on both seeds by the merge");
  // the merge reports a claim that fails on all seeds (deno task merge then exits 1)
  const alone = await merge([`${dir}/s1`], { out: `${dir}/alone`, exps: two, baseline: "none" });
  assertEquals(alone.failed, ["toy-p/A4"], "seed 1 alone: the pooled claim fails");
  // a shard that runs an experiment whole still fails on its failed claim
  const broken = [defineExperiment({ ...pooled, seeds: { ci: 1, full: 1 } })];
  assertEquals(
    await main([...common, "--quiet", "--baseline", "none", "--shard", "1/1", "--out", `${dir}/w`], quiet, broken),
    1,
  );
  await Deno.remove(dir, { recursive: true });
});
