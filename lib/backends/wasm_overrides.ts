/**
 * Kernel overrides for the tfjs `wasm` backend, the dependency-free fallback:
 * - BatchMatMul / _FusedMatMul: transposed operands are transposed explicitly first (tfjs-wasm's
 *   transposed product runs at ~1 GFLOP/s against ~40 untransposed);
 * - Slice: reads the input in place (the stock kernel copies the whole input out of wasm memory);
 * - Conv2DBackpropFilter (missing in tfjs-wasm): im2colᵀ in wasm memory, then the wasm matmul;
 * - Conv2DBackpropInput: dy · Wᵀ with the wasm matmul, then col2im;
 * - MaxPoolGrad: one pass over the windows, then a scatter (the stock kernel takes ~16 ms for a
 *   64×28×28×16 input);
 * - GatherV2: copies the gathered rows where they lie in wasm memory (the stock kernel took ~30 ms
 *   to gather 100 rows of an 8000×3072 training set: 70% of the babysitting family's time on wasm).
 * Call {@link registerWasmOverrides} before the wasm backend initialises (its setup functions run then).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { col2im, type ConvInfo } from "./im2col.ts";
import { maxPoolArgmax } from "./kernels_pool.ts";
import { call, stockKernels, type TensorInfo, type WasmArgs, type WasmKernel } from "./wasm_kernel.ts";
import { gather, slice } from "./wasm_copy_kernels.ts";

/** x with its last two axes swapped, as a new wasm tensor. */
function swapLastTwo(backend: BackendWasm, x: TensorInfo): TensorInfo {
  const perm = [...x.shape.keys()];
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return call("Transpose", { inputs: { x }, backend, attrs: { perm } });
}

/**
 * _FusedMatMul with a bias that is not one value per column: the stock wasm kernel reads such a
 * bias out of bounds, so the bias and activation run as their own kernels.
 */
function biasApart(backend: BackendWasm, inputs: WasmArgs["inputs"], attrs: WasmArgs["attrs"]): TensorInfo {
  const product = call("_FusedMatMul", {
    inputs: { a: inputs.a, b: inputs.b },
    backend,
    attrs: { ...attrs, activation: "linear" },
  });
  const sum = call("Add", { inputs: { a: product, b: inputs.bias }, backend, attrs: {} });
  backend.disposeData(product.dataId);
  const kernel: Record<string, [string, WasmArgs["inputs"], WasmArgs["attrs"]]> = {
    relu: ["Relu", { x: sum }, {}],
    relu6: ["Relu6", { x: sum }, {}],
    elu: ["Elu", { x: sum }, {}],
    sigmoid: ["Sigmoid", { x: sum }, {}],
    leakyrelu: ["LeakyRelu", { x: sum }, { alpha: attrs.leakyreluAlpha }],
    prelu: ["Prelu", { x: sum, alpha: inputs.preluActivationWeights }, {}],
  };
  const activation = kernel[String(attrs.activation)];
  if (!activation) return sum;
  const result = call(activation[0], { inputs: activation[1], backend, attrs: activation[2] });
  backend.disposeData(sum.dataId);
  return result;
}

/**
 * Whether a float32 rank-3 product has several batch items: tfjs-wasm's batched loop took ~3.7 ms for
 * 15 × 64×48·48×48 (0.6 GFLOP/s), its batch-1 path (XNNPACK) is many times faster.
 */
function smallBatched(a: TensorInfo, b: TensorInfo): boolean {
  if (a.shape.length !== 3 || b.shape.length !== 3 || a.dtype !== "float32" || b.dtype !== "float32") return false;
  const [ba, m, k] = a.shape, [bb, k2, n] = b.shape;
  return k === k2 && m > 0 && n > 0 && k > 0 && Math.max(ba, bb) > 1 && (ba === bb || ba === 1 || bb === 1);
}

/** A copy of batch item `t` of a rank-3 tensor as a [1, rows, cols] wasm tensor. */
function item(backend: BackendWasm, x: TensorInfo, t: number): TensorInfo {
  const [, rows, cols] = x.shape;
  const out = backend.makeOutput([1, rows, cols], "float32");
  const size = rows * cols;
  (backend.typedArrayFromHeap(out) as Float32Array).set(
    (backend.typedArrayFromHeap(x) as Float32Array).subarray(t * size, (t + 1) * size),
  );
  return out;
}

/**
 * a · b per batch item (a batch of 1 broadcasts), each item through the stock kernel's batch-1 path
 * (XNNPACK); tfjs-wasm's own loop over batch items runs at ~0.6 GFLOP/s.
 */
