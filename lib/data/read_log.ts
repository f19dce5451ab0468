/**
 * Which data files a run read, with their content hashes: the result cache keys on them. The
 * dataset loaders note every file they read; a dataset served from the per-process load cache notes
 * its files again, so each run records all the files it depends on.
 * @module
 */

let current: Map<string, string> | undefined;

/** SHA-256 of bytes, as hex. */
export async function sha256(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  const digest = await crypto.subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Notes that `path` was read with the content `bytes` (as stored on disk). Returns its hash. */
export async function noteFile(path: string, bytes: Uint8Array): Promise<string> {
  const hash = await sha256(bytes);
  current?.set(path, hash);
  return hash;
}

/** Notes files already hashed (a dataset served from the load cache). */
export function noteFiles(files: ReadonlyMap<string, string>): void {
  for (const [path, hash] of files) current?.set(path, hash);
}

/** Runs `fn` and returns what it returned and the files it noted (for the load cache to keep). */
export async function collectFiles<T>(fn: () => Promise<T>): Promise<{ value: T; files: Map<string, string> }> {
  const outer = current;
  const mine = new Map<string, string>();
  current = mine;
  try {
    return { value: await fn(), files: mine };
  } finally {
    current = outer;
    if (outer) { for (const [p, h] of mine) outer.set(p, h); }
  }
}
