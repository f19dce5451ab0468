/**
 * The registry: every experiment family, one file each in this folder.
 * A test fails when this list and the folder disagree.
 * @module
 */
import type { Experiment } from "../lib/experiment.ts";
import layers from "./layers/mod.ts";
import optimizers from "./optimizers/mod.ts";
import optimizersSgd from "./optimizers-sgd/mod.ts";
import init from "./init/mod.ts";
import regularization from "./regularization/mod.ts";
import augmentation from "./augmentation/mod.ts";
import transfer from "./transfer/mod.ts";
import babysitting from "./babysitting/mod.ts";
import search from "./search/mod.ts";
import backends from "./backends/mod.ts";
import deepInit from "./deep-init/mod.ts";

/** Every experiment, in report order. */
export const experiments: readonly Experiment[] = [
  layers,
  optimizersSgd,
  optimizers,
  init,
  deepInit,
  regularization,
  augmentation,
  transfer,
  babysitting,
  search,
  backends,
];
