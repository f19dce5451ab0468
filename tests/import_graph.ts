/**
 * The layout rules that tests/layout_test.ts enforces on the project's import graph
 * (lib/module_graph.ts reads the graph).
 * @module
 */
import type { ImportGraph } from "../lib/module_graph.ts";

export { buildGraph, type ImportGraph, importSpecifiers, projectGraph, sourceFiles } from "../lib/module_graph.ts";

/** Every import cycle, each as the files along it (first file repeated at the end), found by DFS. */
export function findCycles(graph: ImportGraph): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === "open") cycles.push([...stack.slice(stack.indexOf(t)), t]);
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
  return cycles;
}

/** The family a file belongs to (`experiments/<family>/…`), or undefined. */
export function familyOf(file: string): string | undefined {
  const m = /^experiments\/([^/]+)\//.exec(file);
  return m?.[1];
}

/** An allowed import of one family's file by another, with the reason a reader is given. */
export interface AllowedEdge {
  from: string;
  to: string;
  reason: string;
}

/** The layout rules, as data so that a test can plant a violation. */
export interface LayoutRules {
  /** lib/ files that may import the registry (experiments/mod.ts) because they run every experiment. */
  registryUsers: readonly string[];
  /** Family → family imports that are allowed (file paths, repository-relative). */
  allowedEdges: readonly AllowedEdge[];
  /** Source files allowed over the line limit, with the reason. */
  longFiles: Readonly<Record<string, string>>;
  maxLines: number;
}

/** Every violation of the layout rules in `graph`, one line each (empty when the layout is clean). */
export function layoutViolations(
  graph: ImportGraph,
  rules: LayoutRules,
  lineCount: (file: string) => number,
): string[] {
  const out: string[] = [];
  for (const cycle of findCycles(graph)) out.push(`import cycle: ${cycle.join(" → ")}`);
  const allowed = new Set(rules.allowedEdges.map((e) => `${e.from} ${e.to}`));
  for (const [f, targets] of graph) {
    for (const t of targets) {
      if (f.startsWith("lib/") && t.startsWith("experiments/")) {
        const registry = t === "experiments/mod.ts" && rules.registryUsers.includes(f);
        if (!registry) out.push(`${f} imports ${t}: lib/ must not import experiments/ (only the registry's users may)`);
      }
      const [from, to] = [familyOf(f), familyOf(t)];
      if (to !== undefined && t === `experiments/${to}/mod.ts` && f !== "experiments/mod.ts") {
        out.push(`${f} imports ${t}: only the registry (experiments/mod.ts) imports a family's mod.ts`);
      } else if (from !== undefined && to !== undefined && from !== to && !allowed.has(`${f} ${t}`)) {
        out.push(
          `${f} imports ${t}: a family imports only lib/ and its own folder (or list the edge in layout_test.ts)`,
        );
      }
    }
    const lines = lineCount(f);
    if (lines > rules.maxLines && !(f in rules.longFiles)) {
      out.push(`${f}: ${lines} lines, over ${rules.maxLines}; split it by concern or list it with a reason`);
    }
  }
  return out;
}
