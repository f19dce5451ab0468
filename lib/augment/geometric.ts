/**
 * Geometric augmentations of image batches ([N, H, W, C] in [0, 1]): flips, rotations, and
 * random crops and scales. Random parameters are drawn in JavaScript from an {@link Rng}, then
 * applied with tensor ops, so the same seed gives the same images on every backend.
 * Resize method: bilinear interpolation with edge replication ({@link warpBilinear}).
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../rng.ts";
import { type AffineMap, warpAffine } from "./sample.ts";

type Tensor4D = tfjs.Tensor4D;

/** Mirrors every image left–right (the slides' horizontal flip). */
export function flipHorizontal(tf: typeof tfjs, images: Tensor4D): Tensor4D {
  return tf.reverse(images, 2);
}

/** Mirrors every image top–bottom (a vertical flip). */
export function flipVertical(tf: typeof tfjs, images: Tensor4D): Tensor4D {
  return tf.reverse(images, 1);
}

/** The affine map of a rotation by `radians` (counter-clockwise on screen) about the image centre. */
export function rotationMap(radians: number): AffineMap {
  // Output pixel p reads the source at R(−θ)·(p − c) + c; y points down, so this turns content counter-clockwise.
  const c = Math.cos(radians), s = Math.sin(radians);
  return { a: [c, -s, s, c], t: [0, 0] };
}

/** Rotates image i by `radians[i]` about its centre (bilinear, edge replication). */
export function rotate(tf: typeof tfjs, images: Tensor4D, radians: readonly number[]): Tensor4D {
  return warpAffine(tf, images, radians.map(rotationMap));
}

/** One crop-and-scale: zoom factor (> 1 enlarges the content) and the crop's shift in pixels. */
export interface CropScale {
  zoom: number;
  dx: number;
  dy: number;
}

/** The affine map of a crop of size (W/zoom) × (H/zoom), shifted by (dx, dy), resized back to W × H. */
export function cropScaleMap(p: CropScale): AffineMap {
  return { a: [1 / p.zoom, 0, 0, 1 / p.zoom], t: [p.dx, p.dy] };
}

/** Crops and rescales image i as given by `params[i]`. */
export function cropScale(tf: typeof tfjs, images: Tensor4D, params: readonly CropScale[]): Tensor4D {
  return warpAffine(tf, images, params.map(cropScaleMap));
}

/** Ranges of random crops and scales. */
export interface CropScaleOptions {
  /** Zoom factors are drawn log-uniformly from [lo, hi]. */
  zoom: [number, number];
  /** Extra shift in pixels, uniform in ±pad (as padding by `pad` and cropping would give). */
  pad: number;
}

/**
 * Draws one random crop per image, as in the ResNet recipe (scale the image, take a random crop of
 * the original size): a zoom z and a shift uniform over the positions that keep the crop inside
 * the scaled image, widened by ±pad.
 */
export function sampleCropScales(rng: Rng, n: number, size: number, o: CropScaleOptions): CropScale[] {
  const [lo, hi] = o.zoom;
  return Array.from({ length: n }, () => {
    const zoom = Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));
    const slack = Math.max(0, (size - size / zoom) / 2) + o.pad;
    return { zoom, dx: rng.uniform(-slack, slack), dy: rng.uniform(-slack, slack) };
  });
}

/** Draws rotation angles uniform in ±maxDegrees, in radians. */
export function sampleAngles(rng: Rng, n: number, maxDegrees: number): number[] {
  return Array.from({ length: n }, () => (rng.uniform(-maxDegrees, maxDegrees) * Math.PI) / 180);
}