function batchedProduct(backend: BackendWasm, a: TensorInfo, b: TensorInfo): TensorInfo {
  const [ba, m] = a.shape, [bb, , n] = b.shape;
  const batch = Math.max(ba, bb);
  const out = backend.makeOutput([batch, m, n], "float32");
  const attrs = { transposeA: false, transposeB: false };
  for (let t = 0; t < batch; t++) {
    const ai = ba === 1 ? a : item(backend, a, t), bi = bb === 1 ? b : item(backend, b, t);
    const r = call("BatchMatMul", { inputs: { a: ai, b: bi }, backend, attrs });
    // views are taken after every allocation, which may grow (and move) wasm memory
    (backend.typedArrayFromHeap(out) as Float32Array).set(backend.typedArrayFromHeap(r) as Float32Array, t * m * n);
    for (const x of [r, ...(ai === a ? [] : [ai]), ...(bi === b ? [] : [bi])]) backend.disposeData(x.dataId);
  }
  return out;
}

/** A matmul kernel (BatchMatMul or _FusedMatMul) that transposes its operands explicitly. */
function untransposed(name: string): WasmKernel {
  return (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const { backend } = args;
    const temps: TensorInfo[] = [];
    let { transposeA, transposeB } = args.attrs;
    let aa = a, bb = b;
    if (transposeA && a.dtype === "float32") {
      aa = swapLastTwo(backend, a);
      temps.push(aa);
      transposeA = false;
    }
    if (transposeB && b.dtype === "float32") {
      bb = swapLastTwo(backend, b);
      temps.push(bb);
      transposeB = false;
    }
    try {
      if (name === "BatchMatMul" && !transposeA && !transposeB && smallBatched(aa, bb)) {
        return batchedProduct(backend, aa, bb);
      }
      const inputs = { ...args.inputs, a: aa, b: bb };
      const attrs = { ...args.attrs, transposeA, transposeB };
      const bias = args.inputs.bias;
      const n = transposeB ? bb.shape[bb.shape.length - 2] : bb.shape[bb.shape.length - 1];
      if (name === "_FusedMatMul" && bias && bias.shape[0] !== n) return biasApart(backend, inputs, attrs);
      return call(name, { inputs, backend, attrs });
    } finally {
      for (const t of temps) backend.disposeData(t.dataId);
    }
  };
}

function convInfoNHWC(xShape: number[], filterShape: number[], attrs: WasmArgs["attrs"]): ConvInfo {
  const format = attrs.dataFormat ?? "NHWC";
  if (format !== "NHWC") throw new Error(`The wasm backend supports only NHWC convolution gradients, got ${format}`);
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides as [number, number],
    1,
    attrs.pad as "same",
    attrs.dimRoundingMode as "round" | undefined,
    false,
    "channelsLast",
  );
}

/**
 * Fills `cols` as [fh·fw·inC, N·outH·outW] (im2col, transposed) from the NHWC input x: for each
 * filter tap, one sweep over the output positions writing `inC` sequential rows.
 */
export function im2colTransposed(x: ArrayLike<number>, info: ConvInfo, cols: Float32Array): void {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { filterHeight: FH, filterWidth: FW, strideHeight: SH, strideWidth: SW } = info;
  const top = info.padInfo.top, left = info.padInfo.left;
  const rows = N * OH * OW;
  for (let fy = 0; fy < FH; fy++) {
    for (let fx = 0; fx < FW; fx++) {
      const tap = (fy * FW + fx) * C * rows;
      let r = 0;
      for (let b = 0; b < N; b++) {
        for (let oy = 0; oy < OH; oy++) {
          const iy = oy * SH - top + fy;
          const rowInside = iy >= 0 && iy < H;
          const rowBase = (b * H + iy) * W;
          for (let ox = 0; ox < OW; ox++, r++) {
            const ix = ox * SW - left + fx;
            if (rowInside && ix >= 0 && ix < W) {
              const src = (rowBase + ix) * C;
              for (let c = 0, o = tap + r; c < C; c++, o += rows) cols[o] = x[src + c];
            } else {
              for (let c = 0, o = tap + r; c < C; c++, o += rows) cols[o] = 0;
            }
          }
        }
      }
    }
  }
}

