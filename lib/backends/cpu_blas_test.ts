import { assert, assertEquals } from "../std.ts";
import { type KernelCase, kernelCases } from "./check_cases.ts";
import { runCase, selfCheck } from "./self_check.ts";
import type { FastKernel } from "./kernel_util.ts";
import { overrides } from "./cpu_blas.ts";
import { type Blas, loadBlas } from "./blas_ffi.ts";
import { convTuning } from "./kernels_conv.ts";

const loaded = loadBlas();
const blas = typeof loaded === "string" ? undefined : loaded;

/** Runs the cases and returns the disagreements and how many ran the override itself. */
function check(blas: Blas, cases: KernelCase[]): { problems: string[]; handled: number } {
  const fast = overrides(blas);
  const problems: string[] = [];
  let handled = 0;
  cases.forEach((kcase, index) => {
    const kernel = fast[kcase.kernel];
    assert(kernel, `no override for ${kcase.kernel}`);
    const r = runCase(kernel, kcase, index);
    if (r.problem) problems.push(r.problem);
    if (kcase.fast && !r.handled) problems.push(`${kcase.kernel} (${kcase.label}) was not handled by the override`);
    if (r.handled) handled++;
  });
  return { problems, handled };
}

Deno.test({
  name: "cpu-blas overrides agree with the stock cpu kernels on every case",
  ignore: !blas,
  fn() {
    const { problems, handled } = check(blas!, kernelCases("full"));
    assertEquals(problems, []);
    assert(handled > 100, `only ${handled} cases ran the override`);
  },
});

Deno.test({
  name: "cpu-blas convolutions agree when the batch is split into one-image chunks",
  ignore: !blas,
  fn() {
    const saved = convTuning.maxCols;
    convTuning.maxCols = 1;
    try {
      const conv = kernelCases("full").filter((c) => c.kernel.includes("Conv"));
      assertEquals(check(blas!, conv).problems, []);
    } finally {
      convTuning.maxCols = saved;
    }
  },
});

Deno.test("the start-up self-check reports a wrong or idle override", () => {
  const zeros: FastKernel = ({ inputs, backend }) => {
    const a = inputs.a!;
    return backend.makeTensorInfo(a.shape, "float32", new Float32Array(a.shape.reduce((p, q) => p * q, 1)));
  };
  const problems = selfCheck({ Add: zeros, Relu: () => undefined });
  assert(problems.some((p) => p.startsWith("Add (")), problems.join("; "));
  assert(problems.some((p) => p.startsWith("Relu (") && p.includes("not handled")), problems.join("; "));
  assertEquals(selfCheck({}), []);
});
