/**
 * `deno task report --jobs N`: experiments in parallel worker processes, each one a plain
 * `lib/cli.ts` run of one experiment that writes its `<id>.json` (and no pages). A worker's BLAS
 * runs on one thread (blas_ffi.ts: `blasThreadLimit`), so N workers use N cores and the numbers are
 * those of a serial run: the same seeds on the same backend give the same JSON apart from timing.
 * @module
 */
import type { ExperimentResult } from "./runner.ts";

/** One worker run: an experiment, its flags and its output directory; `key` names it among equal ids. */
export interface WorkerTask {
  id: string;
  flags: readonly string[];
  out: string;
  key?: string;
}

/** A worker's end: its result (read back from its JSON) or why there is none. */
export type WorkerOutcome =
  & { id: string; key?: string }
  & ({ result: ExperimentResult } | { error: string; code: number });

/** Permissions of a worker: the report task's, without --allow-run (a worker starts nothing). */
export function workerArgs(id: string, plan: { flags: readonly string[]; out: string }): string[] {
  return [
    "run",
    "--allow-read",
    `--allow-write=${plan.out},.cache`,
    "--allow-env=CLAIMBOOK_BACKEND,CLAIMBOOK_BLAS,OPENBLAS_CORETYPE,OPENBLAS_NUM_THREADS",
    "--allow-ffi",
    new URL("./cli.ts", import.meta.url).pathname,
    id,
    ...plan.flags,
    "--out",
    plan.out,
    "--quiet",
    "--no-pages",
    "--jobs",
    "1",
  ];
}

/**
 * The result in `file` if it was written at or after `since` (ms since the epoch), else why not:
 * an earlier run's file is not this worker's result (a worker that crashed writes none).
 */
export async function resultWrittenSince(file: string, since: number): Promise<ExperimentResult | string> {
  try {
    const mtime = (await Deno.stat(file)).mtime?.getTime() ?? 0;
    if (mtime < since) return "not written by this run";
    return JSON.parse(await Deno.readTextFile(file)) as ExperimentResult;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Runs worker tasks (any experiments, flags and output directories) in a pool of `jobs` processes, in order. */
export async function runTasks(
  tasks: readonly WorkerTask[],
  jobs: number,
  onDone: (o: WorkerOutcome) => void,
  onStatus: (running: readonly string[], done: number) => void = () => {},
): Promise<WorkerOutcome[]> {
  const queue = [...tasks];
  const running = new Set<string>();
  const outcomes: WorkerOutcome[] = [];
  const one = async (task: WorkerTask): Promise<WorkerOutcome> => {
    const { id, key } = task;
    const started = Date.now();
    const child = new Deno.Command("deno", {
      args: workerArgs(id, task),
      stdout: "null",
      stderr: "piped",
    }).spawn();
    const { code, stderr } = await child.output();
    const text = new TextDecoder().decode(stderr).trim();
    if (code === 2 || (code !== 0 && code !== 1)) {
      return { id, key, code, error: text.split("\n").slice(-3).join(" ") || `worker exited with ${code}` };
    }
    const file = `${task.out}/${id}.json`;
    const result = await resultWrittenSince(file, started);
    return typeof result === "string"
      ? { id, key, code, error: `no result in ${file} (${result}); ${text}` }
      : { id, key, result };
  };
  const lane = async () => {
    for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
      const name = task.key ?? task.id;
      running.add(name);
      onStatus([...running], outcomes.length);
      const o = await one(task);
      running.delete(name);
      outcomes.push(o);
      onDone(o);
      onStatus([...running], outcomes.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, lane));
  return outcomes;
}
