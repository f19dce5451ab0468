/**
 * What every wasm kernel override shares: the kernel's arguments, and the stock kernels kept before
 * they were replaced (an override hands the cases it does not handle to them).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";

/** A tensor as a kernel sees it. */
export type TensorInfo = tf.TensorInfo;

/** What tfjs passes to a wasm kernel. */
export interface WasmArgs {
  inputs: Record<string, TensorInfo | undefined>;
  backend: BackendWasm;
  attrs: Record<string, unknown>;
}

/** A wasm kernel implementation. */
export type WasmKernel = (args: WasmArgs) => TensorInfo;

/** The stock wasm kernels, kept before they are replaced. */
export const stockKernels = new Map<string, tf.KernelConfig>();

/** Runs the stock wasm kernel `name` (the one replaced by an override, or the registered one). */
export function call(name: string, args: WasmArgs): TensorInfo {
  const config = stockKernels.get(name) ?? tf.getKernel(name, "wasm");
  if (!config) throw new Error(`tfjs-wasm has no kernel "${name}"`);
  return config.kernelFunc(args as unknown as Parameters<tf.KernelFunc>[0]) as TensorInfo;
}
