/**
 * Choosing and starting the TensorFlow.js backend, once per process.
 *
 * `auto` tries the backends in {@link BACKEND_ORDER} and keeps, for the report, why each one
 * before the chosen one was refused. A backend named explicitly that cannot start is an error
 * that says why and how to fix it, never a silent fallback.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendInfo } from "./experiment.ts";
import { unknownName } from "./suggest.ts";
import { UsageError } from "./params.ts";

/** The backends claimbook knows, best first: the order `auto` tries them in. */
export const BACKEND_ORDER = ["tensorflow-gpu", "tensorflow", "webgpu", "cpu-blas", "wasm", "cpu"] as const;
/** A backend name, or `auto`. */
export type BackendName = (typeof BACKEND_ORDER)[number] | "auto";
/** Every value `--backend` accepts. */
export const BACKEND_CHOICES: readonly string[] = ["auto", ...BACKEND_ORDER];

/** Raised when a backend cannot start; the message says why and what to do. */
export class BackendUnavailable extends Error {
  override name = "BackendUnavailable";
}

/**
 * Raised when a backend is present but refused by its self-check (its kernels compute wrong numbers):
 * a broken backend, which a comparison of backends must count as a failure, not as absent.
 */
export class BackendBroken extends BackendUnavailable {
  override name = "BackendBroken";
}

/** What starting a backend yields: its device in words and whether it is a software fallback. */
interface Started {
  tfjsBackend: string;
  device: string;
  softwareFallback: boolean;
}

/** One way to start a backend. `auto` is true when `auto` is choosing (it may refuse more). */
type Starter = (auto: boolean) => Promise<Started>;

async function activate(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new BackendUnavailable(`tfjs could not initialise its "${name}" backend`);
  await tf.ready();
}

function nativeHint(pkg: string, error: unknown): string {
  const text = String(error);
  if (/tfjs_binding\.node|Cannot find module|ERR_DLOPEN|dlopen/i.test(text)) {
    return `the native part of ${pkg} is not installed (its install script downloads libtensorflow). ` +
      `Fix: run "deno install --allow-scripts=npm:${pkg}" on a machine with network access` +
      (pkg.endsWith("-gpu") ? " and CUDA 11.2 + cuDNN 8" : "") + ", then run with --allow-ffi.";
  }
  if (/NotCapable|PermissionDenied|Requires (env|ffi|read) access/.test(text)) {
    return `${pkg} needs more permissions than this run grants (${text.split("\n")[0].replace(/^\w+: /, "")}). ` +
      `Fix: install its native part once with "deno install --allow-scripts=npm:${pkg}"` +
      (pkg.endsWith("-gpu") ? " (CUDA 11.2 + cuDNN 8)" : "") + `, then run with --allow-env --allow-ffi.`;
  }
  return `${pkg} failed to load: ${text.split("\n")[0]}`;
}

