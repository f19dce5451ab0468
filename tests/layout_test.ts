/**
 * The layout rules (README, "Architecture"): no import cycle anywhere; lib/ never imports
 * experiments/ (except the programs that run the registry); a family imports only lib/ and its own
 * folder (allowed edges listed below with their reason); only the registry imports a family's
 * mod.ts; no source file over 300 lines unless listed below with its reason.
 * @module
 */
import { assert, assertEquals } from "../lib/std.ts";
import {
  buildGraph,
  findCycles,
  type ImportGraph,
  type LayoutRules,
  layoutViolations,
  projectGraph,
} from "./import_graph.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** The rules of this repository. */
export const RULES: LayoutRules = {
  registryUsers: [
    "lib/cli.ts",
    "lib/bench/suite.ts",
    "lib/falsify_cli.ts",
    "lib/stability_cli.ts",
    "lib/merge_cli.ts",
    "lib/baseline/cli.ts",
  ],
  allowedEdges: [
    ...["run.ts", "params.ts", "types.ts"].map((f) => ({
      from: "experiments/backends/run.ts",
      to: `experiments/init/${f}`,
      reason: "H2 runs init's measurements (its params, run and data type) on every backend and compares them",
    })),
  ],
  longFiles: {},
  maxLines: 300,
};

const lines = (f: string) => Deno.readTextFileSync(`${ROOT}${f}`).split("\n").length - 1;

Deno.test("the repository's layout follows the rules", () => {
  const violations = layoutViolations(projectGraph(ROOT), RULES, lines);
  assert(violations.length === 0, `layout violations:\n  ${violations.join("\n  ")}`);
});

Deno.test("every allowed cross-family edge and every listed long file is still needed", () => {
  const graph = projectGraph(ROOT);
  for (const e of RULES.allowedEdges) {
    assert(graph.get(e.from)?.includes(e.to), `allowed edge ${e.from} → ${e.to} no longer exists: remove it`);
  }
  for (const f of Object.keys(RULES.longFiles)) {
    assert(lines(f) > RULES.maxLines, `${f} is no longer over ${RULES.maxLines} lines: remove it from longFiles`);
  }
});

/** A small graph with `files` → texts, for planting violations. */
function planted(files: Record<string, string>): ImportGraph {
  return buildGraph(Object.keys(files), (f) => files[f]);
}
const none = () => 1;

Deno.test("a planted cycle is found, including one through a type import and a re-export", () => {
  const g = planted({
    "lib/a.ts": 'import { b } from "./b.ts";',
    "lib/b.ts": 'export { c } from "./sub/c.ts";',
    "lib/sub/c.ts": 'import type { A } from "../a.ts";',
    "lib/d.ts": 'import { a } from "./a.ts";',
  });
  assertEquals(findCycles(g), [["lib/a.ts", "lib/b.ts", "lib/sub/c.ts", "lib/a.ts"]]);
  assert(layoutViolations(g, RULES, none).some((v) => v.startsWith("import cycle: lib/a.ts → lib/b.ts")));
});

Deno.test("a planted lib → experiments import is refused, the registry's users are not", () => {
  const g = planted({
    "lib/cli.ts": 'import { experiments } from "../experiments/mod.ts";',
    "lib/nn/net.ts": 'import type { InitData } from "../../experiments/init/types.ts";',
    "lib/x.ts": 'const m = await import("../experiments/mod.ts");',
    "experiments/mod.ts": "",
    "experiments/init/types.ts": "",
  });
  const v = layoutViolations(g, RULES, none);
  assertEquals(v.filter((l) => l.includes("lib/ must not import experiments/")).length, 2);
  assert(!v.some((l) => l.startsWith("lib/cli.ts")));
});

Deno.test("a planted cross-family import is refused unless listed; mod.ts is the registry's only", () => {
  const g = planted({
    "experiments/search/run.ts": 'import { prepare } from "../babysitting/run.ts";',
    "experiments/backends/run.ts": 'import { run } from "../init/run.ts";\nimport init from "../init/mod.ts";',
    "experiments/babysitting/run.ts": "",
    "experiments/init/run.ts": "",
    "experiments/init/mod.ts": "",
  });
  const v = layoutViolations(g, RULES, none);
  assert(v.some((l) => l.startsWith("experiments/search/run.ts imports experiments/babysitting/run.ts")));
  assert(v.some((l) => l.includes("only the registry (experiments/mod.ts) imports a family's mod.ts")));
  assert(!v.some((l) => l.includes("imports experiments/init/run.ts")), "the listed edge is allowed");
});

Deno.test("a file over the limit is refused unless listed with a reason; comments do not import", () => {
  const g = planted({ "lib/long.ts": '/** {@link import("./cli.ts").main} */\n// import "./cli.ts"' });
  assertEquals(g.get("lib/long.ts"), []);
  assertEquals(layoutViolations(g, RULES, () => 301), [
    "lib/long.ts: 301 lines, over 300; split it by concern or list it with a reason",
  ]);
  assertEquals(layoutViolations(g, { ...RULES, longFiles: { "lib/long.ts": "generated table" } }, () => 301), []);
});
