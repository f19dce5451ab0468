/**
 * The experiment API: a lecture's claims as a small program with verdicts.
 *
 * An experiment declares its parameters per profile, how many seeds it runs, a `run` that
 * returns plain JSON data for one seed, and claims whose checks compute a {@link Verdict} from
 * the data of every seed. Experiments never touch files, the console or HTML.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type * as tfjs from "@tensorflow/tfjs";
import type { ParamSpecs, ParamValues, Profile } from "./params.ts";
import type { Rng } from "./rng.ts";

/** The kinds of check (shared/CLAIMS.md): the report shows which. */
export type ClaimKind = "value" | "behaviour" | "statistical" | "erratum" | "quiz" | "figure";
/** Every claim kind. */
export const CLAIM_KINDS: readonly ClaimKind[] = ["value", "behaviour", "statistical", "erratum", "quiz", "figure"];

/** A measured or expected quantity as the report shows it. */
export type Measure =
  | number
  | string
  | boolean
  | null
  | readonly (number | string | boolean | null)[]
  | { readonly [key: string]: number | string | boolean | null | readonly (number | null)[] };

/** What a check returns: computed from the run's own numbers, never copied from the lecture. */
export interface Verdict {
  /** Whether the claim holds in this run. */
  pass: boolean;
  /** What was measured. */
  measured: Measure;
  /** What the claim expects (the lecture's value, or one computed from the parameters). */
  expected: Measure;
  /** The tolerance or rule, in words: "±0.02 per layer", "in ≥ 4 of 5 seeds". */
  tolerance: string;
  /** One sentence a lecturer can read; it must follow `pass` (no "exactly" on a failing check). */
  summary: string;
  /**
   * Set when the data cannot decide the claim (too few seeds for the stated test): the reason, e.g.
   * "1 seed, the test needs 5". The claim is then "inconclusive", which never counts as a pass.
   */
  inconclusive?: string;
  /** The outcome of each named part of a multi-part claim (with per-part known failures). */
  parts?: Record<string, boolean>;
}

/**
 * A named, realistic way the claimed behaviour could be wrong — a bug or a wrong belief — switched
 * on through the experiment's own parameters (never a second copy of its code). `deno task test`
 * runs every falsifier at the `ci` profile and fails unless the claim's check rejects it.
 */
export interface Falsifier {
  /** Short name: "Xavier at 1.2/√Din for ReLU". */
  name: string;
  /** What the planted bug or belief is, in a sentence a reader would call a bug. */
  description: string;
  /** Parameter overrides that switch it on, as `--set` text by parameter name: `{ fault: "scale-1.2" }`. */
  set: Record<string, string>;
  /** Seeds for this run when fewer than the profile's keep the point (a reduced budget). */
  seeds?: number;
}

/** The data one seed's run produced. */
export interface SeedRun<D> {
  seed: number;
  data: D;
}

/** One claim of an experiment. */
export interface Claim<D, P> {
  /** The catalogue id (shared/CLAIMS.md), e.g. "C2". */
  id: string;
  kind: ClaimKind;
  /** The claim in our own words. */
  statement: string;
  /**
   * For quiz claims: the lecture's answer key — is the statement true? A list gives the keys of a
   * bundle of statements, in the order the statement lists them.
   */
  answer?: boolean | readonly boolean[];
  /**
   * Declares the claim known to fail, with the reason; a pass is then reported as unexpected. A record
   * declares named parts of the verdict (`Verdict.parts`) known to fail, each with its reason: the other
   * parts must hold.
   */
  knownFailure?: string | Readonly<Record<string, string>>;
  /**
   * Declares the claim known to be fragile across seed sets, with the measured rate ("held in 4 of 5
   * disjoint seed sets in deno task stability"): the report and the stability table show it.
   */
  fragile?: string;
  /** The bugs and wrong beliefs this claim's check is shown to reject (at least one). */
  falsifiers?: readonly Falsifier[];
  /** Computes the verdict from every seed's data. */
  check(runs: readonly SeedRun<D>[], params: P): Verdict;
}

/** A chart: a typed Vega-Lite spec, rendered to SVG when the report is built. */
export interface Chart {
  title: string;
  caption?: string;
  spec: TopLevelSpec;
}

