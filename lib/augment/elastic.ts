/**
 * Elastic deformation as in Ronneberger et al. (U-Net, MICCAI 2015): random displacement vectors
 * on a coarse grid (grid size g × g, offsets ~ N(0, σ²) pixels), interpolated in between by bicubic
 * (Keys, a = −0.5) interpolation into a smooth per-pixel displacement field, then the image is
 * resampled there (bilinear, edge replication).
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../rng.ts";
import { pixelGrid, warpBilinear } from "./sample.ts";

type Tensor4D = tfjs.Tensor4D;

/** Keys' cubic convolution kernel (a = −0.5, Catmull-Rom): interpolating and C¹-smooth. */
export function keysKernel(t: number, a = -0.5): number {
  const x = Math.abs(t);
  if (x <= 1) return (a + 2) * x ** 3 - (a + 3) * x ** 2 + 1;
  if (x < 2) return a * x ** 3 - 5 * a * x ** 2 + 8 * a * x - 4 * a;
  return 0;
}

/**
 * The [size × g] matrix that interpolates g grid nodes (spread evenly over the first to the last
 * pixel) to `size` pixels by bicubic convolution; nodes past the ends repeat the end node.
 */
export function cubicInterpolationMatrix(size: number, g: number): Float32Array {
  if (g < 2) throw new Error(`cubicInterpolationMatrix: the grid needs at least 2 nodes, got ${g}`);
  const m = new Float32Array(size * g);
  for (let i = 0; i < size; i++) {
    const u = (i * (g - 1)) / (size - 1);
    const f = Math.floor(u);
    for (let k = f - 1; k <= f + 2; k++) {
      const wgt = keysKernel(u - k);
      if (wgt === 0) continue;
      m[i * g + Math.min(g - 1, Math.max(0, k))] += wgt;
    }
  }
  return m;
}

/** Grid offsets of a batch: [N, g, g, 2] values (dx, dy) in pixels, row-major. */
export interface GridOffsets {
  n: number;
  grid: number;
  values: Float32Array;
}

/** Step 2 of the slide: samples the offsets of every grid point, N(0, σ²) pixels in x and y. */
export function sampleGridOffsets(rng: Rng, n: number, grid: number, sigma: number): GridOffsets {
  return { n, grid, values: rng.normals(n * grid * grid * 2, sigma) };
}

/**
 * Step 3: interpolates grid offsets to a dense field [N, H, W, 2] (dx, dy per pixel) with two
 * small matrix products per image and component: D = M_y · G · M_xᵀ.
 */
export function displacementField(tf: typeof tfjs, offsets: GridOffsets, h: number, w: number): tfjs.Tensor4D {
  const { n, grid: g } = offsets;
  const my = cubicInterpolationMatrix(h, g), mx = cubicInterpolationMatrix(w, g);
  const mxT = new Float32Array(g * w), myT = new Float32Array(g * h);
  for (let i = 0; i < w; i++) for (let k = 0; k < g; k++) mxT[k * w + i] = mx[i * g + k];
  for (let i = 0; i < h; i++) for (let k = 0; k < g; k++) myT[k * h + i] = my[i * g + k];
  return tf.tidy(() => {
    // [N, gy, gx, 2] → [N, 2, gy, gx]
    const G = tf.transpose(tf.tensor4d(offsets.values, [n, g, g, 2]), [0, 3, 1, 2]);
    const alongX = tf.reshape(tf.matMul(tf.reshape(G, [n * 2 * g, g]), tf.tensor2d(mxT, [g, w])), [n * 2, g, w]);
    const swapped = tf.reshape(tf.transpose(alongX, [0, 2, 1]), [n * 2 * w, g]);
    const alongY = tf.reshape(tf.matMul(swapped, tf.tensor2d(myT, [g, h])), [n, 2, w, h]);
    return tf.transpose(alongY, [0, 3, 2, 1]) as tfjs.Tensor4D; // [N, H, W, 2]
  });
}

/** Resamples every image at p + d(p) for its dense displacement field `field` ([N, H, W, 2]). */
export function warpByField(tf: typeof tfjs, images: Tensor4D, field: Tensor4D): Tensor4D {
  const [n, h, w] = images.shape;
  return tf.tidy(() => {
    const grid = pixelGrid(tf, h, w);
    const [dx, dy] = tf.split(field, 2, 3);
    const srcX = tf.add(tf.expandDims(grid.x, 0), tf.reshape(dx, [n, h, w]));
    const srcY = tf.add(tf.expandDims(grid.y, 0), tf.reshape(dy, [n, h, w]));
    return warpBilinear(tf, images, srcX as tfjs.Tensor3D, srcY as tfjs.Tensor3D);
  });
}

/** Elastic deformation of a batch with the given grid offsets. */
export function elasticDeform(tf: typeof tfjs, images: Tensor4D, offsets: GridOffsets): Tensor4D {
  const [, h, w] = images.shape;
  return tf.tidy(() => warpByField(tf, images, displacementField(tf, offsets, h, w)));
}
