/**
 * Transfer learning with a pretrained net on very small target sets (claim E6).
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { params } from "./params.ts";
import { run, trainedSteps } from "./run.ts";
import { transferClaims } from "./claims.ts";
import { transferCharts, transferImages, transferTables } from "./report.ts";
import { transferInputs } from "./fashion_reader.ts";

export default defineExperiment({
  id: "transfer",
  title: "Transfer learning",
  lecture: ["Transfer Learning with CNNs", "Transfer learning is pervasive!"],
  summary: "Train on a large dataset, then reuse the net on a small dataset of C new classes: with very little data, " +
    "freeze it and train a linear classifier on top; with more data, fine-tune more layers, with a smaller learning rate " +
    "(about 0.1 of the original). The lecture's 2×2 table: similar or very different data, very little or quite a lot. " +
    "Here the 'large dataset' is the embedded digits of the source classes, the net a small CNN (conv 3×3 layers " +
    "with ReLU and 2×2 max-pooling, then a dense ReLU layer and the classifier) pretrained by the project (with the " +
    "digit augmentation, as large models are trained) and cached; the similar target is the other digits, the very " +
    "different one " +
    "Fashion-MNIST when installed (apt-get install dataset-fashion-mnist), otherwise the target digits with a fixed " +
    "random permutation of their pixels (a stand-in with the same labels but none of the spatial structure).",
  params,
  seeds: { ci: 3, full: 10 },
  run,
  claims: transferClaims,
  trainingSteps: trainedSteps,
  charts: transferCharts,
  tables: transferTables,
  images: transferImages,
  inputs: transferInputs,
});
