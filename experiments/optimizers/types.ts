/**
 * The data one seed of the optimizers family produces: the studies' results, summarised and
 * thinned for the report.
 * @module
 */
import type { SeedRun } from "../../lib/experiment.ts";
import type { jitterStudy, momentumStudy, saddleStudy } from "./quadratic_study.ts";
import type { adaptiveStudy } from "./adaptive_study.ts";
import type { adamFirstStep } from "./library_study.ts";
import type { adamNetStudy } from "./adam_net_study.ts";
import type { decayStudy } from "./decay_study.ts";
import type { figureStudy } from "./figure_study.ts";

/** One point of an adaptive run's thinned curve. */
export interface AdaptiveCurvePoint {
  step: number;
  loss: number;
  stepShallow: number | null;
  stepSteep: number | null;
  log10G: number | null;
}

/** Scalars and thinned curves of one adaptive run (B9, B10). */
export interface AdaptiveSummary {
  name: string;
  firstRatio: number;
  startLoss: number;
  halfLoss: number;
  endLoss: number;
  stepShallowFirst: number;
  stepShallowLast: number;
  stepMonotone: boolean;
  overflowStep: number | null;
  log10Slope: number | null;
  pathShallow: number;
  pathSteep: number;
  curve: AdaptiveCurvePoint[];
}

/** One optimizer's agreement with its tfjs counterpart, shrunk for the report (B7, B12). */
export interface LibrarySummary {
  steps: number;
  worst: number;
  maxStep: number;
  finalMaxAbs: number;
  curve: { step: number; diff: number }[];
}

/** A loss curve at the best grid rate, thinned to [step, loss] points. */
export interface BestCurve {
  name: string;
  points: number[][];
}

type Saddle = ReturnType<typeof saddleStudy>;

/** One momentum ρ of the saddle study, its y trace thinned to [step, y] points. */
export interface SaddleRho extends Omit<Saddle["perRho"][number], "ys"> {
  ys: number[][];
}

/** The saddle study (B6), its y traces thinned to [step, y] points. */
export interface SaddleData extends Omit<Saddle, "gdYs" | "perRho"> {
  gdYs: number[][];
  perRho: SaddleRho[];
}

/** AdaGrad and RMSProp on the quadratic (B9, B10). */
export interface AdaptiveData {
  measuredKappa: ReturnType<typeof adaptiveStudy>["measuredKappa"];
  axisAligned: boolean;
  sgdRatioTheory: number;
  sgd: AdaptiveSummary;
  adagrad: AdaptiveSummary;
  rmsprop: AdaptiveSummary;
  printed: AdaptiveSummary;
}

/** Data of one seed. */
export interface OptimizerData {
  jitter: ReturnType<typeof jitterStudy>;
  mom: ReturnType<typeof momentumStudy>;
  curves: BestCurve[];
  saddle: SaddleData;
  adaptive: AdaptiveData;
  library: { adam: LibrarySummary; momentum: LibrarySummary[] };
  first: Awaited<ReturnType<typeof adamFirstStep>>;
  net: Awaited<ReturnType<typeof adamNetStudy>>;
  wd: ReturnType<typeof decayStudy>;
  figure: ReturnType<typeof figureStudy>;
}

/** All seeds' data. */
export type OptimizerRuns = readonly SeedRun<OptimizerData>[];