const starters: Record<Exclude<BackendName, "auto">, Starter> = {
  async "tensorflow-gpu"() {
    try {
      await import("@tensorflow/tfjs-node-gpu");
    } catch (e) {
      throw new BackendUnavailable(nativeHint("@tensorflow/tfjs-node-gpu", e));
    }
    await activate("tensorflow");
    return { tfjsBackend: "tensorflow", device: "libtensorflow with CUDA (tfjs-node-gpu)", softwareFallback: false };
  },
  async tensorflow() {
    try {
      await import("@tensorflow/tfjs-node");
    } catch (e) {
      throw new BackendUnavailable(nativeHint("@tensorflow/tfjs-node", e));
    }
    await activate("tensorflow");
    return { tfjsBackend: "tensorflow", device: "libtensorflow on the CPU (tfjs-node)", softwareFallback: false };
  },
  async webgpu(auto) {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    if (!gpu) throw new BackendUnavailable("this runtime has no WebGPU (navigator.gpu is undefined)");
    const adapter = await gpu.requestAdapter({ powerPreference: "high-performance" });
    if (!adapter) throw new BackendUnavailable("WebGPU found no adapter (no GPU driver, and no software adapter)");
    const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
    const software = info.isFallbackAdapter === true ||
      /llvmpipe|swiftshader|lavapipe|software/i.test(info.description ?? "");
    const device = [info.vendor, info.architecture, info.device, info.description].filter((s) => s).join(" ") ||
      "unknown adapter";
    if (software && auto) {
      throw new BackendUnavailable(
        `the WebGPU adapter "${info.description || device}" is a software fallback, slower than the CPU backends; ` +
          `use --backend webgpu to run on it anyway`,
      );
    }
    await import("@tensorflow/tfjs-backend-webgpu");
    await activate("webgpu");
    return { tfjsBackend: "webgpu", device: `WebGPU adapter: ${device}`, softwareFallback: software };
  },
  async "cpu-blas"() {
    const { registerCpuBlas, CPU_BLAS } = await import("./backends/cpu_blas.ts");
    const registered = registerCpuBlas();
    if (typeof registered === "string") throw new BackendUnavailable(registered);
    if ("selfCheckFailed" in registered) throw new BackendBroken(registered.selfCheckFailed);
    await activate(CPU_BLAS);
    return {
      tfjsBackend: CPU_BLAS,
      device: `${registered.blas.kernels ?? "native BLAS"} (${registered.blas.path}) + JavaScript kernels`,
      softwareFallback: false,
    };
  },
  async wasm() {
    await import("@tensorflow/tfjs-backend-wasm");
    const { registerWasmOverrides } = await import("./backends/wasm_overrides.ts");
    registerWasmOverrides(); // before activation: the stock kernels' setup functions run then
    await activate("wasm");
    return {
      tfjsBackend: "wasm",
      device:
        "WebAssembly (SIMD, one thread) with claimbook's matmul, slice, gather, conv-gradient and max-pool-gradient kernels",
      softwareFallback: false,
    };
  },
  async cpu() {
    await activate("cpu");
    return { tfjsBackend: "cpu", device: "plain JavaScript kernels", softwareFallback: false };
  },
};

let current: BackendInfo | undefined;

/** Throws a {@link UsageError} unless `name` is a backend name or `auto`. */
export function assertBackendName(name: string): asserts name is BackendName {
  if (!BACKEND_CHOICES.includes(name)) throw new UsageError(unknownName("Unknown backend", name, BACKEND_CHOICES));
}

/**
 * Starts the backend (once per process; a second call with another name is an error) and
 * returns what the report records about it.
 * @example
 * ```ts
 * const info = await initBackend("auto");
 * console.log(info.name, info.device);
 * ```
 */
export async function initBackend(name: BackendName): Promise<BackendInfo> {
  if (current) {
    if (name === "auto" || name === current.name) return current;
    throw new Error(
      `The backend is already "${current.name}"; one process runs on one backend, so start another for "${name}"`,
    );
  }
  tf.env().set("PROD", true); // silences tfjs's console advice; errors still throw
  const refused: BackendInfo["refused"] = [];
  const candidates = name === "auto" ? BACKEND_ORDER : [name];
  for (const candidate of candidates) {
    try {
      const started = await starters[candidate](name === "auto");
      current = { name: candidate, ...started, refused };
      return current;
    } catch (e) {
      const reason = e instanceof BackendUnavailable ? e.message : `failed to start: ${String(e).split("\n")[0]}`;
      if (name !== "auto") throw new BackendUnavailable(`Backend "${name}" cannot start: ${reason}`);
      refused.push({ name: candidate, reason });
    }
  }
  throw new BackendUnavailable(`No backend could start: ${refused.map((r) => `${r.name}: ${r.reason}`).join("; ")}`);
}

/** The backend started by {@link initBackend}, if any. */
export function currentBackend(): BackendInfo | undefined {
  return current;
}

export { tf };

/**
 * Runs `fn` with another backend active, then switches back (for experiments that compare
 * backends in one process, claim H2). Starting it follows the same rules as {@link initBackend}
 * (a software WebGPU adapter is accepted, as when named explicitly). Tensors made inside must be
 * disposed inside.
 */
export async function withBackend<T>(
  name: Exclude<BackendName, "auto">,
  fn: (info: BackendInfo) => Promise<T>,
): Promise<T> {
  const previous = tf.getBackend();
  const started = await starters[name](false);
  try {
    return await fn({ name, ...started, refused: [] });
  } finally {
    await activate(previous);
  }
}
