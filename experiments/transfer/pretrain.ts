/**
 * The pretrained source model of the transfer experiment: a small CNN trained by the project on
 * the source digits, cached between runs under a key made of its code, its data and its seed, so
 * that a change to any of them trains it anew.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Cache } from "../../lib/experiment.ts";
import type { Rng } from "../../lib/rng.ts";
import type { Dataset } from "../../lib/data/dataset.ts";
import { augmentBatch, type AugmentOptions } from "../../lib/augment/pipeline.ts";
import {
  cnnAccuracy,
  cnnFromJSON,
  type CnnSpec,
  cnnToJSON,
  createSmallCnn,
  type SmallCnn,
  type SmallCnnJSON,
  trainCnn,
} from "./small_cnn.ts";

/**
 * The recipe's version: the key also holds the hash of every module the family imports (`ctx.code`),
 * so this is bumped only for a change the code does not show (none so far beyond version 2).
 */
export const PRETRAIN_VERSION = "pretrain-cnn-3";

/** A hash of a dataset's pixels (quantised to 8 bits) and labels. */
export function datasetHash(ds: Dataset): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < ds.images.length; i++) h = Math.imul(h ^ Math.round(ds.images[i] * 255), 0x01000193);
  for (let i = 0; i < ds.labels.length; i++) h = Math.imul(h ^ ds.labels[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Options of {@link pretrainedNet}. */
export interface PretrainOptions {
  /** The architecture (its last dense width is the number of source classes). */
  spec: CnnSpec;
  steps: number;
  batch: number;
  lr: number;
  seed: number;
  /** The label of the random stream the model is trained with (`rng` is that fork of the seed's generator). */
  rngLabel: string;
  /** The backend's name: float rounding differs between backends, so does the model. */
  backend: string;
  /** Augment the source images while pretraining (as ImageNet models are trained), or not. */
  augment?: AugmentOptions;
  /** A planted bug (falsifier tests): "not-pretrained" skips the pretraining (initial weights). */
  fault?: string;
  /**
   * The hash of the family's code (`ctx.code`: every project module it imports, from the import graph, as
   * the result cache keys on): an edit to any of them retrains the model.
   */
  code?: string;
}

/** The cache key of a pretrained model: everything that determines it. */
export function pretrainKey(train: Dataset, heldOut: Dataset, o: PretrainOptions): string {
  return [
    "transfer-pretrained",
    `code ${o.code ?? "unknown"} ${PRETRAIN_VERSION}`,
    `data ${train.name} ${train.count} ${datasetHash(train)} held-out ${datasetHash(heldOut)}`,
    `cnn ${JSON.stringify(o.spec)} steps ${o.steps} batch ${o.batch} lr ${o.lr}`,
    `augment ${JSON.stringify(o.augment ?? null)}`,
    `seed ${o.seed} rng ${o.rngLabel}`,
    `backend ${o.backend}`,
    ...(o.fault && o.fault !== "none" ? [`fault ${o.fault}`] : []),
  ].join("; ");
}

/** What the cache holds. */
interface CachedModel {
  net: SmallCnnJSON;
  sourceAccuracy: number;
}

/** A dataset's images as a [N, H, W, C] tensor. */
export function imagesOf(tf: typeof tfjs, ds: Dataset): tfjs.Tensor4D {
  return tf.tensor4d(ds.images, [ds.count, ds.height, ds.width, ds.channels]);
}

async function pretrain(tf: typeof tfjs, train: Dataset, o: PretrainOptions, rng: Rng): Promise<SmallCnn> {
  const x = imagesOf(tf, train);
  const net = createSmallCnn(tf, o.spec, rng.fork("init"));
  await trainCnn(tf, net, x, train.labels, train.classNames.length, {
    lr: o.lr,
    steps: o.steps,
    batch: o.batch,
    rng: rng.fork("order"),
    ...(o.augment ? { augment: (b: tfjs.Tensor4D, r: Rng) => augmentBatch(tf, b, r, o.augment!) } : {}),
  });
  x.dispose();
  return net;
}

function isCached(v: unknown): v is CachedModel {
  const c = v as CachedModel;
  return !!c && typeof c.sourceAccuracy === "number" && Array.isArray(c.net?.kinds) && Array.isArray(c.net?.shapes) &&
    Array.isArray(c.net?.weights) && Array.isArray(c.net?.biases) && c.net.weights.length === c.net.kinds.length &&
    c.net.shapes.length === c.net.kinds.length && c.net.biases.length === c.net.kinds.length;
}

/**
 * The source model: from the cache when its key matches, otherwise trained (with `rng`) and stored.
 * Also returns its accuracy on held-out source images and whether it came from the cache.
 */
export async function pretrainedNet(
  tf: typeof tfjs,
  cache: Cache,
  train: Dataset,
  heldOut: Dataset,
  o: PretrainOptions,
  rng: Rng,
): Promise<{ net: SmallCnn; sourceAccuracy: number; cached: boolean; key: string }> {
  const key = pretrainKey(train, heldOut, o);
  const hit = await cache.get(key);
  if (isCached(hit)) return { net: cnnFromJSON(tf, hit.net), sourceAccuracy: hit.sourceAccuracy, cached: true, key };
  const net = o.fault === "not-pretrained"
    ? createSmallCnn(tf, o.spec, rng.fork("init"))
    : await pretrain(tf, train, o, rng);
  const xh = imagesOf(tf, heldOut);
  const sourceAccuracy = await cnnAccuracy(tf, net, xh, heldOut.labels);
  xh.dispose();
  await cache.set(key, { net: await cnnToJSON(net), sourceAccuracy } satisfies CachedModel);
  return { net, sourceAccuracy, cached: false, key };
}
