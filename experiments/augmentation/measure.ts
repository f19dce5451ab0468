/**
 * Measurements behind the augmentation claims E2 and E3: each applies an augmentation to a batch
 * with known random parameters and reads back what it did (ranges, recovered parameters,
 * identity at zero, smoothness), as plain numbers for the checks.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import { cropScale } from "../../lib/augment/geometric.ts";
import {
  addColourOffsets,
  colourJitter,
  type PcaColour,
  pcaOffsets,
  sampleAlphas,
  sampleJitter,
} from "../../lib/augment/colour.ts";
import { eigenResiduals } from "../../lib/augment/eigen.ts";
import {
  displacementField,
  elasticDeform,
  type GridOffsets,
  sampleGridOffsets,
  warpByField,
} from "../../lib/augment/elastic.ts";

type Tensor4D = tfjs.Tensor4D;

const minMax = (xs: ArrayLike<number>) => {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    lo = Math.min(lo, xs[i]);
    hi = Math.max(hi, xs[i]);
  }
  return { min: lo, max: hi };
};

async function read(t: tfjs.Tensor): Promise<Float32Array> {
  const v = (await t.data()) as Float32Array;
  t.dispose();
  return v;
}

/** Radius of gyration of a grey image's mass about the image centre. */
function gyration(px: ArrayLike<number>, off: number, h: number, w: number): number {
  let m = 0, s = 0;
  const cx = (w - 1) / 2, cy = (h - 1) / 2;
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const v = px[off + i * w + j];
      m += v;
      s += v * ((i - cy) ** 2 + (j - cx) ** 2);
    }
  }
  return Math.sqrt(s / m);
}

/** Crops and scales: identity at zoom 1, values inside the input's range, content scaled by the zoom. */
export async function measureCropScale(tf: typeof tfjs, images: Tensor4D, rng: Rng, zoom: [number, number]) {
  const [n, h, w] = images.shape;
  const inPx = await images.data();
  const identity = await read(cropScale(tf, images, Array.from({ length: n }, () => ({ zoom: 1, dx: 0, dy: 0 }))));
  let identityDiff = 0;
  for (let i = 0; i < inPx.length; i++) identityDiff = Math.max(identityDiff, Math.abs(identity[i] - inPx[i]));
  const zooms = Array.from({ length: n }, () => Math.exp(rng.uniform(Math.log(zoom[0]), Math.log(zoom[1]))));
  const out = await read(cropScale(tf, images, zooms.map((z) => ({ zoom: z, dx: 0, dy: 0 }))));
  // Centred crops smaller than 1 keep all ink inside, so its radius of gyration scales by the zoom.
  const scaleErrors = zooms.map((z, i) =>
    Math.abs(gyration(out, i * h * w, h, w) / gyration(inPx, i * h * w, h, w) / z - 1)
  );
  return {
    identityDiff,
    input: minMax(inPx),
    output: minMax(out),
    meanScaleError: scaleErrors.reduce((a, b) => a + b, 0) / n,
    zoomRange: [Math.min(...zooms), Math.max(...zooms)],
  };
}

/** Brightness and contrast jitter: output in [0, 1]; the sampled values recovered from unclipped pixels. */
export async function measureJitter(tf: typeof tfjs, images: Tensor4D, rng: Rng, maxB: number, maxC: number) {
  const [n, h, w, c] = images.shape;
  const jitter = sampleJitter(rng, n, maxB, maxC);
  const inPx = await images.data();
  const out = await read(colourJitter(tf, images, jitter));
  let worst = 0, clipped = 0, fitted = 0;
  const size = h * w * c;
  for (let i = 0; i < n; i++) {
    for (let ch = 0; ch < c; ch++) {
      let m = 0;
      for (let p = 0; p < h * w; p++) m += inPx[i * size + p * c + ch];
      m /= h * w;
      // Least squares of out on in over unclipped pixels: slope = contrast, intercept = m(1 − c) + b.
      let sx = 0, sy = 0, sxx = 0, sxy = 0, k = 0;
      for (let p = 0; p < h * w; p++) {
        const x = inPx[i * size + p * c + ch], y = out[i * size + p * c + ch];
        if (y <= 1e-6 || y >= 1 - 1e-6) {
          clipped++;
          continue;
        }
        sx += x, sy += y, sxx += x * x, sxy += x * y, k++;
      }
      const varX = sxx / k - (sx / k) ** 2;
      if (k < 2 || varX < 1e-6) continue;
      const slope = (sxy / k - (sx / k) * (sy / k)) / varX;
      const intercept = sy / k - slope * (sx / k);
      const b = intercept - m * (1 - slope);
      worst = Math.max(worst, Math.abs(slope - jitter[i].contrast), Math.abs(b - jitter[i].brightness));
      fitted++;
    }
  }
  return {
    output: minMax(out),
    maxParamError: worst,
    fitted,
    clippedFraction: clipped / out.length,
    // The sampled ranges, for the check against the claimed ones.
    sampledMaxBrightness: Math.max(...jitter.map((j) => Math.abs(j.brightness))),
    sampledMaxContrast: Math.max(...jitter.map((j) => Math.abs(j.contrast - 1))),
  };
}

