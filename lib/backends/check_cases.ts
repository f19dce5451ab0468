/**
 * Inputs on which kernel overrides are compared with the stock tfjs `cpu` kernels: shapes with
 * transposes, batches, broadcasting, padding, strides, fused bias + activation, NaN/±Inf and
 * ties. The backend's self-check runs the `quick` set; the unit tests run the `full` set.
 * @module
 */
import { createRng, type Rng } from "../rng.ts";
import { miscCases } from "./check_cases_misc.ts";

/** One input tensor: its shape and how its values are drawn. */
export interface CaseInput {
  shape: number[];
  /**
   * `normal` (default), `ties` (values in {-1, 0, 1}), `special` (normal with NaN/±Inf/-0 mixed in),
   * `positive` (0.5 + |normal|), `wide` (special times 3e9 with halves mixed in: int32 wrap-around and
   * rounding of conversions).
   */
  values?: "normal" | "ties" | "special" | "positive" | "wide";
  /** Integer inputs (e.g. gather indices): int32 values drawn uniformly from [0, max). */
  int32Below?: number;
  /** Every element equal to this value (e.g. a scalar operand of 0, -0, NaN or Inf). */
  fill?: number;
}

/** One comparison of an override with its stock kernel. */
export interface KernelCase {
  kernel: string;
  label: string;
  inputs: Record<string, CaseInput>;
  attrs: Record<string, unknown>;
  /** Whether the override must handle this case itself (false: it may hand it to the stock kernel). */
  fast: boolean;
}

/** Values for an input, reproducible from the case's position. */
export function caseValues(input: CaseInput, rng: Rng): Float32Array | Int32Array {
  let n = 1;
  for (const d of input.shape) n *= d;
  if (input.int32Below !== undefined) return Int32Array.from({ length: n }, () => rng.int(input.int32Below!));
  if (input.fill !== undefined) return new Float32Array(n).fill(input.fill);
  const v = rng.normals(n);
  const kind = input.values ?? "normal";
  if (kind === "ties") { for (let i = 0; i < n; i++) v[i] = rng.int(3) - 1; }
  if (kind === "positive") { for (let i = 0; i < n; i++) v[i] = 0.5 + Math.abs(v[i]); }
  if (kind === "wide") {
    for (let i = 0; i < n; i++) v[i] = rng.next() < 0.5 ? v[i] * 3e9 : Math.round(v[i] * 8) / 2;
  }
  if (kind === "special" || kind === "wide") {
    const specials = [NaN, Infinity, -Infinity, -0, 0];
    for (let i = 0; i < n; i++) if (rng.next() < 0.15) v[i] = specials[rng.int(specials.length)];
    // JS writes NaN with the sign bit clear; x86 arithmetic makes NaNs with it set: have both
    const b = new Int32Array(v.buffer, v.byteOffset, n);
    for (let i = 0; i < n; i++) if (Number.isNaN(v[i]) && rng.next() < 0.5) b[i] = 0xffc00000 | 0;
  }
  return v;
}

/** A fresh generator for the values of case number `index`. */
export function caseRng(index: number): Rng {
  return createRng(7919 * (index + 1));
}

