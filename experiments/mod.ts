/**
 * The registry: every experiment family, one file each in this folder.
 * A test fails when this list and the folder disagree.
 * @module
 */
import type { Experiment } from "../lib/experiment.ts";
import layers from "./layers.ts";
import optimizers from "./optimizers.ts";
import optimizersSgd from "./optimizers-sgd.ts";
import init from "./init.ts";
import regularization from "./regularization.ts";
import augmentation from "./augmentation.ts";
import transfer from "./transfer.ts";
import babysitting from "./babysitting.ts";
import search from "./search.ts";
import backends from "./backends.ts";

/** Every experiment, in report order. */
export const experiments: readonly Experiment[] = [
  layers,
  optimizersSgd,
  optimizers,
  init,
  regularization,
  augmentation,
  transfer,
  babysitting,
  search,
  backends,
];
