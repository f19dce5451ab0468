/**
 * The lecture's input size (32×32×3 = 3,072 values, CIFAR-10) from any dataset: images are
 * centred on a 32×32 canvas (padded with zeros, or cropped) and grey images copied to 3 channels.
 * @module
 */
import type { Dataset } from "./dataset.ts";

/** The dataset as 32×32 RGB images (unchanged when it already is); the source text says so. */
export function toRgb32(ds: Dataset): Dataset {
  if (ds.width === 32 && ds.height === 32 && ds.channels === 3) return ds;
  const n = ds.width * ds.height * ds.channels;
  const images = new Float32Array(ds.count * 3072);
  const offY = Math.floor((32 - ds.height) / 2), offX = Math.floor((32 - ds.width) / 2);
  for (let i = 0; i < ds.count; i++) {
    for (let y = 0; y < 32; y++) {
      const sy = y - offY;
      if (sy < 0 || sy >= ds.height) continue;
      for (let x = 0; x < 32; x++) {
        const sx = x - offX;
        if (sx < 0 || sx >= ds.width) continue;
        for (let c = 0; c < 3; c++) {
          const sc = ds.channels === 3 ? c : 0;
          images[i * 3072 + (y * 32 + x) * 3 + c] = ds.images[i * n + (sy * ds.width + sx) * ds.channels + sc];
        }
      }
    }
  }
  return {
    ...ds,
    name: `${ds.name}-rgb32`,
    source: `${ds.source}; each ${ds.height}×${ds.width}×${ds.channels} image centred on a 32×32 canvas` +
      (ds.channels === 1 ? " and copied to 3 channels" : "") + " (3,072 inputs, the lecture's size)",
    width: 32,
    height: 32,
    channels: 3,
    images,
  };
}
