/**
 * Resampling of image batches: every geometric augmentation (rotation, crop and scale, elastic
 * deformation) maps each output pixel to a source position and reads the input there by
 * bilinear interpolation. Pixel centres sit at integer coordinates; positions outside the image
 * read the nearest border pixel (edge replication). A source grid equal to the pixel grid
 * returns the input exactly.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";

type Tensor3D = tfjs.Tensor3D;
type Tensor4D = tfjs.Tensor4D;

/**
 * Reads `images` ([N, H, W, C]) at the source positions `srcX`, `srcY` ([N, H, W], pixels) by
 * bilinear interpolation with edge replication. Returns a new [N, H, W, C] tensor.
 *
 * The flat pixel index of each corner is computed in float32 (exact for integers below 2^24, so
 * for batches of up to 2^24 pixels) and cast to int32 once: integer tensor arithmetic is slow on
 * the cpu backends. A non-finite source position gives NaN whichever pixel it reads. (GatherNd, not
 * GatherV2: tfjs-wasm's GatherV2 is ~10× slower on these one-value rows.)
 */
export function warpBilinear(tf: typeof tfjs, images: Tensor4D, srcX: Tensor3D, srcY: Tensor3D): Tensor4D {
  const [n, h, w, c] = images.shape;
  return tf.tidy(() => {
    const x0f = tf.floor(srcX), y0f = tf.floor(srcY);
    const wx = tf.expandDims(tf.sub(srcX, x0f), 3), wy = tf.expandDims(tf.sub(srcY, y0f), 3);
    const ux = tf.sub(1, wx), uy = tf.sub(1, wy);
    const exact = n * h * w <= 2 ** 24;
    const dtype = exact ? "float32" : "int32";
    const clampTo = (t: tfjs.Tensor, hi: number) => {
      const clipped = tf.clipByValue(t, 0, hi);
      return exact ? clipped : tf.cast(clipped, "int32");
    };
    const x0 = clampTo(x0f, w - 1), x1 = clampTo(tf.add(x0f, 1), w - 1);
    const base = tf.reshape(tf.mul(tf.range(0, n, 1, dtype), h * w), [n, 1, 1]);
    const row = (y: tfjs.Tensor) => tf.add(tf.mul(clampTo(y, h - 1), w), base);
    const row0 = row(y0f), row1 = row(tf.add(y0f, 1));
    const flat = tf.reshape(images, [n * h * w, c]);
    const at = (r: tfjs.Tensor, x: tfjs.Tensor) =>
      tf.reshape(tf.gatherND(flat, tf.cast(tf.reshape(tf.add(r, x), [-1, 1]), "int32")), [n, h, w, c]);
    const top = tf.add(tf.mul(at(row0, x0), ux), tf.mul(at(row0, x1), wx));
    const bottom = tf.add(tf.mul(at(row1, x0), ux), tf.mul(at(row1, x1), wx));
    return tf.add(tf.mul(top, uy), tf.mul(bottom, wy)) as Tensor4D;
  });
}

/** The pixel grid of an H×W image as [H, W] tensors of x and y coordinates. */
export function pixelGrid(tf: typeof tfjs, h: number, w: number): { x: tfjs.Tensor2D; y: tfjs.Tensor2D } {
  const xs = new Float32Array(h * w), ys = new Float32Array(h * w);
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      xs[i * w + j] = j;
      ys[i * w + j] = i;
    }
  }
  return { x: tf.tensor2d(xs, [h, w]), y: tf.tensor2d(ys, [h, w]) };
}

/**
 * One affine map per image, from output to source pixel: `src = A·(p − c) + c + t`, with `c` the
 * image centre. `A` is [a11, a12, a21, a22] and `t` is [tx, ty] in pixels.
 */
export interface AffineMap {
  a: [number, number, number, number];
  t: [number, number];
}

/** Applies one {@link AffineMap} per image (bilinear, edge replication). */
export function warpAffine(tf: typeof tfjs, images: Tensor4D, maps: readonly AffineMap[]): Tensor4D {
  const [n, h, w] = images.shape;
  if (maps.length !== n) throw new Error(`warpAffine: ${maps.length} maps for ${n} images`);
  return tf.tidy(() => {
    const grid = pixelGrid(tf, h, w);
    const cx = (w - 1) / 2, cy = (h - 1) / 2;
    const px = tf.expandDims(tf.sub(grid.x, cx), 0), py = tf.expandDims(tf.sub(grid.y, cy), 0);
    const col = (f: (m: AffineMap) => number) => tf.tensor3d(maps.map(f), [n, 1, 1]);
    const srcX = tf.add(
      tf.add(tf.mul(col((m) => m.a[0]), px), tf.mul(col((m) => m.a[1]), py)),
      col((m) => cx + m.t[0]),
    );
    const srcY = tf.add(
      tf.add(tf.mul(col((m) => m.a[2]), px), tf.mul(col((m) => m.a[3]), py)),
      col((m) => cy + m.t[1]),
    );
    return warpBilinear(tf, images, srcX as Tensor3D, srcY as Tensor3D);
  });
}