/** PCA colour augmentation: eigen-solve quality, offsets constant per image and along the components with the sampled α. */
export async function measurePca(tf: typeof tfjs, images: Tensor4D, pca: PcaColour, rng: Rng, alphaStd: number) {
  const [n, h, w] = images.shape;
  const alphas = sampleAlphas(rng, n, alphaStd);
  const offsets = pcaOffsets(pca, alphas);
  const inPx = await images.data();
  const out = await read(addColourOffsets(tf, images, offsets));
  const { residual, orthonormality } = eigenResiduals(pca.covariance, pca.eigen);
  let spread = 0, alphaError = 0, used = 0;
  const size = h * w * 3;
  for (let i = 0; i < n; i++) {
    const sum = [0, 0, 0], count = [0, 0, 0];
    const diffs: number[][] = [[], [], []];
    for (let p = 0; p < h * w; p++) {
      for (let ch = 0; ch < 3; ch++) {
        const y = out[i * size + p * 3 + ch];
        if (y <= 1e-6 || y >= 1 - 1e-6) continue;
        const d = y - inPx[i * size + p * 3 + ch];
        diffs[ch].push(d);
        sum[ch] += d;
        count[ch]++;
      }
    }
    if (count.some((k) => k === 0)) continue;
    const v = sum.map((s, ch) => s / count[ch]);
    diffs.forEach((ds, ch) => ds.forEach((d) => (spread = Math.max(spread, Math.abs(d - v[ch])))));
    // Project the measured offset on each component: coefficient / sqrt(λ_k) should be α_k.
    pca.eigen.vectors.forEach((pk, k) => {
      const coef = pk.reduce((s, x, ch) => s + x * v[ch], 0) / Math.sqrt(pca.eigen.values[k]);
      alphaError = Math.max(alphaError, Math.abs(coef - alphas[i][k]));
    });
    used++;
  }
  const flat = alphas.flat();
  const alphaStdMeasured = Math.sqrt(flat.reduce((s, a) => s + a * a, 0) / flat.length);
  return {
    residual,
    orthonormality,
    eigenvalues: pca.eigen.values,
    eigenvectors: pca.eigen.vectors,
    offsetSpread: spread,
    maxAlphaError: alphaError,
    imagesUsed: used,
    alphaStdMeasured,
    output: minMax(out),
  };
}

/** Mean |difference| between horizontally and vertically neighbouring values of a [N, H, W, 2] field. */
function meanNeighbourDiff(f: Float32Array, n: number, h: number, w: number): number {
  let s = 0, k = 0;
  for (let i = 0; i < n; i++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        for (let c = 0; c < 2; c++) {
          const at = (((i * h + y) * w + x) * 2) + c;
          if (x + 1 < w) (s += Math.abs(f[at + 2] - f[at])), k++;
          if (y + 1 < h) (s += Math.abs(f[at + 2 * w] - f[at])), k++;
        }
      }
    }
  }
  return s / k;
}

/** Elastic deformation: identity at zero offsets, field through the grid offsets, smoothness, range, movement. */
export async function measureElastic(tf: typeof tfjs, images: Tensor4D, rng: Rng, grid: number, sigma: number) {
  const [n, h, w] = images.shape;
  const inPx = await images.data();
  const zero: GridOffsets = { n, grid, values: new Float32Array(n * grid * grid * 2) };
  const same = await read(elasticDeform(tf, images, zero));
  let identityDiff = 0, change0 = 0;
  for (let i = 0; i < inPx.length; i++) {
    identityDiff = Math.max(identityDiff, Math.abs(same[i] - inPx[i]));
    change0 += Math.abs(same[i] - inPx[i]);
  }
  const offsets = sampleGridOffsets(rng, n, grid, sigma);
  const fieldT = displacementField(tf, offsets, h, w);
  const out = await read(warpByField(tf, images, fieldT));
  const field = await read(fieldT);
  // The field passes through the sampled offsets where grid nodes fall on pixels.
  let nodeError: number | null = null;
  if ((h - 1) % (grid - 1) === 0 && (w - 1) % (grid - 1) === 0) {
    nodeError = 0;
    const sy = (h - 1) / (grid - 1), sx = (w - 1) / (grid - 1);
    for (let i = 0; i < n; i++) {
      for (let gy = 0; gy < grid; gy++) {
        for (let gx = 0; gx < grid; gx++) {
          for (let c = 0; c < 2; c++) {
            const f = field[((i * h + gy * sy) * w + gx * sx) * 2 + c];
            nodeError = Math.max(nodeError, Math.abs(f - offsets.values[((i * grid + gy) * grid + gx) * 2 + c]));
          }
        }
      }
    }
  }
  const iid = rng.normals(n * h * w * 2, sigma);
  let change1 = 0;
  for (let i = 0; i < inPx.length; i++) change1 += Math.abs(out[i] - inPx[i]);
  const double = await read(elasticDeform(tf, images, { n, grid, values: offsets.values.map((v) => 2 * v) }));
  let change2 = 0;
  for (let i = 0; i < inPx.length; i++) change2 += Math.abs(double[i] - inPx[i]);
  let rms = 0;
  for (const v of field) rms += v * v;
  return {
    identityDiff,
    nodeError,
    spacing: (Math.min(h, w) - 1) / (grid - 1),
    smoothDiff: meanNeighbourDiff(field, n, h, w),
    iidDiff: meanNeighbourDiff(iid, n, h, w),
    fieldRms: Math.sqrt(rms / field.length),
    input: minMax(inPx),
    output: minMax(out),
    meanChange: [change0 / inPx.length, change1 / inPx.length, change2 / inPx.length],
  };
}
