/**
 * Small images kept in a run's data (bytes 0–255, JSON-friendly) and turned into the report's
 * {@link ImageGrid}s.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { ImageGrid } from "../experiment.ts";

/** One stored image. */
export interface StoredImage {
  label: string;
  width: number;
  height: number;
  channels: 1 | 3;
  /** Pixel values × 255, rounded, row-major HWC. */
  bytes: number[];
}

/** Stores each image of a batch ([N, H, W, C], values in [0, 1]) with its label. */
export async function storeImages(images: tfjs.Tensor4D, labels: readonly string[]): Promise<StoredImage[]> {
  const [n, h, w, c] = images.shape;
  const px = await images.data();
  const size = h * w * c;
  return Array.from({ length: n }, (_, i) => ({
    label: labels[i] ?? "",
    width: w,
    height: h,
    channels: c as 1 | 3,
    bytes: Array.from(px.subarray(i * size, (i + 1) * size), (v) => Math.round(Math.min(1, Math.max(0, v)) * 255)),
  }));
}

/** An image grid for the report from stored images (pixels back in [0, 1]). */
export function toImageGrid(
  title: string,
  caption: string,
  columns: number,
  images: readonly StoredImage[],
): ImageGrid {
  return {
    title,
    caption,
    columns,
    images: images.map((im) => ({
      label: im.label,
      width: im.width,
      height: im.height,
      channels: im.channels,
      pixels: im.bytes.map((b) => b / 255),
    })),
  };
}

/** Interleaves per-column batches into row-major order: rows of [col0[i], col1[i], …]. */
export function interleave<T>(columns: readonly (readonly T[])[]): T[] {
  const rows = Math.min(...columns.map((c) => c.length));
  const out: T[] = [];
  for (let i = 0; i < rows; i++) for (const c of columns) out.push(c[i]);
  return out;
}
