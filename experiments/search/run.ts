/**
 * The run of the search family: the coarse and fine stages (G6), random vs grid comparisons
 * (G7) and the widened rerun when the fine best lies at an edge (G8).
 * @module
 */
import type { RunContext } from "../../lib/experiment.ts";
import { prepareData } from "../../lib/data/prepare.ts";
import {
  best,
  edgeOf,
  gridPoints,
  type LogRange,
  logUniform,
  narrowRanges,
  runTrial,
  type Trial,
  widen,
} from "./hyper_search.ts";
import type { P } from "./params.ts";
import type { EdgeSearch, GridVsRandom, SearchData } from "./types.ts";

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
  const total = p.coarseTrials + p.fineTrials + 2 * p.gridRepeats * side * side + p.edgeTrials;
  let done = 0;
  const search = async (n: number, lr: LogRange, reg: LogRange, epochs: number, label: string) => {
    const r = rng.fork(label), trials: Trial[] = [];
    for (let i = 0; i < n; i++) {
      progress(done++, total, `${label} ${i + 1}/${n}`);
      const [a, b] = [logUniform(r, lr), logUniform(r, reg)];
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
  const fineRanges = narrowRanges(coarse, p.fineTop);
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
      gridTrials.push(await runTrial(tf, data, lr, reg, setup(p.gridEpochs), gr.fork(`trial-${i}`)));
    }
    gridVsRandom.push({ random, grid: gridTrials });
  }

  const b = best(fine);
  const lrEdge = edgeOf(b.lr, fineRanges.lr, p.edgeFraction);
  const regEdge = edgeOf(b.reg, fineRanges.reg, p.edgeFraction);
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
  progress(total, total, "done");
  return {
    data: info,
    coarse,
    fineRanges,
    fine,
    gridVsRandom,
    edge: { flagged, widened },
  };
}
