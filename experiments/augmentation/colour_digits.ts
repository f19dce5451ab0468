/**
 * Colourised digits: an RGB dataset built from grey digits, for PCA colour augmentation where no
 * RGB image set (CIFAR-10) is available. Each image gets its own ink and background colour:
 * `pixel = background·(1 − v) + ink·v` for the grey value v. Ink colours are bright and
 * saturated with a random hue; backgrounds are dark and greyish with a random tint, so the RGB
 * covariance has a dominant brightness direction, as natural images do.
 * @module
 */
import type { Rng } from "../../lib/rng.ts";
import type { Dataset } from "../../lib/data/dataset.ts";

/** HSV (all in [0, 1]) to RGB. */
export function hsvToRgb(h: number, s: number, v: number): [number, number, number] {
  const i = Math.floor(h * 6) % 6, f = h * 6 - Math.floor(h * 6);
  const p = v * (1 - s), q = v * (1 - f * s), t = v * (1 - (1 - f) * s);
  return ([[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]] as [number, number, number][])[i];
}

/** Colourises a grey dataset (1 channel) with a random ink and background colour per image. */
export function colouriseDigits(ds: Dataset, rng: Rng): Dataset {
  if (ds.channels !== 1) throw new Error(`colouriseDigits: dataset "${ds.name}" is not grey (${ds.channels} channels)`);
  const px = ds.width * ds.height;
  const images = new Float32Array(ds.count * px * 3);
  for (let i = 0; i < ds.count; i++) {
    const ink = hsvToRgb(rng.next(), rng.uniform(0.5, 1), rng.uniform(0.7, 1));
    const bg = hsvToRgb(rng.next(), rng.uniform(0, 0.4), rng.uniform(0, 0.35));
    for (let p = 0; p < px; p++) {
      const v = ds.images[i * px + p];
      for (let c = 0; c < 3; c++) images[(i * px + p) * 3 + c] = bg[c] * (1 - v) + ink[c] * v;
    }
  }
  return {
    ...ds,
    name: `${ds.name}-colour`,
    source: `${ds.source}, colourised (random ink and background colour per image)`,
    channels: 3,
    images,
  };
}

/**
 * The images of an RGB dataset as a reader that takes its channels-last buffer for planar
 * (channels-first) data would see them: the `pca-planar` fault of the augmentation experiment.
 */
export function readAsPlanar(ds: Dataset): Dataset {
  const px = ds.width * ds.height;
  const images = new Float32Array(ds.images.length);
  for (let i = 0; i < ds.count; i++) {
    for (let p = 0; p < px; p++) {
      for (let c = 0; c < 3; c++) images[(i * px + p) * 3 + c] = ds.images[i * px * 3 + c * px + p];
    }
  }
  return { ...ds, images };
}
