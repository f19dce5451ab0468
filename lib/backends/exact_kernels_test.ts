import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import { assert, assertEquals } from "../std.ts";
import { caseRng, caseValues, kernelCases } from "./check_cases.ts";
import { loadBlas } from "./blas_ffi.ts";
import { binaryKernels, elementwiseTuning } from "./kernels_elementwise.ts";
import { reduceKernels } from "./kernels_reduce.ts";
import { type FastKernel, stock, type TensorInfo } from "./kernel_util.ts";

const loaded = loadBlas();
const blas = typeof loaded === "string" ? undefined : loaded;

/** The float32 bits of each element, with every NaN written as one value (payloads may differ). */
function bitsOf(values: Float32Array): number[] {
  const b = new Int32Array(values.buffer, values.byteOffset, values.length);
  return Array.from(b, (x, i) => (Number.isNaN(values[i]) ? 0x7fc00000 : x));
}

/**
 * Every case of `kernels` against the stock kernel bit for bit (the self-check allows rounding
 * differences; the element-wise and reduction overrides have none, -0 included).
 */
function exactProblems(kernels: Record<string, FastKernel>): string[] {
  const problems: string[] = [];
  kernelCases("full").forEach((kcase, index) => {
    const kernel = kernels[kcase.kernel];
    if (!kernel) return;
    const backend = new MathBackendCPU();
    (backend as unknown as { firstUse: boolean }).firstUse = false;
    const rng = caseRng(index);
    const inputs: Record<string, TensorInfo> = {};
    for (const [name, input] of Object.entries(kcase.inputs)) {
      inputs[name] = backend.makeTensorInfo(input.shape, "float32", caseValues(input, rng));
    }
    const args = { inputs, backend, attrs: kcase.attrs };
    const got = kernel(args) as TensorInfo | undefined;
    const want = stock(kcase.kernel, args);
    if (!got) {
      if (kcase.fast) problems.push(`${kcase.kernel} (${kcase.label}): not handled`);
      return;
    }
    const g = bitsOf(backend.readSync(got.dataId) as Float32Array);
    const w = bitsOf(backend.readSync(want.dataId) as Float32Array);
    const at = g.findIndex((x, i) => x !== w[i]);
    if (got.shape.join() !== want.shape.join() || g.length !== w.length || at >= 0) {
      problems.push(`${kcase.kernel} (${kcase.label}): first difference at ${at}`);
    }
  });
  return problems;
}

Deno.test("binary element-wise loops equal the stock kernels bit for bit", () => {
  assertEquals(exactProblems(binaryKernels()), []);
});

Deno.test("Sum and Mean equal the stock kernels bit for bit", () => {
  assertEquals(exactProblems(reduceKernels), []);
});

Deno.test({
  name: "binary element-wise kernels on BLAS level 1 equal the stock kernels bit for bit",
  ignore: !blas?.level1,
  fn() {
    const saved = elementwiseTuning.blasMin;
    try {
      assertEquals(exactProblems(binaryKernels(blas)), []);
      elementwiseTuning.blasMin = 1; // every small case through BLAS too
      assertEquals(exactProblems(binaryKernels(blas)), []);
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
    assert(true);
  },
});
