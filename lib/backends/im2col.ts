/**
 * im2col and col2im for NHWC convolutions on the cpu layout: the columns [images·outH·outW,
 * fh·fw·inC] in (kh, kw, c) order that turn a convolution into one matrix product.
 * @module
 */
import type * as tf from "@tensorflow/tfjs";

/** The geometry of one convolution, as tfjs computes it. */
export type ConvInfo = tf.backend_util.Conv2DInfo;

/**
 * The output columns [lo, hi) whose input column `ox·SW − left + fx·DW` lies inside [0, W):
 * tap-major loops copy those without per-element bounds checks and zero the rest.
 */
function insideRange(info: ConvInfo, fx: number): [number, number] {
  const shift = fx * info.dilationWidth - info.padInfo.left;
  const sw = info.strideWidth;
  const lo = Math.max(0, Math.ceil(-shift / sw));
  const hi = Math.min(info.outWidth, Math.floor((info.inWidth - 1 - shift) / sw) + 1);
  return [lo, Math.max(lo, hi)];
}

/**
 * Fills `cols` ([images·outH·outW, fh·fw·inC], (kh, kw, c) order) from images [b0, b0+nb) of x.
 * Tap-major: for each filter tap, one sweep over the output positions (few, long loops; with one
 * input channel, a loop per tap and pixel would cost more than the copy).
 */
export function im2col(x: Float32Array, info: ConvInfo, b0: number, nb: number, cols: Float32Array): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { filterHeight: FH, filterWidth: FW, strideHeight: SH, strideWidth: SW } = info;
  const { dilationHeight: DH, dilationWidth: DW } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const K = FH * FW * C;
  for (let fy = 0; fy < FH; fy++) {
    for (let fx = 0; fx < FW; fx++) {
      const tap = (fy * FW + fx) * C;
      const [lo, hi] = insideRange(info, fx);
      for (let b = b0, r = 0; b < b0 + nb; b++) {
        for (let oy = 0; oy < OH; oy++, r += OW) {
          const iy = oy * SH - top + fy * DH;
          const rowStart = r * K + tap;
          if (iy < 0 || iy >= H) {
            for (let ox = 0, o = rowStart; ox < OW; ox++, o += K) for (let c = 0; c < C; c++) cols[o + c] = 0;
            continue;
          }
          for (let ox = 0, o = rowStart; ox < lo; ox++, o += K) for (let c = 0; c < C; c++) cols[o + c] = 0;
          let src = ((b * H + iy) * W + lo * SW - left + fx * DW) * C;
          const step = SW * C;
          if (C === 1) {
            for (let ox = lo, o = rowStart + lo * K; ox < hi; ox++, o += K, src += step) cols[o] = x[src];
          } else {
            for (let ox = lo, o = rowStart + lo * K; ox < hi; ox++, o += K, src += step) {
              for (let c = 0; c < C; c++) cols[o + c] = x[src + c];
            }
          }
          for (let ox = hi, o = rowStart + hi * K; ox < OW; ox++, o += K) for (let c = 0; c < C; c++) cols[o + c] = 0;
        }
      }
    }
  }
}

/** Adds `cols` (as built by {@link im2col}) back into images [b0, b0+nb) of dx, tap-major. */
export function col2im(cols: Float32Array, info: ConvInfo, b0: number, nb: number, dx: Float32Array): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { filterHeight: FH, filterWidth: FW, strideHeight: SH, strideWidth: SW } = info;
  const { dilationHeight: DH, dilationWidth: DW } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const K = FH * FW * C;
  for (let fy = 0; fy < FH; fy++) {
    for (let fx = 0; fx < FW; fx++) {
      const tap = (fy * FW + fx) * C;
      const [lo, hi] = insideRange(info, fx);
      for (let b = b0, r = 0; b < b0 + nb; b++) {
        for (let oy = 0; oy < OH; oy++, r += OW) {
          const iy = oy * SH - top + fy * DH;
          if (iy < 0 || iy >= H) continue;
          let dst = ((b * H + iy) * W + lo * SW - left + fx * DW) * C;
          const step = SW * C;
          if (C === 1) {
            for (let ox = lo, o = r * K + tap + lo * K; ox < hi; ox++, o += K, dst += step) dx[dst] += cols[o];
          } else {
            for (let ox = lo, o = r * K + tap + lo * K; ox < hi; ox++, o += K, dst += step) {
              for (let c = 0; c < C; c++) dx[dst + c] += cols[o + c];
            }
          }
        }
      }
    }
  }
}
