/**
 * Changing the size of a dataset's images without a tensor backend: average pooling (smaller nets
 * run faster), zero padding and grey-to-RGB (to reach the lecture's 32×32×3 = 3072 inputs).
 * @module
 */
import type { Dataset } from "./dataset.ts";

/** Averages `factor`×`factor` blocks (28×28 digits with factor 2 become 14×14). Edges that do not fill a block are dropped. */
export function poolImages(ds: Dataset, factor: number): Dataset {
  if (!Number.isInteger(factor) || factor < 1) {
    throw new RangeError(`Pool factor must be a positive integer, got "${factor}"`);
  }
  const w = Math.floor(ds.width / factor), h = Math.floor(ds.height / factor), c = ds.channels;
  if (w < 1 || h < 1) {
    throw new RangeError(`Pool factor "${factor}" is larger than the ${ds.width}×${ds.height} images`);
  }
  const n = ds.width * ds.height * c, m = w * h * c;
  const images = new Float32Array(ds.count * m);
  for (let i = 0; i < ds.count; i++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        for (let ch = 0; ch < c; ch++) {
          let s = 0;
          for (let dy = 0; dy < factor; dy++) {
            for (let dx = 0; dx < factor; dx++) {
              s += ds.images[i * n + ((y * factor + dy) * ds.width + x * factor + dx) * c + ch];
            }
          }
          images[i * m + (y * w + x) * c + ch] = s / (factor * factor);
        }
      }
    }
  }
  return { ...ds, width: w, height: h, images };
}

/** Pads every image with `pad` zero pixels on each side. */
export function padImages(ds: Dataset, pad: number): Dataset {
  if (!Number.isInteger(pad) || pad < 0) throw new RangeError(`Padding must be a non-negative integer, got "${pad}"`);
  const w = ds.width + 2 * pad, h = ds.height + 2 * pad, c = ds.channels;
  const n = ds.width * ds.height * c, m = w * h * c;
  const images = new Float32Array(ds.count * m);
  for (let i = 0; i < ds.count; i++) {
    for (let y = 0; y < ds.height; y++) {
      const from = i * n + y * ds.width * c;
      images.set(ds.images.subarray(from, from + ds.width * c), i * m + ((y + pad) * w + pad) * c);
    }
  }
  return { ...ds, width: w, height: h, images };
}

/** Repeats a grey channel three times (an RGB image with equal channels). */
export function greyToRgb(ds: Dataset): Dataset {
  if (ds.channels !== 1) throw new RangeError(`Dataset "${ds.name}" already has ${ds.channels} channels`);
  const images = new Float32Array(ds.images.length * 3);
  for (let i = 0, j = 0; i < ds.images.length; i++, j += 3) {
    const v = ds.images[i];
    images[j] = v;
    images[j + 1] = v;
    images[j + 2] = v;
  }
  return { ...ds, channels: 3, images };
}
