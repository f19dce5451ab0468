/**
 * One shape for every image dataset, and deterministic, seeded splits and subsets.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../rng.ts";

/** Images in [0, 1], row-major NHWC, with integer labels. */
export interface Dataset {
  /** Short name: "mnist", "fashion-mnist", "cifar10" … */
  name: string;
  /** Where the data came from, in words, for the report. */
  source: string;
  width: number;
  height: number;
  channels: 1 | 3;
  /** Names of the classes; their count is the number of classes. */
  classNames: string[];
  /** count × height × width × channels values in [0, 1]. */
  images: Float32Array;
  labels: Uint8Array;
  count: number;
}

/** Pixels per image. */
export function imageSize(ds: Dataset): number {
  return ds.width * ds.height * ds.channels;
}

/** The images at `indices`, in that order, as a new dataset. */
export function subset(ds: Dataset, indices: readonly number[], name = ds.name): Dataset {
  const n = imageSize(ds);
  const images = new Float32Array(indices.length * n);
  const labels = new Uint8Array(indices.length);
  indices.forEach((idx, i) => {
    if (idx < 0 || idx >= ds.count) {
      throw new RangeError(`Index ${idx} is outside dataset "${ds.name}" of ${ds.count} images`);
    }
    images.set(ds.images.subarray(idx * n, (idx + 1) * n), i * n);
    labels[i] = ds.labels[idx];
  });
  return { ...ds, name, images, labels, count: indices.length };
}

/** A train / validation / test split. */
export interface Split {
  train: Dataset;
  val: Dataset;
  test: Dataset;
}

/**
 * Shuffles with `rng` and cuts the dataset into train, validation and test parts of the given
 * sizes (the same seed gives the same split).
 */
export function split(ds: Dataset, sizes: { train: number; val: number; test: number }, rng: Rng): Split {
  const need = sizes.train + sizes.val + sizes.test;
  if (need > ds.count) {
    throw new RangeError(
      `Dataset "${ds.name}" has ${ds.count} images; the split asks for ${need} (train ${sizes.train}, val ${sizes.val}, test ${sizes.test})`,
    );
  }
  const order = rng.shuffle(Array.from({ length: ds.count }, (_, i) => i));
  return {
    train: subset(ds, order.slice(0, sizes.train)),
    val: subset(ds, order.slice(sizes.train, sizes.train + sizes.val)),
    test: subset(ds, order.slice(sizes.train + sizes.val, need)),
  };
}

/** Per-pixel mean of a dataset's images (the lecture's mean subtraction uses the training set's). */
export function meanImage(ds: Dataset): Float32Array {
  const n = imageSize(ds), out = new Float32Array(n);
  for (let i = 0; i < ds.count; i++) for (let j = 0; j < n; j++) out[j] += ds.images[i * n + j];
  for (let j = 0; j < n; j++) out[j] /= ds.count;
  return out;
}

/** Options of {@link toTensors}. */
export interface TensorOptions {
  /** Flatten to [N, H·W·C] (for fully connected nets) instead of [N, H, W, C]. */
  flatten?: boolean;
  /** Subtract this per-pixel mean (e.g. the training set's {@link meanImage}). */
  subtractMean?: Float32Array;
}

/** The dataset as tensors: images (float32) and one-hot labels. The caller disposes them. */
export function toTensors(tf: typeof tfjs, ds: Dataset, o: TensorOptions = {}): { x: tfjs.Tensor; y: tfjs.Tensor2D } {
  const n = imageSize(ds);
  let pixels = ds.images;
  if (o.subtractMean) {
    pixels = new Float32Array(ds.images.length);
    for (let i = 0; i < pixels.length; i++) pixels[i] = ds.images[i] - o.subtractMean[i % n];
  }
  const shape = o.flatten ? [ds.count, n] : [ds.count, ds.height, ds.width, ds.channels];
  return tf.tidy(() => ({
    x: tf.tensor(pixels, shape, "float32"),
    y: tf.oneHot(tf.tensor1d(ds.labels, "int32"), ds.classNames.length).toFloat() as tfjs.Tensor2D,
  }));
}
