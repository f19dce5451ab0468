/**
 * Overrides that compute what the stock kernels compute, in the same order, must agree with them
 * bit for bit (the start-up self-check allows float32 rounding and cannot see the sign of a zero):
 * element-wise ops (JS loops and BLAS level 1), copies, casts, clips, Softmax, FusedBatchNorm and
 * the reductions.
 */
import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import { assert, assertEquals } from "../std.ts";
import { caseRng, caseValues, kernelCases } from "./check_cases.ts";
import { loadBlas } from "./blas_ffi.ts";
import { type CpuKernelArgs, type FastKernel, stock, type TensorInfo } from "./kernel_util.ts";
import { binaryKernels, elementwiseTuning } from "./kernels_elementwise.ts";
import { unaryKernels } from "./kernels_unary.ts";
import { miscKernels } from "./kernels_misc.ts";
import { shapeKernels } from "./kernels_shape.ts";
import { reduceKernels } from "./kernels_reduce.ts";

const loaded = loadBlas();
const blas = typeof loaded === "string" ? undefined : loaded;

const EXACT: Record<string, FastKernel> = {
  Floor: unaryKernels.Floor,
  Sqrt: unaryKernels.Sqrt,
  ClipByValue: unaryKernels.ClipByValue,
  ...miscKernels,
  ...shapeKernels,
  ...reduceKernels,
};

/** The bits of a result (bool and int32 as numbers, float32 as its int32 bit pattern; every NaN as one value). */
function bitsOf(backend: MathBackendCPU, t: TensorInfo): number[] {
  const v = backend.readSync(t.dataId) as Float32Array | Int32Array | Uint8Array;
  if (!(v instanceof Float32Array)) return Array.from(v);
  return Array.from(new Int32Array(v.buffer, v.byteOffset, v.length), (x, i) => (Number.isNaN(v[i]) ? 0x7fc00000 : x));
}

/**
 * Runs every check case of `kernels` and the stock kernel; returns the differences (and cases marked
 * `fast` that the override left to the stock kernel) and how many cases an override handled.
 */
function exactProblems(kernels: Record<string, FastKernel>): { problems: string[]; handled: number } {
  const problems: string[] = [];
  let handled = 0;
  kernelCases("full").forEach((kcase, index) => {
    const fast = kernels[kcase.kernel];
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
      if (got === undefined) {
        if (kcase.fast) problems.push(`${kcase.kernel} (${kcase.label}): not handled`);
        return;
      }
      handled++;
      const wants = [stock(kcase.kernel, args)].flat(), gots = [got].flat();
      if (gots.length !== wants.length) problems.push(`${kcase.kernel} (${kcase.label}): ${gots.length} outputs`);
      wants.forEach((want, i) => {
        const where = `${kcase.kernel} (${kcase.label}) output ${i}`;
        const g = gots[i], w = bitsOf(backend, want);
        if (!g || g.dtype !== want.dtype || g.shape.join() !== want.shape.join()) {
          problems.push(`${where}: shape/dtype`);
        } else {
          const at = bitsOf(backend, g).findIndex((x, j) => x !== w[j]);
          if (at >= 0) problems.push(`${where}: first difference at ${at}`);
        }
      });
    } finally {
      backend.dispose();
    }
  });
  return { problems, handled };
}

Deno.test("copy, cast, clip, Softmax, batch-norm and reduce overrides agree with the stock kernels bit for bit", () => {
  const r = exactProblems(EXACT);
  assertEquals(r.problems, []);
  assert(r.handled > 60, `only ${r.handled} cases ran an override`);
});

Deno.test("binary element-wise loops equal the stock kernels bit for bit", () => {
  assertEquals(exactProblems(binaryKernels()).problems, []);
});

Deno.test({
  name: "binary element-wise kernels on BLAS level 1 equal the stock kernels bit for bit",
  ignore: !blas?.level1,
  fn() {
    const saved = elementwiseTuning.blasMin;
    try {
      assertEquals(exactProblems(binaryKernels(blas)).problems, []);
      elementwiseTuning.blasMin = 1; // every small case through BLAS too
      assertEquals(exactProblems(binaryKernels(blas)).problems, []);
    } finally {
      elementwiseTuning.blasMin = saved;
    }
  },
});

Deno.test({
  name: "the large element-wise cases reach the BLAS level-1 path",
  ignore: !blas?.level1,
  fn() {
    // a level-1 routine that fails loudly shows that the cases use it
    const calls: string[] = [];
    const l1 = blas!.level1!;
    const spy = {
      ...blas!,
      level1: {
        saxpy: (...a: Parameters<typeof l1.saxpy>) => (calls.push("saxpy"), l1.saxpy(...a)),
        sscal: (...a: Parameters<typeof l1.sscal>) => (calls.push("sscal"), l1.sscal(...a)),
        scopy: (...a: Parameters<typeof l1.scopy>) => (calls.push("scopy"), l1.scopy(...a)),
      },
    };
    const backend = new MathBackendCPU();
    const big = backend.makeTensorInfo([64, 80], "float32", new Float32Array(5120).fill(2));
    const s = backend.makeTensorInfo([], "float32", new Float32Array([3]));
    const k = binaryKernels(spy);
    k.Add({ inputs: { a: big, b: big }, backend, attrs: {} });
    k.Multiply({ inputs: { a: s, b: big }, backend, attrs: {} });
    assertEquals(calls, ["scopy", "saxpy", "scopy", "sscal"]);
  },
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
