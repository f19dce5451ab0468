/**
 * The project's own import graph, read from the source text (static imports, re-exports,
 * `import type`, dynamic `import("…")` with a literal path and `import("…")` type references):
 * the layout rules (tests/layout_test.ts) check it, the result cache keys on it.
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

/** Every file reachable from `roots` in `graph` (the roots included), sorted. */
export function reachable(graph: ImportGraph, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const t of graph.get(f) ?? []) visit(t);
  };
  roots.forEach(visit);
  return [...seen].sort();
}
