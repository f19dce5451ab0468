/**
 * The registry: every experiment family, one file each in this folder.
 * A test fails when this list and the folder disagree.
 * @module
 */
import type { Experiment } from "../lib/experiment.ts";
import init from "./init.ts";
import backends from "./backends.ts";
import layers from "./layers.ts";
import regularization from "./regularization.ts";

/** Every experiment, in report order. */
export const experiments: readonly Experiment[] = [layers, init, regularization, backends];
