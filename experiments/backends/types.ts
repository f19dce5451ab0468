/**
 * The data one seed of the backends experiment produces: one record per backend tried.
 * @module
 */

/** One backend's init runs: its measurements and whether a repeat was bit-identical. */
export interface BackendRun {
  name: string;
  device: string;
  /** Why it did not run (not installed, no adapter …); absent when it ran. */
  unavailable?: string;
  /** Why a backend that is present gave no numbers (refused by its self-check, or threw); a failure. */
  failed?: string;
  /** The raw numbers behind each init claim, as measured on this backend. */
  measured: Record<string, number[]>;
  /** Whether a second run with the same seed gave bit-identical data. */
  identical: boolean;
  /** Updates init's C1 training runs executed (constant and random init, both repeats): 0 when none ran or the backend did not run. */
  trainingSteps: number;
  ms: number;
}

/** What one seed of the backends experiment returns. */
export interface BackendsData {
  runs: BackendRun[];
}
