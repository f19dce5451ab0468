/**
 * The parameters of the search family (G6–G8).
 * @module
 */
import { faultParam, type ParamValues } from "../../lib/params.ts";
import { dataParamSpecs } from "../../lib/data/prepare.ts";
import type { LogRange } from "./hyper_search.ts";

const range = (ci: LogRange, full: LogRange, doc: string) => ({ ci, full, min: -12, max: 12, doc });

/** Every parameter is overridable with --set search.<name>=…. */
export const params = {
  ...dataParamSpecs({ train: [4000, 8000], val: [500, 1000], inputs: ["native", "lecture"] }),
  hidden: { ci: 50, full: 50, min: 1, max: 4096, integer: true, doc: "Hidden units (the lecture: 50)." },
  initStd: { ci: 1e-4, full: 1e-4, min: 0, max: 1, doc: "Weight init W = initStd·randn (the lecture: 1e-4)." },
  batchSize: { ci: 100, full: 100, min: 1, integer: true, doc: "Minibatch size (the lecture: 100)." },
  momentum: {
    ci: 0,
    full: 0,
    min: 0,
    max: 0.999,
    doc: "Momentum of update='momentum' (the lecture's trainer default 0, i.e. plain SGD).",
  },
  lrDecay: { ci: 0.9, full: 0.9, min: 0, max: 1, doc: "Learning-rate decay per epoch (the lecture: 0.9)." },
  coarseTrials: { ci: 20, full: 100, min: 2, integer: true, doc: "Trials of the coarse stage (the lecture: 100)." },
  coarseEpochs: { ci: 3, full: 5, min: 1, integer: true, doc: "Epochs per coarse trial (the lecture: 5)." },
  coarseLr: range([-6, -3], [-6, -3], "log10 range of the coarse learning rates (the lecture: -6 to -3)."),
  coarseReg: range([-5, 5], [-5, 5], "log10 range of the coarse regularization (the lecture: -5 to 5)."),
  fineTop: { ci: 4, full: 10, min: 1, integer: true, doc: "Best coarse trials whose decades become the fine ranges." },
  fineTrials: { ci: 10, full: 100, min: 2, integer: true, doc: "Trials of the fine stage (the lecture: 100)." },
  fineEpochs: { ci: 6, full: 10, min: 1, integer: true, doc: "Epochs per fine trial ('longer running time')." },
  gridBudget: { ci: 9, full: 9, min: 4, integer: true, doc: "Trials per search in G7 (a k×k grid, k = √budget)." },
  gridRepeats: { ci: 8, full: 20, min: 1, integer: true, doc: "Random-vs-grid comparisons per seed (G7)." },
  gridEpochs: { ci: 1, full: 2, min: 1, integer: true, doc: "Epochs per G7 trial." },
  gridLr: range([-6, -2], [-6, -2], "log10 range of lr in G7 (the important parameter)."),
  gridReg: range([-5, -1], [-5, -1], "log10 range of reg in G7 (small enough not to matter)."),
  edgeTrials: { ci: 8, full: 30, min: 2, integer: true, doc: "Trials of the widened fine search (G8)." },
  edgeFraction: {
    ci: 0.1,
    full: 0.1,
    min: 0,
    max: 0.5,
    doc: "A fine-stage best within this fraction of its log range from an edge is flagged (G8; the lecture's: 2%).",
  },
  widenBy: { ci: 1, full: 1, min: 0.1, max: 6, doc: "Decades added on the flagged side when widening (G8)." },
  edgeCaseLr: range(
    [-6, -4],
    [-7, -5],
    "log10 lr range of G8's constructed search, below the best rates (accuracy rises with lr): its best lies at the high " +
      "edge. A decade lower at full: its 3.3× more updates (5 epochs of 8000) already peak inside 10^[-6, -4] (best 3.2e-5).",
  ),
  edgeCasePoints: {
    ci: 3,
    full: 5,
    min: 2,
    max: 20,
    integer: true,
    doc: "Log-spaced learning rates (edges included) of G8's constructed search; reg is the grid's lowest.",
  },
  fault: faultParam({
    "linear-sampling": "random search draws lr and reg uniformly between the range's ends instead of in log space",
    "narrow-worst": "the coarse trials ranked worst first when narrowing the ranges for the fine stage",
    "edge-inverted": "the edge test turned round: a central best is flagged and a best at an edge is not",
  }),
};

/** The resolved parameters. */
export type P = ParamValues<typeof params>;
