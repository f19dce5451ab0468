/**
 * CNN layers: conv output sizes and parameter counts, the four normalizations, BatchNorm's train
 * and inference modes, and BatchNorm's effect on training a classic conv net (claims A1–A5).
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { params } from "./params.ts";
import { run, trainedSteps } from "./run.ts";
import { layersClaims } from "./claims.ts";
import { layersCharts, layersTables } from "./report.ts";

export default defineExperiment({
  id: "layers",
  title: "CNN layers: convolution, pooling and normalization",
  lecture: [
    "Convolution Layer: Summary",
    "Comparison of Normalization Layers",
    "Batch Normalization for convolutional networks",
    "Instance Normalization for convolutional networks",
    "Convolutional Neural Networks: Summary",
    "Regularization: A common pattern",
  ],
  summary: "A conv layer with K filters of size F, stride S and padding P maps W×H×D to " +
    "((W − F + 2P)/S + 1)×((H − F + 2P)/S + 1)×K and has F·F·D·K weights and K biases. Batch-, Layer-, " +
    "Instance- and GroupNorm compute x̂ = (x − μ)/σ over different sets of axes (Wu & He's figure). BatchNorm uses " +
    "the batch's statistics in training and running averages at test time. The classic architecture " +
    "[(conv, ReLU)*N, Pool]*M, (FC, ReLU)*K, Softmax converges faster with a normalization after conv.",
  params,
  seeds: { ci: 5, full: 10 },
  run,
  claims: layersClaims,
  trainingSteps: trainedSteps,
  charts: layersCharts,
  tables: layersTables,
});
