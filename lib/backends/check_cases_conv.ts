/**
 * Comparison cases for MatMul, the convolutions and pooling (kernels_matmul.ts, kernels_conv.ts, kernels_pool.ts).
 * @module
 */
import type { KernelCase } from "./check_case.ts";

/** MatMul cases: transposes, batches, broadcasting, fused bias + activation. */
export function matMulCases(full: boolean): KernelCase[] {
  const out: KernelCase[] = [];
  const dims: [number, number, number][] = full ? [[3, 4, 5], [1, 1, 1], [7, 1, 6], [17, 33, 9]] : [[3, 4, 5]];
  for (const [m, k, n] of dims) {
    for (const tA of [false, true]) {
      for (const tB of [false, true]) {
        const a = { shape: tA ? [k, m] : [m, k] };
        const b = { shape: tB ? [n, k] : [k, n] };
        out.push({
          kernel: "BatchMatMul",
          label: `${m}x${k}x${n} tA=${tA} tB=${tB}`,
          inputs: { a, b },
          attrs: { transposeA: tA, transposeB: tB },
          fast: true,
        });
      }
    }
  }
  const batched: [number[], number[], boolean, boolean][] = [
    [[2, 3, 4], [2, 4, 5], false, false],
    [[2, 4, 3], [2, 5, 4], true, true],
    [[3, 2, 3, 4], [4, 5], false, false],
    [[3, 4], [2, 4, 5], false, false],
    [[1, 3, 4], [2, 5, 4], false, true],
    [[2, 4, 3], [1, 5, 4], true, true],
  ];
  for (const [as, bs, tA, tB] of full ? batched : batched.slice(0, 3)) {
    out.push({
      kernel: "BatchMatMul",
      label: `batched ${as}·${bs} tA=${tA} tB=${tB}`,
      inputs: { a: { shape: as }, b: { shape: bs } },
      attrs: { transposeA: tA, transposeB: tB },
      fast: true,
    });
  }
  out.push({
    kernel: "BatchMatMul",
    label: "NaN/Inf 6x5x4",
    inputs: { a: { shape: [6, 5], values: "special" }, b: { shape: [5, 4], values: "special" } },
    attrs: { transposeA: false, transposeB: false },
    fast: true,
  });
  const fused: [string | undefined, number[], boolean, boolean][] = [
    ["relu", [5], false, false],
    ["relu", [5], true, true],
    ["linear", [1], false, true],
    [undefined, [5], true, false],
    ["relu", [4, 5], false, false],
    ["elu", [5], false, false],
    ["relu6", [5], false, false],
  ];
  out.push({
    kernel: "_FusedMatMul",
    label: "fused relu NaN/Inf",
    inputs: { a: { shape: [6, 5], values: "special" }, b: { shape: [5, 4] }, bias: { shape: [4], values: "special" } },
    attrs: { transposeA: false, transposeB: false, activation: "relu" },
    fast: true,
  });
  for (const [activation, biasShape, tA, tB] of full ? fused : fused.slice(0, 2)) {
    out.push({
      kernel: "_FusedMatMul",
      label: `fused ${activation} bias ${biasShape} tA=${tA} tB=${tB}`,
      inputs: { a: { shape: tA ? [6, 4] : [4, 6] }, b: { shape: tB ? [5, 6] : [6, 5] }, bias: { shape: biasShape } },
      attrs: { transposeA: tA, transposeB: tB, activation },
      fast: true,
    });
  }
  return out;
}

