/**
 * The `cpu-blas` tfjs backend: the stock `cpu` backend (same data layout, every kernel) with the
 * heavy kernels replaced by native BLAS (`cblas_sgemm` through FFI; level 1 for large Add/Sub and
 * scalar Multiply) and tight JavaScript loops, and a pool that recycles kernel output buffers
 * (see buffer_pool.ts); plain SGD updates its variables in place where that is safe (sgd_in_place.ts).
 *
 * {@link registerCpuBlas} checks every override against the stock kernel on small inputs before the
 * backend may start, and refuses (BackendUnavailable) when the library is missing or a check fails.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { type Blas, loadBlas } from "./blas_ffi.ts";
import { type CpuKernelArgs, type FastKernel, stock } from "./kernel_util.ts";
import { batchMatMul, fusedMatMul } from "./kernels_matmul.ts";
import { conv2D, conv2DBackpropFilter, conv2DBackpropInput, fusedConv2D } from "./kernels_conv.ts";
import { binaryKernels } from "./kernels_elementwise.ts";
import { unaryKernels } from "./kernels_unary.ts";
import { reduceKernels } from "./kernels_reduce.ts";
import { maxPool, maxPoolGrad } from "./kernels_pool.ts";
import { shapeKernels } from "./kernels_shape.ts";
import { miscKernels } from "./kernels_misc.ts";
import { lossKernels, registerLossGradient } from "./kernels_loss.ts";
import { registerReluGradient, RELU_GRAD, reluGrad } from "./kernels_relu_grad.ts";
import { selfCheck } from "./self_check.ts";
import { keepSavedTensorsCheaply } from "./engine_tuning.ts";
import { updateSgdInPlace } from "./sgd_in_place.ts";
import { tuneMalloc } from "./malloc_tuning.ts";
import { PooledCpuBackend } from "./buffer_pool.ts";

/** The tfjs name of the backend. */
export const CPU_BLAS = "cpu-blas";

/** The kernels cpu-blas replaces, by kernel name. */
export function overrides(blas: Blas): Record<string, FastKernel> {
  return {
    BatchMatMul: batchMatMul(blas),
    _FusedMatMul: fusedMatMul(blas),
    Conv2D: conv2D(blas),
    FusedConv2D: fusedConv2D(blas),
    Conv2DBackpropInput: conv2DBackpropInput(blas),
    Conv2DBackpropFilter: conv2DBackpropFilter(blas),
    MaxPool: maxPool,
    MaxPoolGrad: maxPoolGrad,
    ...binaryKernels(blas),
    ...unaryKernels,
    ...reduceKernels,
    ...shapeKernels,
    ...miscKernels,
  };
}

/** An override that hands the cases it does not handle to the stock kernel. */
export function withFallback(name: string, fast: FastKernel): tf.KernelFunc {
  return ((args: CpuKernelArgs) => fast(args) ?? stock(name, args)) as unknown as tf.KernelFunc;
}

/** What registering cpu-blas gave: the library; why it is absent (a string); or its failed self-check. */
export type CpuBlasRegistration = { blas: Blas } | string | { selfCheckFailed: string };

let registered: CpuBlasRegistration | undefined;

/**
 * Registers `cpu-blas` with tfjs (once per process) after its self-check. Returns the loaded BLAS
 * library, a string saying why it is absent, or `selfCheckFailed`: the library loaded but its kernels
 * disagree with the stock cpu kernels (a broken backend, not a missing one).
 */
export function registerCpuBlas(): CpuBlasRegistration {
  if (registered) return registered;
  const blas = loadBlas();
  if (typeof blas === "string") return registered = blas;
  const fast = overrides(blas);
  // tf.tidy: a few stock kernels (Abs) return engine tensors, which would otherwise stay counted as live
  const problems = tf.tidy(() => selfCheck(fast));
  if (problems.length > 0) {
    return registered = {
      selfCheckFailed: `its self-check against the stock cpu kernels failed (${blas.path}): ${problems.join("; ")}`,
    };
  }
  tuneMalloc(); // large tensors: reuse freed heap blocks instead of fresh page-faulting mappings
  tf.registerBackend(CPU_BLAS, () => new PooledCpuBackend(), 0);
  for (const config of tf.getKernelsForBackend("cpu")) {
    if (fast[config.kernelName]) continue;
    tf.registerKernel({ ...config, backendName: CPU_BLAS });
  }
  for (const [name, kernel] of Object.entries(fast)) {
    tf.registerKernel({ kernelName: name, backendName: CPU_BLAS, kernelFunc: withFallback(name, kernel) });
  }
  // kernels of claimbook's own (no stock counterpart): the fused loss of lib/nn/softmax_cross_entropy.ts
  // and the fused Relu gradient
  for (const [name, kernel] of Object.entries({ ...lossKernels, [RELU_GRAD]: reluGrad })) {
    tf.registerKernel({ kernelName: name, backendName: CPU_BLAS, kernelFunc: kernel as unknown as tf.KernelFunc });
  }
  registerLossGradient();
  registerReluGradient();
  keepSavedTensorsCheaply(CPU_BLAS);
  updateSgdInPlace(blas.level1);
  return registered = { blas };
}
