import { assert, assertEquals } from "../std.ts";
import { buildGraph } from "../module_graph.ts";
import { keyParts } from "./key.ts";
import { resultStore } from "./store.ts";
import type { ExperimentResult } from "../runner.ts";

/** A fake repository: two families, one helper imported by family a only. */
async function fakeRepo(): Promise<string> {
  const root = await Deno.makeTempDir();
  const files: Record<string, string> = {
    "deno.lock": "{}",
    "lib/runner.ts": `import "./backend.ts";`,
    "lib/backend.ts": ``,
    "lib/helper.ts": `export const x = 1;`,
    "experiments/a/mod.ts": `import { x } from "../../lib/helper.ts";`,
    "experiments/b/mod.ts": `export const y = 2;`,
  };
  for (const [f, text] of Object.entries(files)) {
    await Deno.mkdir(`${root}/${f.split("/").slice(0, -1).join("/") || "."}`, { recursive: true });
    await Deno.writeTextFile(`${root}/${f}`, text);
  }
  return root;
}

const graphOf = (root: string) =>
  buildGraph(
    ["lib/runner.ts", "lib/backend.ts", "lib/helper.ts", "experiments/a/mod.ts", "experiments/b/mod.ts"],
    (f) => Deno.readTextFileSync(`${root}/${f}`),
  );

function parts(root: string, experiment: string, seeds = [1, 2, 3]) {
  return keyParts({
    experiment,
    profile: "ci",
    seeds,
    params: { width: 64 },
    backend: { name: "cpu", device: "js" },
    tfjs: "4.22.0",
    graph: graphOf(root),
    root,
  });
}

function result(id: string, dataFiles?: Record<string, string>): ExperimentResult {
  return {
    id,
    claims: [{ id: "A1", status: "pass" }],
    runs: [{ seed: 1, data: 1 }],
    provenance: { commit: "abc", dataFiles },
  } as unknown as ExperimentResult;
}

Deno.test("an edited helper re-runs exactly the experiments that import it, and says so", async () => {
  const root = await fakeRepo();
  const store = resultStore(`${root}/.cache/results`);
  for (const id of ["a", "b"]) {
    assertEquals(await store.lookup(await parts(root, id)), { reasons: ["nothing cached yet"] });
    await store.save(await parts(root, id), result(id));
  }
  assert("hit" in await store.lookup(await parts(root, "a")));
  await Deno.writeTextFile(`${root}/lib/helper.ts`, `export const x = 2;`);
  assertEquals(await store.lookup(await parts(root, "a")), { reasons: ["lib/helper.ts changed"] });
  const b = await store.lookup(await parts(root, "b"));
  assert("hit" in b && b.hit.cached?.commit === "abc", "b does not import the helper: still cached");
  assertEquals(await store.lookup(await parts(root, "b", [1, 2, 3, 4, 5])), { reasons: ["seeds 1–3 → 1–5"] });
  await Deno.writeTextFile(`${root}/lib/backend.ts`, `// engine edit`);
  assertEquals(await store.lookup(await parts(root, "b")), { reasons: ["lib/backend.ts changed"] });
});

Deno.test("a corrupt cache entry is dropped with a warning and re-run, never trusted", async () => {
  const root = await fakeRepo();
  const dir = `${root}/.cache/results`;
  const store = resultStore(dir);
  const p = await parts(root, "a");
  await store.save(p, result("a"));
  for (const f of Deno.readDirSync(`${dir}/a`)) {
    if (!f.name.startsWith("last-")) await Deno.writeTextFile(`${dir}/a/${f.name}`, `{"version":1,"trunc`);
  }
  const miss = await store.lookup(p);
  assert("reasons" in miss && miss.warning?.startsWith("dropped a corrupt cache entry"), JSON.stringify(miss));
  assertEquals(await store.lookup(p), { reasons: ["its cache entry is gone"] });
});

Deno.test("a changed data file is a reason to re-run; a crashed run is never cached", async () => {
  const root = await fakeRepo();
  const store = resultStore(`${root}/.cache/results`);
  const data = `${root}/images.idx`;
  await Deno.writeTextFile(data, "pixels");
  const { sha256 } = await import("../data/read_log.ts");
  const p = await parts(root, "a");
  await store.save(p, result("a", { [data]: await sha256("pixels") }));
  assert("hit" in await store.lookup(p));
  await Deno.writeTextFile(data, "other pixels");
  assertEquals(await store.lookup(p), { reasons: [`data file ${data} changed`] });
  const q = await parts(root, "b");
  await store.save(q, { ...result("b"), error: "out of memory" });
  assertEquals(await store.lookup(q), { reasons: ["nothing cached yet"] });
});

Deno.test("codeHashOf changes with a module the experiment imports, and only for that experiment", async () => {
  const { codeHashOf } = await import("./key.ts");
  const root = await fakeRepo();
  const [a1, b1] = [await codeHashOf("a", root), await codeHashOf("b", root)];
  assertEquals(a1.length, 16);
  assert(a1 !== b1);
  await Deno.writeTextFile(`${root}/lib/helper.ts`, `export const x = 3;`);
  assert(await codeHashOf("a", root) !== a1, "a imports the helper");
  assertEquals(await codeHashOf("b", root), b1, "b does not");
});
