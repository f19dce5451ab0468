/**
 * The data one seed of the search family produces.
 * @module
 */
import type { DataInfo } from "../../lib/data/prepare.ts";
import type { LogRange, Trial } from "./hyper_search.ts";

/** A G7 comparison: the best of a random and of a grid search at the same budget. */
export interface GridVsRandom {
  random: Trial[];
  grid: Trial[];
}

/** G8: where the fine stage's best lies, and the fine search rerun on the widened range. */
export interface EdgeSearch {
  flagged: { param: "lr" | "reg"; edge: "low" | "high" } | null;
  widened: { lr: LogRange; reg: LogRange; trials: Trial[] } | null;
}

/**
 * G8's constructed case: a log-spaced lr search over a range below the workable rates (its best lies at
 * the high edge by construction), the tool's flag on it, and the search over the widened range.
 */
export interface EdgeCase {
  lr: LogRange;
  trials: Trial[];
  flagged: "low" | "high" | null;
  /** The widened range and its trials (the old points' trials reused), or null when not flagged. */
  widened: { lr: LogRange; trials: Trial[] } | null;
}

/** What one seed produces. */
export interface SearchData {
  data: DataInfo;
  coarse: Trial[];
  fineRanges: { lr: LogRange; reg: LogRange };
  fine: Trial[];
  gridVsRandom: GridVsRandom[];
  edge: EdgeSearch;
  edgeCase: EdgeCase;
}