/** Conv2DBackpropFilter: dW = im2col(x)ᵀ · dy on the wasm matmul (no transposed product). */
const conv2DBackpropFilter: WasmKernel = (args) => {
  const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
  const { backend } = args;
  const filterShape = args.attrs.filterShape as number[];
  const info = convInfoNHWC(x.shape, filterShape, args.attrs);
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const rows = info.batchSize * info.outHeight * info.outWidth;
  const colsT = backend.makeOutput([k, rows], "float32");
  // views are taken after makeOutput, which may grow (and move) wasm memory
  im2colTransposed(backend.typedArrayFromHeap(x), info, backend.typedArrayFromHeap(colsT) as Float32Array);
  const dy2 = call("Reshape", { inputs: { x: dy }, backend, attrs: { shape: [rows, info.outChannels] } });
  const dw = call("BatchMatMul", {
    inputs: { a: colsT, b: dy2 },
    backend,
    attrs: { transposeA: false, transposeB: false },
  });
  backend.disposeData(colsT.dataId);
  backend.disposeData(dy2.dataId);
  const result = call("Reshape", { inputs: { x: dw }, backend, attrs: { shape: filterShape } });
  backend.disposeData(dw.dataId);
  return result;
};

/** Conv2DBackpropInput: dcols = dy · Wᵀ on the wasm matmul, then col2im. */
const conv2DBackpropInput: WasmKernel = (args) => {
  const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
  const { backend } = args;
  const inputShape = args.attrs.inputShape as number[];
  const info = convInfoNHWC(inputShape, filter.shape, args.attrs);
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const rows = info.batchSize * info.outHeight * info.outWidth;
  const dy2 = call("Reshape", { inputs: { x: dy }, backend, attrs: { shape: [rows, info.outChannels] } });
  const w2 = call("Reshape", { inputs: { x: filter }, backend, attrs: { shape: [k, info.outChannels] } });
  const wT = call("Transpose", { inputs: { x: w2 }, backend, attrs: { perm: [1, 0] } });
  const cols = call("BatchMatMul", {
    inputs: { a: dy2, b: wT },
    backend,
    attrs: { transposeA: false, transposeB: false },
  });
  for (const t of [dy2, w2, wT]) backend.disposeData(t.dataId);
  const dx = backend.makeOutput(inputShape, "float32");
  const dxv = backend.typedArrayFromHeap(dx) as Float32Array;
  dxv.fill(0);
  col2im(backend.typedArrayFromHeap(cols) as Float32Array, info, 0, info.batchSize, dxv);
  backend.disposeData(cols.dataId);
  return dx;
};

/** MaxPoolGrad (NHWC): each window's gradient goes to its first maximum, as in the cpu kernel. */
const maxPoolGrad: WasmKernel = (args) => {
  const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
  const { backend, attrs } = args;
  if (input.dtype !== "float32" || input.shape.length !== 4) return call("MaxPoolGrad", args);
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize as [number, number],
    attrs.strides as [number, number],
    1,
    attrs.pad as "same",
    attrs.dimRoundingMode as "round" | undefined,
  );
  const dx = backend.makeOutput(input.shape, "float32");
  const { arg } = maxPoolArgmax(backend.typedArrayFromHeap(input) as Float32Array, info);
  const dxv = backend.typedArrayFromHeap(dx) as Float32Array;
  const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
  dxv.fill(0);
  for (let i = 0; i < arg.length; i++) if (arg[i] >= 0) dxv[arg[i]] += dyv[i];
  return dx;
};

const overrides: Record<string, WasmKernel> = {
  GatherV2: gather,
  MaxPoolGrad: maxPoolGrad,
  BatchMatMul: untransposed("BatchMatMul"),
  _FusedMatMul: untransposed("_FusedMatMul"),
  Slice: slice,
  Conv2DBackpropInput: conv2DBackpropInput,
  Conv2DBackpropFilter: conv2DBackpropFilter,
};

/**
 * Replaces the wasm kernels above (keeping each stock kernel's setup function), once per process.
 * Must run after `@tensorflow/tfjs-backend-wasm` is imported and before `tf.setBackend("wasm")`.
 */
export function registerWasmOverrides(): void {
  if (stockKernels.size > 0) return;
  for (const [name, kernelFunc] of Object.entries(overrides)) {
    const stock = tf.getKernel(name, "wasm");
    if (stock) {
      stockKernels.set(name, stock);
      tf.unregisterKernel(name, "wasm");
    }
    tf.registerKernel({
      kernelName: name,
      backendName: "wasm",
      setupFunc: stock?.setupFunc,
      kernelFunc: kernelFunc as unknown as tf.KernelFunc,
    });
  }
}
