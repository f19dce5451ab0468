/**
 * The image grids of the augmentation report: originals next to their augmented versions, kept
 * as small stored images in the run's data.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import { interleave, type StoredImage, storeImages } from "../../lib/report/image_grids.ts";
import { cropScale, flipHorizontal, flipVertical, rotate, sampleCropScales } from "../../lib/augment/geometric.ts";
import {
  addColourOffsets,
  colourJitter,
  type PcaColour,
  pcaOffsets,
  sampleAlphas,
  sampleJitter,
} from "../../lib/augment/colour.ts";
import { displacementField, elasticDeform, sampleGridOffsets, warpByField } from "../../lib/augment/elastic.ts";
import type { AugmentOptions } from "../../lib/augment/pipeline.ts";
import { augmentBatch } from "../../lib/augment/pipeline.ts";

/** The stored grids of one run. */
export interface Showcase {
  flips: StoredImage[];
  cropsJitter: StoredImage[];
  pca: StoredImage[];
  elastic: StoredImage[];
}

async function columns(cols: [string, tfjs.Tensor4D][]): Promise<StoredImage[]> {
  const stored = [];
  for (const [label, t] of cols) {
    stored.push(await storeImages(t, new Array(t.shape[0]).fill(label)));
    t.dispose();
  }
  return interleave(stored);
}

/** Makes the four grids from a few grey digits (6s and 9s first), colour digits and the PCA fit. */
export async function makeShowcase(
  tf: typeof tfjs,
  grey: tfjs.Tensor4D,
  colour: tfjs.Tensor4D,
  pca: PcaColour,
  rng: Rng,
  o: AugmentOptions & { alphaStd: number; maxBrightness: number; maxContrast: number },
): Promise<Showcase> {
  const n = grey.shape[0], nc = colour.shape[0];
  const deg = (d: number) => new Array(n).fill((d * Math.PI) / 180);
  const flips = await columns([
    ["original", grey.clone()],
    ["h-flip", flipHorizontal(tf, grey)],
    ["v-flip", flipVertical(tf, grey)],
    ["rot 180°", rotate(tf, grey, deg(180))],
    [`rot +${o.maxDegrees}°`, rotate(tf, grey, deg(o.maxDegrees))],
    [`rot −${o.maxDegrees}°`, rotate(tf, grey, deg(-o.maxDegrees))],
  ]);
  const crop = () => cropScale(tf, grey, sampleCropScales(rng, n, grey.shape[1], { zoom: o.zoom, pad: o.pad }));
  const jitter = () => colourJitter(tf, grey, sampleJitter(rng, n, o.maxBrightness, o.maxContrast));
  const cropsJitter = await columns([
    ["original", grey.clone()],
    ["crop+scale", crop()],
    ["crop+scale", crop()],
    ["jitter", jitter()],
    ["jitter", jitter()],
  ]);
  const pcaShift = (std: number) => addColourOffsets(tf, colour, pcaOffsets(pca, sampleAlphas(rng, nc, std)));
  const pcaImages = await columns([
    ["original", colour.clone()],
    [`α~N(0,${o.alphaStd}²)`, pcaShift(o.alphaStd)],
    [`α~N(0,${o.alphaStd}²)`, pcaShift(o.alphaStd)],
    [`α×10 (shown larger)`, pcaShift(10 * o.alphaStd)],
    [`α×10 (shown larger)`, pcaShift(10 * o.alphaStd)],
  ]);
  const offsets = sampleGridOffsets(rng, n, o.grid, o.sigma);
  const field = displacementField(tf, offsets, grey.shape[1], grey.shape[2]);
  // |d| per pixel, scaled so the largest displacement in the batch is white.
  const magnitude = tf.tidy(() => {
    const m = tf.sqrt(tf.sum(tf.square(field), 3, true));
    return tf.div(m, tf.maximum(tf.max(m), 1e-6)) as tfjs.Tensor4D;
  });
  const elasticImages = await columns([
    ["original", grey.clone()],
    [`σ=${o.sigma}px`, warpByField(tf, grey, field)],
    ["field |d| (white = max)", magnitude],
    [`σ=${2 * o.sigma}px`, elasticDeform(tf, grey, sampleGridOffsets(rng, n, o.grid, 2 * o.sigma))],
    ["all (training)", augmentBatch(tf, grey, rng, o)],
  ]);
  field.dispose();
  return { flips, cropsJitter, pca: pcaImages, elastic: elasticImages };
}
