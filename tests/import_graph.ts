/**
 * The project's own import graph, read from the source text (static imports, re-exports,
 * `import type`, dynamic `import("…")` with a literal path and `import("…")` type references),
 * and the layout rules that tests/layout_test.ts enforces on it.
 * @module
 */
import { dirname, join, normalize, relative } from "node:path";

/** Source file (repository-relative, "/"-separated) → the project files it imports. */
export type ImportGraph = Map<string, string[]>;

const SKIP_DIRS = new Set(["node_modules", "reports", "scratch", ".git", ".cache"]);

/** Every .ts file under `root`, repository-relative, sorted. */
export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of Deno.readDirSync(join(root, dir))) {
      const p = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory && !SKIP_DIRS.has(e.name) && !e.name.startsWith(".")) walk(p);
      else if (e.isFile && e.name.endsWith(".ts")) out.push(p);
    }
  };
  walk("");
  return out.sort();
}

/** The relative module specifiers a source text imports (comments removed first). */
export function importSpecifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^"';]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g,
    /\bimport\s*["'](\.{1,2}\/[^"']+)["']/g,
    /\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return [...new Set(out)];
}

/** Builds the graph of `files` (repository-relative) from `read(file)`; edges only to project files. */
export function buildGraph(files: readonly string[], read: (file: string) => string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const f of files) {
    const targets = importSpecifiers(read(f)).map((s) => normalize(join(dirname(f), s)).replaceAll("\\", "/"));
    graph.set(f, targets.filter((t) => !relative(".", t).startsWith("..")));
  }
  return graph;
}

/** The import graph of the repository at `root`. */
export function projectGraph(root: string): ImportGraph {
  return buildGraph(sourceFiles(root), (f) => Deno.readTextFileSync(join(root, f)));
}

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
