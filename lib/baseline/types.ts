/**
 * The shape of a baseline file, `reports/baseline/<profile>.json`: per experiment and claim the
 * status and every measured number with its band, and the environment the numbers came from.
 * A report directory is turned into the same shape (a "snapshot") so that any two can be compared.
 * @module
 */
import type { Measure } from "../experiment.ts";
import type { ClaimStatus } from "../runner.ts";
import type { ParamValue, Profile } from "../params.ts";

/** The `format` field of every baseline file. */
export const BASELINE_FORMAT = "claimbook-baseline";
/** The version this code reads and writes; another version is refused. */
export const BASELINE_VERSION = 1;

/** A measured number and the band around it within which a new value is not drift. */
export interface BandedNumber {
  value: number;
  /** Half-width of the band, absolute, never zero. */
  band: number;
  /** Where the band comes from: "tolerance ±0.02", "2 sd over 5 seeds", "default ±10%". */
  rule: string;
}

/** One claim in a baseline. */
export interface BaselineClaim {
  status: ClaimStatus;
  /** The verdict's measured value as the run stored it (shown beside the current one). */
  measured?: Measure;
  /** The verdict's summary sentence. */
  summary?: string;
  /** Every number of `measured`, by name ("measured[2]", "key", "key[1]", "key#2" for the 2nd number in a text). */
  numbers: Record<string, BandedNumber>;
  /** Every non-numeric value of `measured` (texts with their numbers replaced by "#", booleans, null). */
  texts: Record<string, string>;
  /** Numbers measured by the wall clock (not compared). */
  wallClock?: string[];
}

/** One experiment in a baseline. */
export interface BaselineExperiment {
  title: string;
  seeds: number[];
  params: Record<string, ParamValue>;
  /** Parameters overridden with --set in the run it came from. */
  overridden: string[];
  commit: string;
  durationMs: number;
  /** Set when the run threw. */
  error?: string;
  claims: Record<string, BaselineClaim>;
  /** The data of the experiment's simple charts, by title: drawn as a second layer on the report's charts. */
  charts?: Record<string, unknown[]>;
}

/** Where the numbers came from. */
export interface BaselineEnvironment {
  backend: string;
  device: string;
  tfjs: string;
  deno: string;
  os: string;
  /** The commit(s) of the results, comma-separated when they differ. */
  commit: string;
}

/** A whole baseline file (or the snapshot of a report directory). */
export interface Baseline {
  format: typeof BASELINE_FORMAT;
  version: typeof BASELINE_VERSION;
  profile: Profile;
  /** When it was made (ISO date). */
  created: string;
  /** What it was made from (a report directory); once read back, the file's own path. */
  source: string;
  environment: BaselineEnvironment;
  experiments: Record<string, BaselineExperiment>;
}
