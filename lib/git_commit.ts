/**
 * The commit a checkout is at, read from its `.git` files (no `git` process, no --allow-run): a
 * plain checkout, a detached HEAD, packed refs, and a worktree (`.git` a file naming its git
 * directory, whose refs live in the common directory). "unknown" where none of them tells.
 * @module
 */

async function text(path: string): Promise<string | undefined> {
  try {
    return (await Deno.readTextFile(path)).trim();
  } catch {
    return undefined;
  }
}

/** The git directory of the checkout at `root` and the common one that holds its refs. */
async function gitDirs(root: string): Promise<{ dir: string; common: string } | undefined> {
  const dotGit = `${root}/.git`;
  const file = await text(dotGit);
  if (file === undefined) return (await text(`${dotGit}/HEAD`)) ? { dir: dotGit, common: dotGit } : undefined;
  if (!file.startsWith("gitdir: ")) return undefined;
  const raw = file.slice(8);
  const dir = raw.startsWith("/") ? raw : `${root}/${raw}`;
  const commonRel = await text(`${dir}/commondir`);
  const common = commonRel === undefined ? dir : commonRel.startsWith("/") ? commonRel : `${dir}/${commonRel}`;
  return { dir, common };
}

/** The first 12 hex digits of the commit checked out at `root` (default: the working directory), or "unknown". */
export async function gitCommit(root = "."): Promise<string> {
  const dirs = await gitDirs(root);
  if (!dirs) return "unknown";
  const head = await text(`${dirs.dir}/HEAD`);
  if (!head) return "unknown";
  if (!head.startsWith("ref: ")) return head.slice(0, 12);
  const ref = head.slice(5);
  const loose = (await text(`${dirs.dir}/${ref}`)) ?? (await text(`${dirs.common}/${ref}`));
  if (loose) return loose.slice(0, 12);
  const packed = await text(`${dirs.common}/packed-refs`);
  return packed?.split("\n").find((l) => l.endsWith(` ${ref}`))?.slice(0, 12) ?? "unknown";
}
