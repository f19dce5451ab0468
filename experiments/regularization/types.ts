/**
 * The data one seed of the regularization family produces.
 * @module
 */
import type { ExpectationResult, NeuronResult, RegLoss } from "./dropout_measures.ts";
import type { McGap } from "./dropout_mlp.ts";
import type { BatchNormPattern } from "../../lib/nn/batchnorm_pattern.ts";

/** One trained net of D7: its training curve and its test-mode loss/accuracy on train and validation sets. */
export interface TrainedNet {
  curve: { step: number; loss: number }[];
  train: { loss: number; accuracy: number };
  val: { loss: number; accuracy: number };
}

/** D2's zeroed fractions per forward pass, by the slides' mask and by `tf.dropout`. */
export interface ZeroFractions {
  slides: number[];
  library: number[];
}

/** One D7 comparison: the same initial weights trained without and with dropout. */
export interface D7Pair {
  none: TrainedNet;
  dropout: TrainedNet;
}

/** Everything one seed measures. */
export interface RegData {
  d1: RegLoss;
  d2: ZeroFractions;
  d3: NeuronResult;
  d4: ExpectationResult;
  /** D2–D4 again at the asymmetric keep probability `keep` (params.ts asymKeep). */
  asym: { keep: number; d2: ZeroFractions; d3: NeuronResult; d4: ExpectationResult };
  d5: { log10: number; digits: number };
  /** MC average of the dropout-trained net, with ReLU (as trained) and with the activation removed (linear control). */
  d6: { relu: McGap; linear: McGap };
  d7: D7Pair;
  /** The further independent D7 comparisons of this seed (params.ts d7Repeats − 1), each on its own rng stream. */
  d7More: D7Pair[];
  /** BatchNorm's train/test behaviour on the same digits (the pattern table's second row). */
  bn: BatchNormPattern;
}
