/**
 * The key of a cached experiment result: everything its numbers depend on, kept as named parts so
 * that a re-run can say why (lib/result_cache/explain.ts). The code part is the content of every
 * project file the experiment's definition and the runner reach through their imports (found from
 * the import graph, lib/module_graph.ts, not from a hand-made list); data files are checked from the
 * result's own record of what it read (lib/data/read_log.ts).
 * @module
 */
import { join } from "node:path";
import type { ParamValue, Profile } from "../params.ts";
import { type ImportGraph, projectGraph, reachable } from "../module_graph.ts";
import { sha256 } from "../data/read_log.ts";

/** What a cached result depends on, by part. */
export interface KeyParts {
  experiment: string;
  profile: Profile;
  seeds: number[];
  params: Record<string, ParamValue>;
  backend: { name: string; device: string };
  versions: { deno: string; tfjs: string; lockfile: string };
  /** Repository-relative path → SHA-256 of its content, for every module the experiment depends on. */
  modules: Record<string, string>;
}

/** The repository root (this file is lib/result_cache/key.ts). */
export const REPO_ROOT: string = new URL("../..", import.meta.url).pathname;

/** The modules every experiment's numbers depend on besides its own graph: the runner and what it reaches. */
export const ENGINE_ROOTS: readonly string[] = ["lib/runner.ts", "lib/backend.ts"];

/** Content hashes of the modules reachable from `roots`, read under `root`. */
export async function moduleHashes(
  graph: ImportGraph,
  roots: readonly string[],
  root = REPO_ROOT,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of reachable(graph, roots)) out[f] = (await fileHash(join(root, f))).slice(0, 16);
  return out;
}

/** SHA-256 (hex) of a file, or "missing". */
export async function fileHash(path: string): Promise<string> {
  try {
    return await sha256(await Deno.readFile(path));
  } catch {
    return "missing";
  }
}

const graphs = new Map<string, ImportGraph>();

/** The project's import graph, read once per process (per root). */
export function graphOfProject(root = REPO_ROOT): ImportGraph {
  if (!graphs.has(root)) graphs.set(root, projectGraph(root));
  return graphs.get(root)!;
}

/** Builds the key parts of one experiment's run. */
export async function keyParts(o: {
  experiment: string;
  profile: Profile;
  seeds: readonly number[];
  params: Record<string, ParamValue>;
  backend: { name: string; device: string };
  tfjs: string;
  graph?: ImportGraph;
  root?: string;
}): Promise<KeyParts> {
  const root = o.root ?? REPO_ROOT;
  const graph = o.graph ?? graphOfProject(root);
  return {
    experiment: o.experiment,
    profile: o.profile,
    seeds: [...o.seeds],
    params: o.params,
    backend: { name: o.backend.name, device: o.backend.device },
    versions: {
      deno: Deno.version.deno,
      tfjs: o.tfjs,
      lockfile: (await fileHash(join(root, "deno.lock"))).slice(0, 16),
    },
    modules: await moduleHashes(graph, [`experiments/${o.experiment}/mod.ts`, ...ENGINE_ROOTS], root),
  };
}

/** The cache key of key parts: SHA-256 of their canonical JSON (sorted keys). */
export async function keyHash(parts: KeyParts): Promise<string> {
  return (await sha256(canonical(parts))).slice(0, 32);
}

/** JSON with object keys sorted, so equal parts give equal text. */
export function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  if (x && typeof x === "object") {
    const entries = Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(x);
}

/**
 * The hash of an experiment's code: every project module its definition and the runner reach, with
 * the lockfile ("unknown" where the files cannot be read). Caches inside a run key on it (`ctx.code`).
 */
export async function codeHashOf(experiment: string, root = REPO_ROOT): Promise<string> {
  try {
    const modules = await moduleHashes(
      graphOfProject(root),
      [`experiments/${experiment}/mod.ts`, ...ENGINE_ROOTS],
      root,
    );
    const lock = await fileHash(join(root, "deno.lock"));
    return (await sha256(canonical({ modules, lock }))).slice(0, 16);
  } catch {
    return "unknown";
  }
}
