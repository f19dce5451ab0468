/**
 * A stride-1 'same' 2-D convolution whose filter gradient is computed with matMuls instead of the
 * `Conv2DBackpropFilter` kernel (missing on tfjs-wasm, slow on tfjs-cpu):
 * `dW[i, j] = patch(x, i, j)ᵀ · dY`, where `patch(x, i, j)` is the zero-padded input shifted by the
 * filter offset (i, j), flattened to [N·H·W, C_in]. Forward and input gradient use tfjs's own kernels.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";

/**
 * `tf.conv2d(x, w, 1, 'same')` for an odd square filter `w` [F, F, C_in, C_out], differentiable on
 * every backend that has conv2d and conv2dTranspose: a backend with a `Conv2DBackpropFilter` kernel
 * gets plain `tf.conv2d` (its own gradient), one without it the matMul-based filter gradient.
 */
export function conv2dSame(tf: typeof tfjs, x: tfjs.Tensor4D, w: tfjs.Tensor4D): tfjs.Tensor4D {
  const [f, f2] = w.shape;
  if (f !== f2 || f % 2 !== 1) throw new RangeError(`Expected an odd square filter, got [${w.shape}]`);
  if (tf.getKernel("Conv2DBackpropFilter", tf.getBackend())) return tf.conv2d(x, w, 1, "same");
  return conv2dSameByMatMul(tf, x, w);
}

/** `tf.conv2d(x, w, 1, 'same')` whose filter gradient is computed with matMuls (any backend). */
export function conv2dSameByMatMul(tf: typeof tfjs, x: tfjs.Tensor4D, w: tfjs.Tensor4D): tfjs.Tensor4D {
  const [f, f2, cin, cout] = w.shape;
  if (f !== f2 || f % 2 !== 1) throw new RangeError(`Expected an odd square filter, got [${w.shape}]`);
  const op = tf.customGrad(
    ((xs: tfjs.Tensor, ws: tfjs.Tensor, save: tfjs.GradSaveFunc) => {
      const xi = xs as tfjs.Tensor4D, wi = ws as tfjs.Tensor4D;
      save([xi, wi]);
      return {
        value: tf.conv2d(xi, wi, 1, "same"),
        gradFunc: (dy: tfjs.Tensor, saved: tfjs.Tensor[]) => {
          const [sx, sw] = saved as [tfjs.Tensor4D, tfjs.Tensor4D];
          const [n, h, wd] = sx.shape;
          const g = dy as tfjs.Tensor4D;
          const dx = tf.conv2dTranspose(g, sw, sx.shape, 1, "same");
          const r = (f - 1) / 2;
          const padded = tf.pad(sx, [[0, 0], [r, r], [r, r], [0, 0]]);
          const dyFlat = tf.reshape(g, [n * h * wd, cout]);
          const rows = [];
          for (let i = 0; i < f; i++) {
            for (let j = 0; j < f; j++) {
              const patch = tf.reshape(tf.slice(padded, [0, i, j, 0], [n, h, wd, cin]), [n * h * wd, cin]);
              rows.push(tf.matMul(tf.transpose(patch), dyFlat));
            }
          }
          return [dx, tf.reshape(tf.stack(rows), [f, f, cin, cout])];
        },
      };
    }) as unknown as Parameters<typeof tf.customGrad>[0],
  );
  return op(x, w) as tfjs.Tensor4D;
}
