/**
 * The data pipeline of the babysitting and search experiments: load a source, draw a seeded
 * train / validation / test split, optionally bring images to the lecture's 3,072 inputs, and
 * subtract the training set's mean image on the raw pixel scale (the lecture's `X -= mean_image`).
 * @module
 */
import type { Rng } from "../rng.ts";
import { meanImage, split } from "./dataset.ts";
import { loadDataset } from "./load.ts";
import { designMatrix, type Matrix } from "./matrix.ts";
import { toRgb32 } from "./rgb32.ts";

/** Which inputs: the lecture's 32×32×3 = 3,072 values, or the dataset's own image size. */
export type InputShape = "lecture" | "native";

/** What {@link prepareData} needs. */
export interface DataParams {
  data: string;
  dataDir: string;
  inputs: string;
  trainSize: number;
  valSize: number;
  testSize: number;
  /** Pixels are scaled to [0, pixelScale] before the mean is subtracted (255: raw pixel values). */
  pixelScale: number;
}

/** What the report says about the data. */
export interface DataInfo {
  name: string;
  source: string;
  inputs: string;
  D: number;
  classes: number;
  train: number;
  val: number;
  test: number;
  normalisation: string;
}

/** Loads, splits (seeded by `rng`) and normalises the data. */
export async function prepareData(
  p: DataParams,
  rng: Rng,
): Promise<{ train: Matrix; val: Matrix; test: Matrix; info: DataInfo }> {
  const need = p.trainSize + p.valSize + p.testSize;
  const raw = await loadDataset(p.data, p.dataDir, { limit: need });
  const ds = p.inputs === "lecture" ? toRgb32(raw) : raw;
  const converted = ds !== raw;
  const s = split(ds, { train: p.trainSize, val: p.valSize, test: p.testSize }, rng);
  const mean = meanImage(s.train);
  const m = (d: typeof ds) => designMatrix(d, mean, p.pixelScale);
  const train = m(s.train), val = m(s.val), test = m(s.test);
  return {
    train,
    val,
    test,
    info: {
      name: ds.name,
      source: ds.source,
      inputs: !converted
        ? `${train.D} (the images' own ${raw.height}×${raw.width}×${raw.channels})`
        : `3,072 = 32×32×3 (the lecture's size), built from the ${raw.height}×${raw.width}×${raw.channels} images: ` +
          `centred on a 32×32 canvas${raw.channels === 1 ? ", grey copied to 3 channels" : ""}`,
      D: train.D,
      classes: ds.classNames.length,
      train: train.N,
      val: val.N,
      test: test.N,
      normalisation: `pixels scaled to [0, ${p.pixelScale}], minus the training split's mean image`,
    },
  };
}

/** The data parameters both experiments declare (sizes per profile differ by experiment). */
export function dataParamSpecs(sizes: { train: [number, number]; val: [number, number]; inputs: [string, string] }) {
  return {
    data: {
      ci: "mnist",
      full: "mnist",
      choices: ["mnist", "idx", "cifar10"],
      doc: "Data source: mnist (the embedded 10,000 digits), idx (MNIST-format files; Fashion-MNIST found at " +
        "/usr/share/datasets/fashion-mnist when installed), cifar10 (binary batches in dataDir).",
    },
    dataDir: { ci: "", full: "", doc: "Directory of the idx or cifar10 files (empty: the default place)." },
    inputs: {
      ci: sizes.inputs[0],
      full: sizes.inputs[1],
      choices: ["lecture", "native"],
      doc: "lecture: images brought to 32×32×3 = 3,072 inputs as on CIFAR-10; native: the images' own size.",
    },
    trainSize: {
      ci: sizes.train[0],
      full: sizes.train[1],
      min: 20,
      integer: true,
      doc: "Training examples (the lecture: 49,000 of CIFAR-10).",
    },
    valSize: {
      ci: sizes.val[0],
      full: sizes.val[1],
      min: 10,
      integer: true,
      doc: "Validation examples (the lecture: 1,000).",
    },
    testSize: {
      ci: 1000,
      full: 1000,
      min: 0,
      integer: true,
      doc: "Held-out test examples, split off and never used for training or selection.",
    },
    pixelScale: {
      ci: 255,
      full: 255,
      min: 1e-3,
      max: 1e4,
      doc: "Pixels are scaled to [0, pixelScale] before mean subtraction (255: raw pixel values, as in the lecture).",
    },
  };
}
