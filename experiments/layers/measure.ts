/**
 * The measurements of the layers family: conv output sizes and parameter counts read from real
 * tfjs layers (A1, A2), and the four normalizations on a batch of real feature maps (A3).
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import { applyNorm, groupNorm, instanceNorm, layerNorm, type NormName, NORMS, statsOver } from "./norms.ts";

/** A conv setting of the slide: filter F, stride S, padding P (`"fit"`: whatever fits). */
export interface ConvSetting {
  f: number;
  s: number;
  p: number | "fit";
}

/** One measured conv output. */
export interface ConvShape {
  setting: string;
  w: number;
  f: number;
  s: number;
  /** Total padding along one axis (2P when symmetric). */
  padTotal: number;
  /** How the padding was applied: a zeroPadding2d layer of P, or the library's 'same'. */
  padding: string;
  /** The measured output [height, width, depth]. */
  out: [number, number, number];
}

/**
 * Applies zeroPadding2d(P) + conv2d(F, S, 'valid', K filters) to a real image resized to W×W×Din, and
 * reads the output shape. "Whatever fits" uses P = (F − 1)/2 when (W − F + 2P)/S + 1 is an integer,
 * else the library's 'same' padding (which pads asymmetrically to fit).
 */
export function convShapes(
  tf: typeof tfjs,
  image: tfjs.Tensor3D,
  settings: ConvSetting[],
  sizes: number[],
  o: { depthIn: number; filters: number; rng: Rng; fault?: string },
): ConvShape[] {
  const out: ConvShape[] = [];
  for (const st of settings) {
    for (const w of sizes) {
      let p = st.p === "fit" ? (st.f - 1) / 2 : st.p;
      const same = st.p === "fit" && !Number.isInteger((w - st.f + 2 * p) / st.s + 1);
      const padTotal = same ? Math.max((Math.ceil(w / st.s) - 1) * st.s + st.f - w, 0) : 2 * p;
      if (same) p = 0;
      const shape = tf.tidy(() => {
        const x = tf.tile(tf.expandDims(tf.image.resizeBilinear(image, [w, w])), [1, 1, 1, o.depthIn]);
        const model = tf.sequential();
        if (p > 0) model.add(tf.layers.zeroPadding2d({ padding: p, inputShape: [w, w, o.depthIn] }));
        model.add(tf.layers.conv2d({
          ...(p > 0 ? {} : { inputShape: [w, w, o.depthIn] }),
          filters: o.filters,
          kernelSize: st.f,
          strides: st.s,
          padding: same || o.fault === "pad-twice" ? "same" : "valid",
          kernelInitializer: tf.initializers.glorotNormal({ seed: o.rng.seedInt() }),
        }));
        const shape = (model.predict(x) as tfjs.Tensor).shape;
        model.dispose();
        return shape;
      });
      out.push({
        setting: `F=${st.f}, S=${st.s}, P=${st.p === "fit" ? "fit" : st.p}`,
        w,
        f: st.f,
        s: st.s,
        padTotal,
        padding: same ? "'same'" : `zeroPadding2d(${p})`,
        out: [shape[1]!, shape[2]!, shape[3]!],
      });
    }
  }
  return out;
}

/** One built conv layer's parameters. */
export interface ParamCount {
  f: number;
  depthIn: number;
  filters: number;
  counted: number;
  kernelShape: number[];
  biasShape: number[];
}

/** Builds tf.layers.conv2d for every (F, Din, K) and reads countParams() and its weight shapes. */
export function paramCounts(
  tf: typeof tfjs,
  fs: number[],
  depthsIn: number[],
  filters: number[],
  fault = "none",
): ParamCount[] {
  const out: ParamCount[] = [];
  for (const f of fs) {
    for (const depthIn of depthsIn) {
      for (const k of filters) {
        const inputShape = [16, 16, fault === "depth-1" ? 1 : depthIn];
        const layer = tf.layers.conv2d({ filters: k, kernelSize: f, inputShape });
        const model = tf.sequential({ layers: [layer] });
        const [kernel, bias] = layer.weights;
        out.push({
          f,
          depthIn,
          filters: k,
          counted: layer.countParams(),
          kernelShape: kernel.shape as number[],
          biasShape: bias.shape as number[],
        });
        model.dispose();
      }
    }
  }
  return out;
}