/** A table for the report (an epoch table, the lecture's std table …). */
export interface Table {
  title: string;
  caption?: string;
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

/** A grid of small images (pixels in [0, 1], row-major, 1 or 3 channels). */
export interface ImageGrid {
  title: string;
  caption?: string;
  columns: number;
  images: { label: string; width: number; height: number; channels: 1 | 3; pixels: number[] }[];
}

/** Progress reporting from inside a run: `progress(done, total, label?)`. */
export type ProgressFn = (done: number, total: number, label?: string) => void;

/** What the backend reports about itself. */
export interface BackendInfo {
  /** The claimbook backend name (`cpu-blas`, `wasm`, `webgpu` …). */
  name: string;
  /** The tfjs backend name it runs on. */
  tfjsBackend: string;
  /** The device or adapter, in words. */
  device: string;
  /** Whether this is a software fallback of a GPU path (e.g. WebGPU on llvmpipe). */
  softwareFallback: boolean;
  /** Why each backend tried before this one was refused (for `auto`). */
  refused: { name: string; reason: string }[];
}

/** A small key-value store that outlives the run (e.g. a pretrained model), kept by the runner. */
export interface Cache {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

/** Everything a run gets. */
export interface RunContext<P> {
  /** TensorFlow.js, with the chosen backend active. */
  tf: typeof tfjs;
  params: P;
  profile: Profile;
  /** This run's seed. */
  seed: number;
  /** The generator for this seed; the only source of randomness. */
  rng: Rng;
  backend: BackendInfo;
  progress: ProgressFn;
  cache: Cache;
  /**
   * A hash of the experiment's code (every project module its definition and the runner import, and the
   * lockfile): what a cache inside the run (a pretrained model) keys on, as the result cache does.
   */
  code: string;
}

/** The declaration of an experiment family. */
export interface ExperimentDef<S extends ParamSpecs, D> {
  /** Equals the file name in experiments/. */
  id: string;
  title: string;
  /** The slide titles this experiment checks. */
  lecture: string[];
  /** What the lecture says, in a paragraph, for the report. */
  summary: string;
  params: S;
  /** Number of seeds per profile. */
  seeds: { ci: number; full: number };
  run(ctx: RunContext<ParamValues<S>>): Promise<D>;
  claims: Claim<D, ParamValues<S>>[];
  charts?(runs: readonly SeedRun<D>[], params: ParamValues<S>): Chart[];
  tables?(runs: readonly SeedRun<D>[], params: ParamValues<S>): Table[];
  images?(runs: readonly SeedRun<D>[], params: ParamValues<S>): ImageGrid[];
  /**
   * Loads and validates the experiment's inputs (data files) before any experiment runs; throws a
   * `UsageError` (one line, exit 2) for bad input. Loads are cached, so the run pays nothing again.
   */
  inputs?(params: ParamValues<S>): Promise<void>;
  /**
   * For a family that trains: the number of training steps its runs executed. The report flags a run
   * that executed none (a silently skipped training loop).
   */
  trainingSteps?(runs: readonly SeedRun<D>[], params: ParamValues<S>): number;
}

/** An experiment with its types erased, as the registry and runner hold it. */
// deno-lint-ignore no-explicit-any
export type Experiment = ExperimentDef<ParamSpecs, any>;

const CLAIM_ID = /^[A-H][0-9]{1,2}$/;
const EXPERIMENT_ID = /^[a-z][a-z0-9-]*$/;

/**
 * Declares an experiment, checking its shape (ids, kinds, seeds) so mistakes fail at import.
 * @example
 * ```ts
 * export default defineExperiment({
 *   id: "demo", title: "Demo", lecture: ["Slide"], summary: "…",
 *   params: { n: { ci: 10, full: 100, min: 1, integer: true, doc: "Samples." } },
 *   seeds: { ci: 1, full: 3 },
 *   run: async ({ params }) => ({ n: params.n }),
 *   claims: [{ id: "A1", kind: "value", statement: "n is positive",
 *     check: (runs) => ({ pass: runs[0].data.n > 0, measured: runs[0].data.n, expected: "> 0",
 *       tolerance: "exact", summary: "n is positive." }) }],
 * });
 * ```
 */
export function defineExperiment<S extends ParamSpecs, D>(def: ExperimentDef<S, D>): ExperimentDef<S, D> {
  const where = `Experiment "${def.id}"`;
  if (!EXPERIMENT_ID.test(def.id)) throw new Error(`${where}: the id must be lower-case letters, digits and dashes`);
  for (const p of ["ci", "full"] as const) {
    if (!Number.isInteger(def.seeds[p]) || def.seeds[p] < 1) {
      throw new Error(`${where}: seeds.${p} must be a positive integer, got "${def.seeds[p]}"`);
    }
  }
  if (def.claims.length === 0) throw new Error(`${where}: declares no claim`);
  const seen = new Set<string>();
  for (const c of def.claims) {
    if (!CLAIM_ID.test(c.id)) throw new Error(`${where}: claim id "${c.id}" is not a catalogue id like "C2"`);
    if (seen.has(c.id)) throw new Error(`${where}: claim "${c.id}" is declared twice`);
    seen.add(c.id);
    if (!CLAIM_KINDS.includes(c.kind)) throw new Error(`${where}: claim "${c.id}" has unknown kind "${c.kind}"`);
    if (c.kind === "quiz" && c.answer === undefined) {
      throw new Error(`${where}: quiz claim "${c.id}" needs an answer key`);
    }
    for (const f of c.falsifiers ?? []) {
      const unknown = Object.keys(f.set).filter((k) => !(k in def.params));
      if (unknown.length) {
        throw new Error(`${where}: falsifier "${f.name}" of ${c.id} sets unknown parameter(s) ${unknown.join(", ")}`);
      }
      if (Object.keys(f.set).length === 0) throw new Error(`${where}: falsifier "${f.name}" of ${c.id} sets nothing`);
    }
  }
  return def;
}
