/**
 * Copies, casts, clips, Softmax, FusedBatchNorm and the reductions compute what the stock kernels
 * compute in the same order, so they must agree bit for bit (the start-up self-check allows
 * float32 rounding and cannot see the sign of a zero).
 */
import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import { assert, assertEquals } from "../std.ts";
import { caseRng, caseValues, kernelCases } from "./check_cases.ts";
import { type CpuKernelArgs, type FastKernel, stock, type TensorInfo } from "./kernel_util.ts";
import { unaryKernels } from "./kernels_unary.ts";
import { miscKernels } from "./kernels_misc.ts";
import { shapeKernels } from "./kernels_shape.ts";
import { reduceKernels } from "./kernels_reduce.ts";

const EXACT: Record<string, FastKernel> = {
  Floor: unaryKernels.Floor,
  Sqrt: unaryKernels.Sqrt,
  ClipByValue: unaryKernels.ClipByValue,
  ...miscKernels,
  ...shapeKernels,
  ...reduceKernels,
};

/** The bits of a result (bool and int32 as numbers, float32 as its int32 bit pattern). */
function bitsOf(backend: MathBackendCPU, t: TensorInfo): number[] {
  const v = backend.readSync(t.dataId) as Float32Array | Int32Array | Uint8Array;
  return Array.from(v instanceof Float32Array ? new Int32Array(v.buffer, v.byteOffset, v.length) : v);
}

Deno.test("copy, cast, clip, Softmax, batch-norm and reduce overrides agree with the stock kernels bit for bit", () => {
  let handled = 0;
  kernelCases("full").forEach((kcase, index) => {
    const fast = EXACT[kcase.kernel];
    if (!fast) return;
    const backend = new MathBackendCPU();
    (backend as unknown as { firstUse: boolean }).firstUse = false;
    try {
      const rng = caseRng(index);
      const inputs: Record<string, TensorInfo> = {};
      for (const [name, input] of Object.entries(kcase.inputs)) {
        const v = caseValues(input, rng);
        inputs[name] = backend.makeTensorInfo(input.shape, v instanceof Float32Array ? "float32" : "int32", v);
      }
      const args: CpuKernelArgs = { inputs, backend, attrs: kcase.attrs };
      const got = fast(args);
      if (got === undefined) return;
      handled++;
      const wants = [stock(kcase.kernel, args)].flat(), gots = [got].flat();
      assertEquals(gots.length, wants.length);
      wants.forEach((want, i) => {
        const where = `${kcase.kernel} (${kcase.label}) output ${i}`;
        assertEquals([gots[i].dtype, gots[i].shape], [want.dtype, want.shape], where);
        assertEquals(bitsOf(backend, gots[i]), bitsOf(backend, want), where);
      });
    } finally {
      backend.dispose();
    }
  });
  assert(handled > 60, `only ${handled} cases ran an override`);
});

Deno.test("gathers leave an index out of range to the stock kernel (which reports it)", () => {
  const backend = new MathBackendCPU();
  try {
    const x = backend.makeTensorInfo([4, 1], "float32", new Float32Array([1, 2, 3, 4]));
    for (const bad of [4, -1]) {
      const indices = backend.makeTensorInfo([3], "int32", new Int32Array([0, bad, 2]));
      const args = { inputs: { x, indices }, backend, attrs: { axis: 0, batchDims: 0 } };
      assertEquals(shapeKernels.GatherV2(args as unknown as CpuKernelArgs), undefined);
      const nd = backend.makeTensorInfo([3, 1], "int32", new Int32Array([0, bad, 2]));
      const flat = backend.makeTensorInfo([4], "float32", new Float32Array([1, 2, 3, 4]));
      assertEquals(shapeKernels.GatherNd({ inputs: { params: flat, indices: nd }, backend, attrs: {} }), undefined);
    }
  } finally {
    backend.dispose();
  }
});
