import { assert, assertEquals } from "../lib/std.ts";
import { experiments } from "../experiments/mod.ts";

Deno.test("experiments/mod.ts lists exactly the family folders of experiments/, each under its folder name", async () => {
  const folders: string[] = [];
  for await (const e of Deno.readDir(new URL("../experiments", import.meta.url))) {
    if (e.isDirectory) folders.push(e.name);
    else {assert(
        e.name === "mod.ts",
        `experiments/${e.name}: only the registry (mod.ts) and family folders belong here`,
      );}
  }
  assertEquals(experiments.map((e) => e.id).sort(), folders.sort());
});

Deno.test("every family folder has the standard split", async () => {
  const split = ["mod.ts", "params.ts", "types.ts", "run.ts", "claims.ts", "report.ts"];
  for (const e of experiments) {
    for (const f of split) {
      const path = new URL(`../experiments/${e.id}/${f}`, import.meta.url);
      const stat = await Deno.stat(path).catch(() => undefined);
      assert(stat?.isFile, `experiments/${e.id}/${f} is missing (every family has ${split.join(", ")})`);
    }
  }
});

/** Families that train nothing (closed-form or sampling studies only): none at present. */
const TRAINS_NOTHING: readonly string[] = [];

Deno.test("every family that trains declares trainingSteps (the report flags a run that executed none)", () => {
  for (const e of experiments) {
    if (TRAINS_NOTHING.includes(e.id)) continue;
    assert(
      typeof e.trainingSteps === "function",
      `experiments/${e.id}/mod.ts has no trainingSteps: count the steps its runs executed from their data ` +
        `(see experiments/layers/run.ts trainedSteps), or list "${e.id}" in TRAINS_NOTHING if it trains nothing`,
    );
  }
});

Deno.test("experiment ids are unique and every claim id appears once across the suite", () => {
  const ids = experiments.map((e) => e.id);
  assertEquals(new Set(ids).size, ids.length);
  const claims = experiments.flatMap((e) => e.claims.map((c) => c.id));
  const dupes = claims.filter((c, i) => claims.indexOf(c) !== i);
  assert(dupes.length === 0, `claims declared in two experiments: ${dupes.join(", ")}`);
});

Deno.test("every claim declares at least one falsifier, each with a name and a description", () => {
  const missing = experiments.flatMap((e) =>
    e.claims.filter((c) => !c.falsifiers?.length).map((c) => `${e.id}/${c.id}`)
  );
  assertEquals(missing, [], `claims without a falsifier: ${missing.join(", ")}`);
  for (const e of experiments) {
    for (const c of e.claims) {
      for (const f of c.falsifiers ?? []) assert(f.name && f.description, `${e.id}/${c.id}: a falsifier needs both`);
    }
  }
});
