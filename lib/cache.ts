/**
 * A {@link Cache} kept on disk as one JSON file per key (e.g. a pretrained model's weights),
 * written atomically. Keys are hashed, so any string works as a key.
 * @module
 */
import type { Cache } from "./experiment.ts";
import { writeFileAtomic } from "./report/write.ts";

async function hash(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 32);
}

/** A cache in directory `dir` (created on first write). Unreadable entries count as missing. */
export function fileCache(dir: string): Cache {
  return {
    async get(key) {
      try {
        return JSON.parse(await Deno.readTextFile(`${dir}/${await hash(key)}.json`));
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      await Deno.mkdir(dir, { recursive: true });
      await writeFileAtomic(`${dir}/${await hash(key)}.json`, JSON.stringify(value));
    },
  };
}
