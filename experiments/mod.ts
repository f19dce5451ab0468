/**
 * The registry: every experiment family, one file each in this folder.
 * A test fails when this list and the folder disagree.
 * @module
 */
import type { Experiment } from "../lib/experiment.ts";
import init from "./init.ts";
import backends from "./backends.ts";

/** Every experiment, in report order. */
export const experiments: readonly Experiment[] = [init, backends];
