import { assertEquals } from "./std.ts";
import { gitCommit } from "./git_commit.ts";

const A = "0123456789abcdef0123456789abcdef01234567", B = "fedcba9876543210fedcba9876543210fedcba98";

async function write(path: string, content: string): Promise<void> {
  await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
  await Deno.writeTextFile(path, content);
}

Deno.test("gitCommit: a branch, packed refs, a detached HEAD, a worktree, no repository", async () => {
  const root = await Deno.makeTempDir();
  try {
    assertEquals(await gitCommit(root), "unknown");
    await write(`${root}/.git/HEAD`, "ref: refs/heads/main\n");
    await write(`${root}/.git/packed-refs`, `# pack-refs\n${B} refs/heads/main\n`);
    assertEquals(await gitCommit(root), B.slice(0, 12), "packed");
    await write(`${root}/.git/refs/heads/main`, `${A}\n`);
    assertEquals(await gitCommit(root), A.slice(0, 12), "loose ref");
    // A worktree: .git is a file; its HEAD names a branch whose ref is in the common directory.
    const wt = `${root}/wt`;
    await write(`${wt}/.git`, `gitdir: ${root}/.git/worktrees/wt\n`);
    await write(`${root}/.git/worktrees/wt/HEAD`, "ref: refs/heads/main\n");
    await write(`${root}/.git/worktrees/wt/commondir`, "../..\n");
    assertEquals(await gitCommit(wt), A.slice(0, 12), "worktree on a branch");
    await write(`${root}/.git/worktrees/wt/HEAD`, `${B}\n`);
    assertEquals(await gitCommit(wt), B.slice(0, 12), "worktree detached");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