/** Conv2D cases and their gradients: padding, strides. */
export function convCases(full: boolean): KernelCase[] {
  const geometries: { x: number[]; f: number[]; strides: number[]; pad: string; dilations?: number[] }[] = [
    { x: [2, 7, 7, 3], f: [3, 3, 3, 4], strides: [1, 1], pad: "same" },
    { x: [2, 7, 7, 3], f: [3, 3, 3, 4], strides: [2, 2], pad: "same" },
    { x: [2, 8, 6, 2], f: [3, 2, 2, 3], strides: [1, 1], pad: "valid" },
    { x: [1, 9, 9, 2], f: [3, 3, 2, 2], strides: [2, 2], pad: "valid" },
    { x: [3, 5, 5, 4], f: [1, 1, 4, 6], strides: [1, 1], pad: "valid" },
    { x: [2, 6, 6, 1], f: [2, 2, 1, 3], strides: [2, 1], pad: "same" },
    { x: [1, 8, 8, 2], f: [3, 3, 2, 2], strides: [1, 1], pad: "same", dilations: [2, 2] },
  ];
  const out: KernelCase[] = [];
  for (const g of full ? geometries : geometries.slice(0, 2)) {
    const label = `x ${g.x} f ${g.f} s ${g.strides} ${g.pad}${g.dilations ? ` d ${g.dilations}` : ""}`;
    const attrs = { strides: g.strides, pad: g.pad, dataFormat: "NHWC", dilations: g.dilations ?? [1, 1] };
    out.push({ kernel: "Conv2D", label, inputs: { x: { shape: g.x }, filter: { shape: g.f } }, attrs, fast: true });
    const oc = g.f[3];
    out.push({
      kernel: "FusedConv2D",
      label: `${label} bias relu`,
      inputs: { x: { shape: g.x }, filter: { shape: g.f }, bias: { shape: [oc] } },
      attrs: { ...attrs, activation: "relu" },
      fast: true,
    });
    if (g.dilations) continue; // the gradients are defined for dilation 1 only
    const outShape = convOutShape(g.x, g.f, g.strides, g.pad);
    out.push({
      kernel: "Conv2DBackpropInput",
      label,
      inputs: { dy: { shape: outShape }, filter: { shape: g.f } },
      attrs: { ...attrs, inputShape: g.x },
      fast: true,
    });
    out.push({
      kernel: "Conv2DBackpropFilter",
      label,
      inputs: { x: { shape: g.x }, dy: { shape: outShape } },
      attrs: { ...attrs, filterShape: g.f },
      fast: true,
    });
  }
  out.push({
    kernel: "Conv2D",
    label: "NaN/Inf x 1x5x5x2 f 3x3x2x2",
    inputs: { x: { shape: [1, 5, 5, 2], values: "special" }, filter: { shape: [3, 3, 2, 2] } },
    attrs: { strides: [1, 1], pad: "same", dataFormat: "NHWC", dilations: [1, 1] },
    fast: true,
  });
  return out;
}

/** Output shape [N, OH, OW, OC] of an NHWC convolution with dilation 1 (tfjs's `same`/`valid`). */
export function convOutShape(x: number[], f: number[], strides: number[], pad: string): number[] {
  const oh = pad === "same" ? Math.ceil(x[1] / strides[0]) : Math.ceil((x[1] - f[0] + 1) / strides[0]);
  const ow = pad === "same" ? Math.ceil(x[2] / strides[1]) : Math.ceil((x[2] - f[1] + 1) / strides[1]);
  return [x[0], oh, ow, f[3]];
}

/** Max/avg pool cases and their gradients, with ties. */
export function poolCases(full: boolean): KernelCase[] {
  const geometries: { x: number[]; filterSize: number[]; strides: number[]; pad: string }[] = [
    { x: [2, 6, 6, 3], filterSize: [2, 2], strides: [2, 2], pad: "valid" },
    { x: [2, 5, 5, 2], filterSize: [3, 3], strides: [1, 1], pad: "same" },
    { x: [1, 7, 7, 2], filterSize: [3, 3], strides: [2, 2], pad: "same" },
    { x: [1, 7, 6, 1], filterSize: [2, 3], strides: [2, 1], pad: "valid" },
  ];
  const out: KernelCase[] = [];
  for (const g of full ? geometries : geometries.slice(0, 2)) {
    for (const values of ["normal", "ties", "special"] as const) {
      const attrs = { filterSize: g.filterSize, strides: g.strides, pad: g.pad };
      const label = `x ${g.x} f ${g.filterSize} s ${g.strides} ${g.pad} ${values}`;
      out.push({ kernel: "MaxPool", label, inputs: { x: { shape: g.x, values } }, attrs, fast: true });
      const outShape = [g.x[0], ...poolOut(g), g.x[3]];
      out.push({
        kernel: "MaxPoolGrad",
        label,
        inputs: { dy: { shape: outShape }, input: { shape: g.x, values } },
        attrs,
        fast: true,
      });
    }
  }
  return out;
}

function poolOut(g: { x: number[]; filterSize: number[]; strides: number[]; pad: string }): number[] {
  return [1, 2].map((i) =>
    g.pad === "same"
      ? Math.ceil(g.x[i] / g.strides[i - 1])
      : Math.ceil((g.x[i] - g.filterSize[i - 1] + 1) / g.strides[i - 1])
  );
}
