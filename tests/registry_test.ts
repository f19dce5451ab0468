import { assert, assertEquals } from "../lib/std.ts";
import { experiments } from "../experiments/mod.ts";

Deno.test("experiments/mod.ts lists exactly the experiment files of the folder, each under its file name", async () => {
  const files: string[] = [];
  for await (const e of Deno.readDir(new URL("../experiments", import.meta.url))) {
    if (e.isFile && e.name.endsWith(".ts") && e.name !== "mod.ts" && !e.name.endsWith("_test.ts")) {
      files.push(e.name.slice(0, -3));
    }
  }
  assertEquals(experiments.map((e) => e.id).sort(), files.sort());
});

Deno.test("experiment ids are unique and every claim id appears once across the suite", () => {
  const ids = experiments.map((e) => e.id);
  assertEquals(new Set(ids).size, ids.length);
  const claims = experiments.flatMap((e) => e.claims.map((c) => c.id));
  const dupes = claims.filter((c, i) => claims.indexOf(c) !== i);
  assert(dupes.length === 0, `claims declared in two experiments: ${dupes.join(", ")}`);
});