/** Feature maps of real images: a seeded random 3×3 conv with a per-channel offset (pre-activation). */
export function featureMaps(tf: typeof tfjs, images: tfjs.Tensor4D, channels: number, rng: Rng): tfjs.Tensor4D {
  const c = images.shape[3];
  return tf.tidy(() => {
    const w = tf.tensor4d(rng.normals(9 * c * channels, Math.sqrt(2 / (9 * c))), [3, 3, c, channels]);
    const b = tf.tensor1d(rng.normals(channels, 0.5));
    return tf.add(tf.conv2d(images, w, 1, "same"), b) as tfjs.Tensor4D;
  });
}

/** What A3 measures on one batch. */
export interface NormsResult {
  shape: [number, number, number, number];
  groups: number;
  /** stats[norm][pool]: largest |mean| and |var − 1| of norm's output over the sets `pool` defines. */
  stats: Record<NormName, Record<NormName, { maxAbsMean: number; maxVarDev: number }>>;
  /** max |InstanceNorm − GroupNorm(G = C)| and max |LayerNorm − GroupNorm(G = 1)|. */
  instanceVsGroupC: number;
  layerVsGroup1: number;
  /** max |ours − library| for BatchNorm (training mode) and LayerNorm. */
  libraryBatch: number;
  libraryLayer: number;
  /** changed[norm][n][c]: whether perturbing x[0, h0, w0, 0] changed the output cell (n, c). */
  changed: Record<NormName, boolean[][]>;
}

const maxAbsDiff = async (tf: typeof tfjs, a: tfjs.Tensor, b: tfjs.Tensor) => {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const v = (await d.data())[0];
  tf.dispose([d, a, b]);
  return v;
};

/** A3 on the feature maps `x` [N, H, W, C]. */
export async function normsOnBatch(
  tf: typeof tfjs,
  x: tfjs.Tensor4D,
  o: { groups: number; eps: number; fault?: string },
): Promise<NormsResult> {
  const shape = x.shape as [number, number, number, number];
  const [n, h, w, c] = shape;
  const stats = {} as NormsResult["stats"], changed = {} as NormsResult["changed"];
  const bump = tf.tidy(() => {
    const b = tf.buffer([n, h, w, c]);
    b.set(10, 0, Math.floor(h / 2), Math.floor(w / 2), 0);
    return tf.add(x, b.toTensor()) as tfjs.Tensor4D;
  });
  for (const norm of NORMS) {
    const y = applyNorm(tf, norm, x, o);
    const values = await y.data();
    stats[norm] = {} as Record<NormName, { maxAbsMean: number; maxVarDev: number }>;
    for (const pool of NORMS) stats[norm][pool] = statsOver(values, shape, pool, o.groups);
    const cellChange = tf.tidy(() => tf.max(tf.abs(tf.sub(applyNorm(tf, norm, bump, o), y)), [1, 2]));
    const d = await cellChange.data();
    changed[norm] = Array.from({ length: n }, (_, i) => Array.from({ length: c }, (_, k) => d[i * c + k] > 1e-6));
    tf.dispose([y, cellChange]);
  }
  bump.dispose();
  const bnLayer = tf.layers.batchNormalization({ epsilon: o.eps });
  const lnLayer = tf.layers.layerNormalization({ axis: [1, 2, 3], epsilon: o.eps });
  const result: NormsResult = {
    shape,
    groups: o.groups,
    stats,
    instanceVsGroupC: await maxAbsDiff(tf, instanceNorm(tf, x, o.eps), groupNorm(tf, x, c, o.eps)),
    layerVsGroup1: await maxAbsDiff(tf, layerNorm(tf, x, o.eps), groupNorm(tf, x, 1, o.eps)),
    libraryBatch: await maxAbsDiff(
      tf,
      applyNorm(tf, "batch", x, o),
      bnLayer.apply(x, { training: true }) as tfjs.Tensor,
    ),
    libraryLayer: await maxAbsDiff(tf, layerNorm(tf, x, o.eps), lnLayer.apply(x) as tfjs.Tensor),
    changed,
  };
  bnLayer.dispose();
  lnLayer.dispose();
  return result;
}