function matMulCases(full: boolean): KernelCase[] {
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

function convCases(full: boolean): KernelCase[] {
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

function poolCases(full: boolean): KernelCase[] {
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

/**
 * Operands large enough for the BLAS level-1 paths of Add, Sub and Multiply (see
 * `elementwiseTuning.blasMin`): equal shapes, and a scalar factor that is special itself (0 and
 * -0 must give NaN for NaN/Inf elements, a subnormal must not be flushed to zero).
 */
function largeElementwiseCases(full: boolean): KernelCase[] {
  const big = [64, 80];
  const out: KernelCase[] = [];
  for (const kernel of full ? ["Add", "Sub", "Multiply", "RealDiv"] : ["Add", "Sub"]) {
    out.push({
      kernel,
      label: `${big} ∘ ${big}`,
      inputs: { a: { shape: big, values: "special" }, b: { shape: big, values: "special" } },
      attrs: {},
      fast: true,
    });
  }
  const scalars = full ? [0.75, -3, 0, -0, NaN, Infinity, -Infinity, 1e-40] : [0.75];
  for (const s of scalars) {
    for (const scalarFirst of [true, false]) {
      const scalar = { shape: [], fill: s };
      const tensor = { shape: big, values: "special" as const };
      out.push({
        kernel: "Multiply",
        label: scalarFirst ? `${s} · [${big}]` : `[${big}] · ${s}`,
        inputs: scalarFirst ? { a: scalar, b: tensor } : { a: tensor, b: scalar },
        attrs: {},
        fast: true,
      });
    }
  }
  return out;
}

function elementwiseCases(full: boolean): KernelCase[] {
  const pairs: [number[], number[], boolean][] = [
    [[3, 4], [3, 4], true],
    [[3, 4], [4], true],
    [[3, 4], [1], true],
    [[], [2, 3], true],
    [[3, 1], [3, 4], true],
    [[2, 3, 4], [3, 1], true],
    [[2, 3, 4], [1, 3, 1], true],
    [[3, 1], [1, 4], true],
    [[5, 1, 1], [1, 3, 4], true],
    [[2, 1, 4], [3, 1], true],
  ];
  const out: KernelCase[] = [];
  for (const kernel of ["Add", "Sub", "Multiply", "RealDiv"]) {
    for (const [as, bs, fast] of full ? pairs : pairs.slice(0, 2)) {
      out.push({
        kernel,
        label: `${as} ∘ ${bs}`,
        inputs: { a: { shape: as, values: "special" }, b: { shape: bs, values: "special" } },
        attrs: {},
        fast,
      });
    }
  }
  out.push(...largeElementwiseCases(full));
  for (const kernel of ["Relu", "Abs", "Neg", "Square", "Exp", "Log", "Tanh"]) {
    out.push({ kernel, label: "special", inputs: { x: { shape: [5, 7], values: "special" } }, attrs: {}, fast: true });
  }
  out.push({
    kernel: "Log",
    label: "positive",
    inputs: { x: { shape: [9], values: "positive" } },
    attrs: {},
    fast: true,
  });
  for (const alpha of [0, 0.25]) {
    out.push({
      kernel: "Step",
      label: `alpha ${alpha}`,
      inputs: { x: { shape: [5, 7], values: "special" } },
      attrs: { alpha },
      fast: true,
    });
  }
  const sums: [number[], number[], boolean, boolean][] = [
    [[3, 4], [1], false, true],
    [[3, 4], [0], false, true],
    [[3, 4], [0], true, true],
    [[3, 4], [0, 1], false, true],
    [[2, 3, 4], [0, 1], true, true],
    [[2, 3, 4], [-1], false, true],
    [[2, 3, 4], [1], false, false],
    [[5], [0], false, true],
    [[16, 12], [1], false, true],
    [[12, 16], [0], false, true],
  ];
  for (const [shape, axis, keepDims, fast] of full ? sums : sums.slice(0, 2)) {
    for (const kernel of ["Sum", "Mean"]) {
      out.push({
        kernel,
        label: `${shape} axis ${axis} keepDims ${keepDims}`,
        inputs: { x: { shape, values: "special" } },
        attrs: { axis, keepDims },
        fast,
      });
    }
  }
  return out;
}

function shapeCases(full: boolean): KernelCase[] {
  const slices: [number[], number[], number[]][] = [
    [[5, 6], [1, 2], [3, 4]],
    [[2, 5, 6, 3], [1, 1, 2, 0], [1, 3, -1, 3]],
    [[2, 5, 6, 3], [0, 0, 0, 1], [2, 5, 6, 1]],
    [[7], [2], [4]],
    [[3, 4], [1, 0], [0, 4]],
    [[2, 6, 6, 2], [0, 1, 1, 0], [2, 4, 4, 2]],
    [[3, 4, 5], [1, 0, 0], [2, 4, 5]],
    [[3, 4, 5], [0, 0, 0], [3, 4, 5]],
  ];
  const perms: [number[], number[]][] = [
    [[5, 6], [1, 0]],
    [[2, 3, 4, 5], [0, 3, 1, 2]],
    [[2, 3, 4], [2, 0, 1]],
    [[4], [0]],
    [[3, 1, 4, 2], [2, 0, 3, 1]],
    [[2, 2, 3, 2], [0, 3, 2, 1]],
    [[1, 1], [1, 0]],
    [[6, 1], [1, 0]],
    [[2, 3, 4, 5], [0, 1, 3, 2]],
    [[2, 3, 4, 5], [3, 2, 1, 0]],
    [[2, 3, 4, 5, 2], [1, 2, 0, 4, 3]],
  ];
  const pads: [number[], [number, number][], number][] = [
    [[2, 3], [[1, 2], [0, 1]], 0],
    [[2, 4, 4, 3], [[0, 0], [1, 1], [2, 0], [0, 0]], 0],
    [[3], [[2, 1]], -1.5],
    [[2, 4, 4, 3], [[1, 0], [0, 0], [0, 0], [0, 0]], 0.5],
    [[2, 3, 4], [[0, 0], [1, 1], [0, 0]], 2],
  ];
  const out: KernelCase[] = [];
  for (const [shape, begin, size] of full ? slices : slices.slice(0, 2)) {
    out.push({
      kernel: "Slice",
      label: `${shape} begin ${begin} size ${size}`,
      inputs: { x: { shape, values: "special" } },
      attrs: { begin, size },
      fast: true,
    });
  }
  for (const [shape, perm] of full ? perms : perms.slice(0, 2)) {
    out.push({
      kernel: "Transpose",
      label: `${shape} perm ${perm}`,
      inputs: { x: { shape, values: "special" } },
      attrs: { perm },
      fast: true,
    });
  }
  const gathers: [number[], number[], number][] = [[[50, 1], [40, 1], 50], [[4, 5, 3], [6, 2], 4], [
    [6, 7],
    [2, 3, 1],
    6,
  ]];
  for (const [shape, indices, below] of full ? gathers : gathers.slice(0, 2)) {
    const inputs = { params: { shape, values: "special" as const }, indices: { shape: indices, int32Below: below } };
    out.push({ kernel: "GatherNd", label: `params ${shape} indices ${indices}`, inputs, attrs: {}, fast: true });
  }
  const gathersV2: [number[], number[], number, number][] = [[[20, 7], [5], 0, 20], [[3, 6, 2], [4, 2], 1, 6], [
    [4, 5],
    [3],
    1,
    5,
  ]];
  for (const [shape, indices, axis, below] of full ? gathersV2 : gathersV2.slice(0, 2)) {
    const inputs = { x: { shape, values: "special" as const }, indices: { shape: indices, int32Below: below } };
    out.push({
      kernel: "GatherV2",
      label: `x ${shape} indices ${indices} axis ${axis}`,
      inputs,
      attrs: { axis, batchDims: 0 },
      fast: true,
    });
  }
  const splits: [number[], number | number[], number][] = [[[3, 4, 2], 2, 2], [[3, 6, 2], [1, 2, 3], 1], [[4, 5], [
    3,
    1,
  ], 0]];
  for (const [shape, numOrSizeSplits, axis] of full ? splits : splits.slice(0, 2)) {
    const label = `${shape} splits ${numOrSizeSplits} axis ${axis}`;
    out.push({
      kernel: "SplitV",
      label,
      inputs: { x: { shape, values: "special" } },
      attrs: { numOrSizeSplits, axis },
      fast: true,
    });
  }
  for (const [shape, dims] of [[[2, 3, 4, 1], [1]], [[2, 3, 4, 1], [2]], [[5, 6], [0, 1]]] as [number[], number[]][]) {
    out.push({
      kernel: "Reverse",
      label: `${shape} dims ${dims}`,
      inputs: { x: { shape, values: "special" } },
      attrs: { dims },
      fast: true,
    });
  }
  for (const [shape, paddings, constantValue] of full ? pads : pads.slice(0, 2)) {
    out.push({
      kernel: "PadV2",
      label: `${shape} pad ${JSON.stringify(paddings)} value ${constantValue}`,
      inputs: { x: { shape, values: "special" } },
      attrs: { paddings, constantValue },
      fast: true,
    });
  }
  return out;
}

/** The comparison cases: `quick` for the start-up self-check, `full` for the unit tests. */
export function kernelCases(level: "quick" | "full"): KernelCase[] {
  const full = level === "full";
  return [
    ...matMulCases(full),
    ...convCases(full),
    ...poolCases(full),
    ...elementwiseCases(full),
    ...shapeCases(full),
    ...miscCases(full),
  ];
}
