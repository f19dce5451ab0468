/**
 * The parameters of the transfer family (E6).
 * @module
 */
import { faultParam, type ParamValues } from "../../lib/params.ts";

/** Every parameter is overridable with --set transfer.<name>=…. */
export const params = {
  sourceClasses: { ci: [0, 1, 2, 3, 4], full: [0, 1, 2, 3, 4], min: 0, max: 9, integer: true, doc: "Source digits." },
  targetClasses: {
    ci: [5, 6, 7, 8, 9],
    full: [5, 6, 7, 8, 9],
    min: 0,
    max: 9,
    integer: true,
    doc: "Digits of the similar target task.",
  },
  different: {
    ci: "auto",
    full: "auto",
    choices: ["auto", "fashion-mnist", "permuted-digits"],
    doc: "The very different target: Fashion-MNIST (auto: when installed) or target digits with permuted pixels.",
  },
  differentClasses: {
    ci: [0, 1, 2, 3, 4],
    full: [0, 1, 2, 3, 4],
    min: 0,
    max: 9,
    integer: true,
    doc: "Fashion-MNIST classes of the different target.",
  },
  pretrainSize: { ci: 4000, full: 4500, min: 100, max: 4800, integer: true, doc: "Source images for pretraining." },
  channels: {
    ci: [8, 16],
    full: [16, 32],
    min: 1,
    max: 256,
    integer: true,
    doc: "Channels of the CNN's conv 3×3 layers (each with ReLU and 2×2 max-pooling).",
  },
  denseWidth: { ci: 64, full: 128, min: 2, max: 2048, integer: true, doc: "Width of the CNN's hidden dense layer." },
  pretrainSteps: { ci: 300, full: 2000, min: 1, max: 100000, integer: true, doc: "Pretraining SGD steps." },
  pretrainBatch: { ci: 32, full: 64, min: 1, max: 1000, integer: true, doc: "Pretraining mini-batch size." },
  pretrainAugment: {
    ci: true,
    full: true,
    doc: "Pretrain with the digit augmentation (random crops and scales, rotations, elastic), as large models are.",
  },
  lr: { ci: 0.05, full: 0.05, min: 0, max: 10, doc: "The original (pretraining) learning rate; SGD, momentum 0.9." },
  little: {
    ci: 5,
    full: 5,
    min: 1,
    max: 500,
    integer: true,
    doc: "Labelled target images per class, 'very little data'.",
  },
  much: {
    ci: 100,
    full: 300,
    min: 1,
    max: 800,
    integer: true,
    doc: "Labelled target images per class, 'quite a lot'.",
  },
  steps: {
    ci: 80,
    full: 500,
    min: 1,
    max: 100000,
    integer: true,
    doc: "SGD steps (batch 50) of each target training.",
  },
  lrMults: {
    ci: [0.1, 1],
    full: [0.01, 0.03, 0.1, 0.3, 1],
    min: 0,
    max: 10,
    doc: "Learning-rate multipliers of the fine-tuned pretrained layers (the slide: 0.1 of the original).",
  },
  testSize: {
    ci: 2000,
    full: 3000,
    min: 50,
    max: 3000,
    integer: true,
    doc:
      "Test images per target task (2000 at ci: with 600 the growth of the fine-tune gain was significant in 2 of 5 seed sets).",
  },
  fault: faultParam({
    "features-zeros": "the frozen features are computed from a zero tensor of the images' shape, not the images",
    "not-pretrained": "the pretraining is skipped: the 'pretrained' net keeps its initial weights",
  }),
};

/** The resolved parameters. */
export type P = ParamValues<typeof params>;
