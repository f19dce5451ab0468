/**
 * Comparison cases for the element-wise kernels (kernels_elementwise.ts), including the BLAS level-1 paths.
 * @module
 */
import type { KernelCase } from "./check_case.ts";

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

/** Element-wise cases: broadcasting, NaN/±Inf, -0, the large operands of the BLAS level-1 paths. */
export function elementwiseCases(full: boolean): KernelCase[] {
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
    [[9, 13], [0], true, true], // four columns at a time and the three left over
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
