/**
 * The data one seed of the deep-init family produces.
 * @module
 */

/** One init's net in one comparison: its training curve and its per-layer scales before training. */
export interface InitRun {
  /** Loss on the evaluation digits at each measured step (the comparison's `steps`). */
  loss: number[];
  /** Accuracy on the evaluation digits at each measured step. */
  accuracy: number[];
  /** Std of each hidden layer's ReLU outputs before training (over the evaluation digits and the units). */
  actStd: number[];
  /** RMS of dL/dW of each weight layer before training (the logits layer last), on the same digits. */
  gradRms: number[];
  /** The weight std each layer was drawn with (what the run used, faults included). */
  drawnStd: number[];
}

/** One comparison: the same digits, batch order and standard-normal draws, scaled by each init. */
export interface Comparison {
  /** The steps at which the loss was measured (0 = before training). */
  steps: number[];
  kaiming: InitRun;
  xavier: InitRun;
  small: InitRun;
}

/** Everything one seed measures. */
export interface DeepInitData {
  /** Inputs per digit (after pooling). */
  inputs: number;
  /** The overall pixel std the centred digits were divided by (mean over the repeats). */
  pixelStd: number;
  /** The comparisons of this seed (params.repeats), each on its own forked rng streams. */
  comparisons: Comparison[];
}
