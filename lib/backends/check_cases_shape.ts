/**
 * Comparison cases for the copies (kernels_shape.ts, kernels_gather.ts): Slice, Transpose, Pad, gathers, Split, Reverse.
 * @module
 */
import type { KernelCase } from "./check_case.ts";

/** Slice, Transpose, Pad, Gather, Split and Reverse cases. */
export function shapeCases(full: boolean): KernelCase[] {
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
