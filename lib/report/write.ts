/**
 * Writing the report directory: every file is written to a temporary name and then renamed,
 * so a reader never sees half a page and a failed run leaves earlier files intact.
 * @module
 */
import type { Experiment } from "../experiment.ts";
import type { ExperimentResult } from "../runner.ts";
import { experimentPage, type FalsifierSeen, indexPage, type RunState } from "./build.ts";
import { lecturePage } from "./lecture_page.ts";
import type { LectureSource } from "./lecture_source.ts";
import type { Comparison } from "../baseline/compare.ts";

/** The falsifier outcomes of the last `deno task falsify` into `outDir`, by experiment (empty if none). */
async function readFalsifiers(outDir: string): Promise<Map<string, FalsifierSeen[]>> {
  const byExperiment = new Map<string, FalsifierSeen[]>();
  try {
    const report = JSON.parse(await Deno.readTextFile(`${outDir}/falsifiers.json`));
    for (const o of report.outcomes as (FalsifierSeen & { experiment: string })[]) {
      byExperiment.set(o.experiment, [...byExperiment.get(o.experiment) ?? [], o]);
    }
  } catch {
    // No falsify run into this directory: the pages list the declared falsifiers only.
  }
  return byExperiment;
}

/** Writes `text` to `path` atomically (temporary file in the same directory, then rename). */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await Deno.writeTextFile(tmp, text);
    await Deno.rename(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}

/** Writes `<id>.json` for one result (as soon as its experiment finishes). */
export async function writeResult(outDir: string, result: ExperimentResult): Promise<void> {
  await Deno.mkdir(outDir, { recursive: true });
  await writeFileAtomic(`${outDir}/${result.id}.json`, JSON.stringify(result, null, 1) + "\n");
}

/** Reads the results of earlier runs still in `outDir` for the given experiment ids. */
export async function readResults(outDir: string, ids: readonly string[]): Promise<ExperimentResult[]> {
  const out: ExperimentResult[] = [];
  for (const id of ids) {
    try {
      out.push(JSON.parse(await Deno.readTextFile(`${outDir}/${id}.json`)) as ExperimentResult);
    } catch {
      // No earlier result (or an unreadable one): the index simply leaves it out.
    }
  }
  return out;
}

/**
 * Writes `<id>.html` for each given result and `index.html` over `all` results
 * (this run's and earlier ones found in the directory), in registry order, and `lecture.html`
 * (with the slides' text when `lecture` is given); with a baseline `comparison`, its changes on the index and
 * the baseline's values on the experiment pages. Returns the broken slide citations, one message each.
 */
export async function writePages(
  outDir: string,
  registry: readonly Experiment[],
  fresh: readonly ExperimentResult[],
  all: readonly ExperimentResult[],
  lecture?: LectureSource,
  comparison?: Comparison,
  runStates?: readonly RunState[],
): Promise<string[]> {
  await Deno.mkdir(outDir, { recursive: true });
  const seen = await readFalsifiers(outDir);
  for (const result of fresh) {
    const exp = registry.find((e) => e.id === result.id);
    if (exp) {
      await writeFileAtomic(
        `${outDir}/${result.id}.html`,
        await experimentPage(exp, result, seen.get(result.id), comparison),
      );
    }
  }
  const order = registry.map((e) => e.id);
  const sorted = [...all].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  await writeFileAtomic(`${outDir}/index.html`, indexPage(sorted, comparison, runStates));
  const view = await lecturePage(registry, sorted, lecture);
  await writeFileAtomic(`${outDir}/lecture.html`, view.html);
  return view.broken;
}
