/**
 * Comparison cases for Floor, Sqrt, ClipByValue (kernels_unary.ts), Cast, Softmax and
 * FusedBatchNorm (kernels_misc.ts): NaN/±Inf/-0, int32 wrap-around, zero bounds, bounds in the wrong order.
 * @module
 */
import type { KernelCase } from "./check_case.ts";

/** Floor, Sqrt, ClipByValue, Cast and Softmax (kernels_unary.ts, kernels_misc.ts). */
export function miscCases(full: boolean): KernelCase[] {
  const out: KernelCase[] = [];
  for (const kernel of ["Floor", "Sqrt"]) {
    for (const values of ["special", "wide"] as const) {
      out.push({ kernel, label: values, inputs: { x: { shape: [5, 7], values } }, attrs: {}, fast: true });
    }
  }
  out.push({
    kernel: "Sqrt",
    label: "positive",
    inputs: { x: { shape: [9], values: "positive" } },
    attrs: {},
    fast: true,
  });
  const clips: [number, number, "special" | "ties"][] = [
    [0, 1, "special"],
    [-0.5, 0.1, "special"],
    [0, 0, "ties"],
    [-1, -2, "special"],
    [-0, 1, "ties"],
    [0, -0, "ties"],
    [-1, -0, "special"],
    [1e-40, 3, "special"],
  ];
  for (const [lo, hi, values] of full ? clips : clips.slice(0, 2)) {
    out.push({
      kernel: "ClipByValue",
      label: `[${lo}, ${hi}] ${values}`,
      inputs: { x: { shape: [4, 9], values } },
      attrs: { clipValueMin: lo, clipValueMax: hi },
      fast: true,
    });
  }
  for (const values of ["special", "wide", "ties"] as const) {
    out.push({
      kernel: "Cast",
      label: `float32 ${values} to int32`,
      inputs: { x: { shape: [6, 7], values } },
      attrs: { dtype: "int32" },
      fast: true,
    });
    out.push({
      kernel: "Cast",
      label: `float32 ${values} to bool`,
      inputs: { x: { shape: [6, 7], values } },
      attrs: { dtype: "bool" },
      fast: true,
    });
  }
  out.push({
    kernel: "Cast",
    label: "int32 to bool",
    inputs: { x: { shape: [20], int32Below: 3 } },
    attrs: { dtype: "bool" },
    fast: true,
  });
  out.push({
    kernel: "Cast",
    label: "int32 to float32 (stock)",
    inputs: { x: { shape: [5], int32Below: 9 } },
    attrs: { dtype: "float32" },
    fast: false,
  });
  const softmaxes: [number[], number, "normal" | "special" | "ties" | "wide"][] = [
    [[4, 10], -1, "normal"],
    [[3, 5], 1, "special"],
    [[2, 3, 6], -1, "ties"],
    [[7], 0, "wide"],
    [[6, 1], -1, "normal"],
  ];
  for (const [shape, dim, values] of full ? softmaxes : softmaxes.slice(0, 2)) {
    out.push({
      kernel: "Softmax",
      label: `${shape} dim ${dim} ${values}`,
      inputs: { logits: { shape, values } },
      attrs: { dim },
      fast: true,
    });
  }
  const norms: [number[], number[], boolean, "normal" | "special"][] = [
    [[2, 3, 4], [4], true, "special"],
    [[2, 3, 4], [4], false, "normal"],
    [[2, 3, 4], [3, 4], true, "normal"],
    [[5, 2], [1], true, "special"],
  ];
  for (const [shape, param, affine, values] of full ? norms : norms.slice(0, 2)) {
    out.push({
      kernel: "FusedBatchNorm",
      label: `x ${shape} params ${param}${affine ? " scale offset" : ""} ${values}`,
      inputs: {
        x: { shape, values },
        mean: { shape: param },
        variance: { shape: param, values: "positive" },
        ...(affine ? { scale: { shape: param }, offset: { shape: param } } : {}),
      },
      attrs: { varianceEpsilon: 0.001 },
      fast: true,
    });
  }
  return out;
}
