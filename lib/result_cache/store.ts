/**
 * The result cache on disk: `<dir>/<experiment>/<key>.json` holds a run's key parts and its result;
 * `<dir>/<experiment>/last-<profile>.json` the key parts of the last run stored, to explain a miss. A
 * hit also re-checks the data files the result read. A corrupt entry is dropped with a warning,
 * never trusted.
 * @module
 */
import type { ExperimentResult } from "../runner.ts";
import { writeFileAtomic } from "../report/write.ts";
import { fileHash, keyHash, type KeyParts } from "./key.ts";
import { explainChange } from "./explain.ts";

/** A cache lookup: the cached result, or the reasons to run (and a warning about a dropped entry). */
export type Lookup = { hit: ExperimentResult } | { reasons: string[]; warning?: string };

interface Entry {
  version: 1;
  stored: string;
  parts: KeyParts;
  result: ExperimentResult;
}

function isEntry(x: unknown, id: string): x is Entry {
  const e = x as Entry;
  return !!e && e.version === 1 && typeof e.stored === "string" && e.parts?.experiment === id &&
    e.result?.id === id && Array.isArray(e.result.claims) && Array.isArray(e.result.runs);
}

/** Where the results of one experiment are cached. */
export interface ResultStore {
  lookup(parts: KeyParts): Promise<Lookup>;
  save(parts: KeyParts, result: ExperimentResult): Promise<void>;
}

/** The result cache under `dir` (default `.cache/results`). */
export function resultStore(dir = ".cache/results"): ResultStore {
  const last = (p: KeyParts) => `${dir}/${p.experiment}/last-${p.profile}.json`;
  const whyMiss = async (parts: KeyParts): Promise<string[]> => {
    try {
      const before = JSON.parse(await Deno.readTextFile(last(parts))) as KeyParts;
      const reasons = explainChange(before, parts);
      return reasons.length ? reasons : ["its cache entry is gone"];
    } catch {
      return ["nothing cached yet"];
    }
  };
  return {
    async lookup(parts) {
      const file = `${dir}/${parts.experiment}/${await keyHash(parts)}.json`;
      let text: string;
      try {
        text = await Deno.readTextFile(file);
      } catch {
        return { reasons: await whyMiss(parts) };
      }
      let entry: unknown;
      try {
        entry = JSON.parse(text);
      } catch {
        entry = undefined;
      }
      if (!isEntry(entry, parts.experiment)) {
        await Deno.remove(file).catch(() => {});
        return { reasons: ["its cache entry was corrupt"], warning: `dropped a corrupt cache entry ${file}` };
      }
      for (const [path, hash] of Object.entries(entry.result.provenance.dataFiles ?? {})) {
        if (await fileHash(path) !== hash) return { reasons: [`data file ${path} changed`] };
      }
      return { hit: { ...entry.result, cached: { date: entry.stored, commit: entry.result.provenance.commit } } };
    },
    async save(parts, result) {
      if (result.error) return; // a crashed run may be transient: never cached
      await Deno.mkdir(`${dir}/${parts.experiment}`, { recursive: true });
      const { cached: _, ...fresh } = result;
      const entry: Entry = { version: 1, stored: new Date().toISOString(), parts, result: fresh };
      await writeFileAtomic(`${dir}/${parts.experiment}/${await keyHash(parts)}.json`, JSON.stringify(entry));
      await writeFileAtomic(last(parts), JSON.stringify(parts));
    },
  };
}
