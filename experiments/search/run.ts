/**
 * The run of the search family: the coarse and fine stages (G6), random vs grid comparisons
 * (G7) and the widened rerun when the fine best lies at an edge (G8).
 * @module
 */
import type { RunContext, SeedRun } from "../../lib/experiment.ts";
import { prepareData } from "../../lib/data/prepare.ts";
import { loadDataset } from "../../lib/data/load.ts";
import {
  best,
  edgeOf,
  gridPoints,
  linearUniform,
  type LogRange,
  logSpaced,
  logUniform,
  narrowRanges,
  runTrial,
  type Trial,
  widen,
} from "./hyper_search.ts";
import type { P } from "./params.ts";
import type { EdgeCase, EdgeSearch, GridVsRandom, SearchData } from "./types.ts";

/** Loads the data files the run reads (cached), so that bad data is found before any experiment runs. */
export async function loadInputs(p: P): Promise<void> {
  await loadDataset(p.data, p.dataDir, { limit: p.trainSize + p.valSize + p.testSize });
}

/** One seed: loads the data, runs every search and returns its trials. */
export async function run({ tf, params: p, rng, progress }: RunContext<P>): Promise<SearchData> {
  progress(0, 1, "loading data");
  const { train, val, info } = await prepareData(p, rng.fork("split"));
  const data = { train, val, classes: info.classes };
  const setup = (epochs: number) => ({
    hidden: p.hidden,
    initStd: p.initStd,
    epochs,
    batchSize: p.batchSize,
    momentum: p.momentum,
    lrDecay: p.lrDecay,
  });
  const side = Math.round(Math.sqrt(p.gridBudget));
  const total = p.coarseTrials + p.fineTrials + 2 * p.gridRepeats * side * side + p.edgeTrials + p.edgeCasePoints + 1;
  const sample = p.fault === "linear-sampling" ? linearUniform : logUniform;
  const inverted = p.fault === "edge-inverted";
  let done = 0;
  const search = async (n: number, lr: LogRange, reg: LogRange, epochs: number, label: string) => {
    const r = rng.fork(label), trials: Trial[] = [];
    for (let i = 0; i < n; i++) {
      progress(done++, total, `${label} ${i + 1}/${n}`);
      const [a, b] = [sample(r, lr), sample(r, reg)];
      trials.push(await runTrial(tf, data, a, b, setup(epochs), r.fork(`trial-${i}`)));
    }
    return trials;
  };
  const coarse = await search(
    p.coarseTrials,
    p.coarseLr as LogRange,
    p.coarseReg as LogRange,
    p.coarseEpochs,
    "coarse",
  );
  const fineRanges = narrowRanges(coarse, p.fineTop, p.fault === "narrow-worst");
  const fine = await search(p.fineTrials, fineRanges.lr, fineRanges.reg, p.fineEpochs, "fine");

  const gridVsRandom: GridVsRandom[] = [];
  for (let k = 0; k < p.gridRepeats; k++) {
    const gr = rng.fork(`grid-${k}`);
    const grid = gridPoints(p.gridBudget, p.gridLr as LogRange, p.gridReg as LogRange, [gr.next(), gr.next()]);
    const random = await search(
      grid.length,
      p.gridLr as LogRange,
      p.gridReg as LogRange,
      p.gridEpochs,
      `random-${k}`,
    );
    const gridTrials: Trial[] = [];
    for (const [i, [lr, reg]] of grid.entries()) {
      progress(done++, total, `grid ${k + 1}: ${i + 1}/${grid.length}`);
      // Common random numbers: grid trial i trains from random trial i's init and minibatch order.
      const same = rng.fork(`random-${k}`).fork(`trial-${i}`);
      gridTrials.push(await runTrial(tf, data, lr, reg, setup(p.gridEpochs), same));
    }
    gridVsRandom.push({ random, grid: gridTrials });
  }

  const b = best(fine);
  const lrEdge = edgeOf(b.lr, fineRanges.lr, p.edgeFraction, inverted);
  const regEdge = edgeOf(b.reg, fineRanges.reg, p.edgeFraction, inverted);
  const flagged = lrEdge
    ? { param: "lr" as const, edge: lrEdge }
    : regEdge
    ? { param: "reg" as const, edge: regEdge }
    : null;
  let widened: EdgeSearch["widened"] = null;
  if (flagged) {
    const lr = flagged.param === "lr" ? widen(fineRanges.lr, flagged.edge, p.widenBy) : fineRanges.lr;
    const reg = flagged.param === "reg" ? widen(fineRanges.reg, flagged.edge, p.widenBy) : fineRanges.reg;
    widened = { lr, reg, trials: await search(p.edgeTrials, lr, reg, p.fineEpochs, "fine-widened") };
  }
  const edgeCase = await constructedEdge(p, inverted, async (lr) => {
    progress(done++, total, `G8 constructed case: lr ${lr.toExponential(1)}`);
    return await runTrial(tf, data, lr, 10 ** p.gridReg[0], setup(p.coarseEpochs), rng.fork(`edge-case-${lr}`));
  });
  progress(total, total, "done");
  return {
    data: info,
    coarse,
    fineRanges,
    fine,
    gridVsRandom,
    edge: { flagged, widened },
    edgeCase,
  };
}

/**
 * G8's constructed case: log-spaced rates over `edgeCaseLr` (below the workable rates, so the best is
 * the highest by construction), flagged by the same edge test as the fine stage, and, when flagged,
 * the same spacing continued `widenBy` decades beyond the flagged edge (the old points' trials reused).
 */
async function constructedEdge(p: P, inverted: boolean, trial: (lr: number) => Promise<Trial>): Promise<EdgeCase> {
  const lr = p.edgeCaseLr as LogRange;
  const trials: Trial[] = [];
  for (const x of logSpaced(lr, p.edgeCasePoints)) trials.push(await trial(x));
  const flagged = edgeOf(best(trials).lr, lr, p.edgeFraction, inverted);
  if (!flagged) return { lr, trials, flagged, widened: null };
  const wide = widen(lr, flagged, p.widenBy);
  const step = (lr[1] - lr[0]) / Math.max(1, p.edgeCasePoints - 1);
  const extra = Math.max(1, Math.round(p.widenBy / step));
  const more: Trial[] = [];
  for (let j = 1; j <= extra; j++) {
    const at = flagged === "high" ? lr[1] + (j * p.widenBy) / extra : lr[0] - (j * p.widenBy) / extra;
    more.push(await trial(10 ** at));
  }
  return { lr, trials, flagged, widened: { lr: wide, trials: [...trials, ...more] } };
}

/**
 * The training epochs the runs executed, as every trial records them: the coarse, fine, random, grid and
 * widened searches and G8's constructed case (its widened list reuses the old points' trials: counted once).
 * 0 when no trial trained an epoch; NaN (unknown, so not flagged) for a result recorded before `epochs` existed.
 */
export function trainedSteps(runs: readonly SeedRun<SearchData>[]): number {
  const epochs = (ts: readonly Trial[]) => ts.reduce((s, t) => s + (t.epochs ?? NaN), 0);
  return runs.reduce((sum, { data: d }) =>
    sum + epochs(d.coarse) + epochs(d.fine) +
    d.gridVsRandom.reduce((s, g) => s + epochs(g.random) + epochs(g.grid), 0) +
    epochs(d.edge.widened?.trials ?? []) + epochs(d.edgeCase.trials) +
    epochs(d.edgeCase.widened?.trials.slice(d.edgeCase.trials.length) ?? []), 0);
}
