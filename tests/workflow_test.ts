/** The example CI workflow (.github/workflows/claimbook-full.yml) is valid YAML and calls only documented commands. */
import { assert, assertEquals } from "../lib/std.ts";
import { parse } from "yaml";

const root = new URL("..", import.meta.url);
const read = (f: string) => Deno.readTextFileSync(new URL(f, root));

Deno.test("the shard workflow is valid YAML: a matrix of shards, then a merge job over their artifacts", () => {
  const wf = parse(read(".github/workflows/claimbook-full.yml"));
  const shard = wf.jobs.shard;
  const merge = wf.jobs.merge;
  assertEquals(shard.strategy.matrix.shard, [1, 2, 3, 4]);
  assertEquals(merge.needs, "shard");
  const runs = (job: { steps: { run?: string }[] }) => job.steps.flatMap((s) => s.run ? s.run.split("\n") : []);
  assert(runs(shard).some((l: string) => l.includes("--shard ${{ matrix.shard }}/4")));
  assert(runs(merge).some((l: string) => l.startsWith("deno task merge reports/shard-1")));
});

Deno.test("every deno task the workflow calls exists and is documented in the README, with its flags", () => {
  const wf = parse(read(".github/workflows/claimbook-full.yml"));
  const tasks = JSON.parse(read("deno.json")).tasks;
  const readme = read("README.md");
  const lines = Object.values(wf.jobs as Record<string, { steps: { run?: string }[] }>)
    .flatMap((j) => j.steps.flatMap((s) => s.run ? s.run.split("\n") : []))
    .filter((l) => l.trim().startsWith("deno task"));
  assert(lines.length >= 2);
  for (const line of lines) {
    const [, , task, ...rest] = line.trim().split(/\s+/);
    assert(task in tasks, `deno task ${task} is not in deno.json`);
    assert(readme.includes(`deno task ${task}`), `README does not document deno task ${task}`);
    for (const flag of rest.filter((w) => w.startsWith("--"))) {
      assert(readme.includes(flag), `README does not document ${flag} (used by: ${line.trim()})`);
    }
  }
});
