/**
 * Data augmentation and test-time augmentation on real digits (claims E1–E5).
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { params } from "./params.ts";
import { run, trainedSteps } from "./run.ts";
import { augmentationClaims } from "./claims.ts";
import { charts, images, tables } from "./report.ts";

export default defineExperiment({
  id: "augmentation",
  title: "Data augmentation and test-time augmentation",
  lecture: [
    "Data Augmentation: Horizontal Flips",
    "Data Augmentation: Random Crops and Scales",
    "Data Augmentation: Color Jitter",
    "Data Augmentation: Elastic Deformation",
    "Data Augmentation: Test-time Augmentation",
  ],
  summary: "Augmentation extends the training data with label-preserving transformations: flips (horizontal yes; " +
    "vertical flips and rotations not for every dataset), random crops and scales, colour jitter (brightness, contrast; " +
    "AlexNet's PCA colour offsets) and elastic deformation (random offsets on a coarse grid, interpolated). It acts as a " +
    "regularizer: add randomness in training, average over it at test time — which test-time augmentation does with n " +
    "augmented copies, at about n times the cost. Here on the embedded MNIST digits; PCA colour augmentation needs RGB " +
    "images, so it runs on colourised digits (each digit given a random ink and background colour), as CIFAR-10 is not " +
    "available.",
  params,
  seeds: { ci: 3, full: 10 },
  run,
  claims: augmentationClaims,
  trainingSteps: trainedSteps,
  charts,
  tables,
  images,
});
