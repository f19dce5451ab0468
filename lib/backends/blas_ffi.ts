/**
 * `cblas_sgemm` from a native BLAS library, loaded through `Deno.dlopen`.
 *
 * Linux: OpenBLAS (`apt-get install libopenblas0-pthread`) or any `libblas.so.3` with a CBLAS
 * interface; macOS: the Accelerate framework. Loading needs `--allow-ffi` (and `--allow-env` to
 * read `CLAIMBOOK_BLAS`, an explicit library path that is tried first).
 * @module
 */
import { decideKernels, libraryName } from "./blas_kernels.ts";
import { cpuFeatures } from "./cpu_features.ts";

/** Row-major storage, as CBLAS defines it. */
const ROW_MAJOR = 101;
const NO_TRANS = 111;
const TRANS = 112;

/** Library paths tried in order when `CLAIMBOOK_BLAS` is not set. */
export const BLAS_CANDIDATES: readonly string[] = [
  "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
  "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
  "libopenblas.so.0",
  "libopenblas.so",
  "libblas.so.3",
  "/System/Library/Frameworks/Accelerate.framework/Accelerate",
  "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
];

const SYMBOLS = {
  cblas_sgemm: {
    parameters: [
      "i32", // order
      "i32", // transA
      "i32", // transB
      "i32", // M
      "i32", // N
      "i32", // K
      "f32", // alpha
      "buffer", // A
      "i32", // lda
      "buffer", // B
      "i32", // ldb
      "f32", // beta
      "buffer", // C
      "i32", // ldc
    ],
    result: "void",
  },
  // level 1, for large element-wise kernels; every CBLAS has them, but a library without them
  // still serves sgemm (the kernels then use their JavaScript loops)
  cblas_saxpy: { parameters: ["i32", "f32", "buffer", "i32", "buffer", "i32"], result: "void", optional: true },
  cblas_sscal: { parameters: ["i32", "f32", "buffer", "i32"], result: "void", optional: true },
  cblas_scopy: { parameters: ["i32", "buffer", "i32", "buffer", "i32"], result: "void", optional: true },
  // OpenBLAS's thread count, to run small and skinny products on one thread (see threadsFor)
  openblas_set_num_threads: { parameters: ["i32"], result: "void", optional: true },
  openblas_get_num_threads: { parameters: [], result: "i32", optional: true },
  // which kernel set OpenBLAS chose, and its version (see blas_kernels.ts)
  openblas_get_corename: { parameters: [], result: "pointer", optional: true },
  openblas_get_config: { parameters: [], result: "pointer", optional: true },
} as const;

type BlasLibrary = Deno.DynamicLibrary<typeof SYMBOLS>;

function cString(f: (() => Deno.PointerValue) | null | undefined): string | undefined {
  const ptr = f?.();
  return ptr ? Deno.UnsafePointerView.getCString(ptr) : undefined;
}

/** An environment variable, or undefined when it is unset, empty or not readable (no --allow-env). */
function readEnv(name: string): string | undefined {
  try {
    return Deno.env.get(name) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens `path`; for an OpenBLAS that fell back to generic kernels on a CPU that can run better
 * ones, reopens it with `OPENBLAS_CORETYPE` set for that one load (the variable is removed again,
 * so child processes such as the bench's numpy see the environment unchanged). Returns the library
 * and a description of its kernels for the device line. `decide` is replaceable in tests.
 */
export function openWithBestKernels(
  path: string,
  decide: typeof decideKernels = decideKernels,
): { lib: BlasLibrary; kernels?: string; coretype?: string } {
  let lib = Deno.dlopen(path, SYMBOLS);
  const corename = cString(lib.symbols.openblas_get_corename);
  if (!corename) return { lib };
  const name = libraryName(cString(lib.symbols.openblas_get_config));
  const decision = decide(corename, cpuFeatures(), readEnv("OPENBLAS_CORETYPE"));
  if (decision.action === "keep") return { lib, kernels: `${name}, ${corename} kernels (${decision.why})` };
  try {
    Deno.env.set("OPENBLAS_CORETYPE", decision.target.coretype);
  } catch {
    return {
      lib,
      kernels: `${name}, ${corename} kernels (the library did not recognise this CPU; ${decision.target.name} ` +
        `would be faster: allow --allow-env=OPENBLAS_CORETYPE or set OPENBLAS_CORETYPE=${decision.target.coretype})`,
    };
  }
  try {
    lib.close();
    lib = Deno.dlopen(path, SYMBOLS);
  } finally {
    Deno.env.delete("OPENBLAS_CORETYPE");
  }
  const now = cString(lib.symbols.openblas_get_corename) ?? "unknown";
  const took = now.toLowerCase() === decision.target.name.toLowerCase();
  const why = took
    ? decision.why
    : `asked for ${decision.target.name} because the library took ${corename}; it reports ${now}`;
  return { lib, kernels: `${name}, ${now} kernels (${why})`, ...(took ? { coretype: decision.target.coretype } : {}) };
}

/**
 * When a product may use more than one BLAS thread. OpenBLAS splits any product above 64³
 * multiply-adds over all its threads, which makes the mid-size products of training 1.5–3× slower
 * on 2 cores (measured: 6272×8×72 86 µs on one thread, 279 µs on two; 3072×50×100 278 vs 485 µs;
 * 50176×16×9 210 vs 603 µs), while from about 256³ on they gain (256³ 265 vs 178 µs; 6272×32×144
 * 509 vs 276 µs; 16×4096×4096 7.7 vs 4.2 ms).
 */
export const blasThreading = {
  /** Smallest M·N·K for which all threads are used (256³). */
  minWork: 2 ** 24,
};

/**
 * The most BLAS threads a product may use: `OPENBLAS_NUM_THREADS` when the user sets it, else 1.
 * One thread by default because OpenBLAS's threaded products do not always sum in the same order
 * as its single-threaded ones (measured: 3072×50·50×1000 differs in the last bit in 70% of its
 * elements), so the numbers would depend on the machine's cores and on `--jobs`; the cores are
 * used by running experiments in parallel processes instead (`deno task report --jobs N`).
 */
export function blasThreadLimit(): number {
  const n = Number(readEnv("OPENBLAS_NUM_THREADS"));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The threads a product M×K · K×N gets, given the library's maximum. */
export function threadsFor(m: number, n: number, k: number, max: number): number {
  return m * n * k >= blasThreading.minWork ? max : 1;
}

/** A loaded BLAS library. */
export interface Blas {
  /** The path it was loaded from. */
  path: string;
  /** The library and its kernel set, e.g. "OpenBLAS 0.3.21, SkylakeX kernels (the library's own choice)", where known. */
  kernels?: string;
  /**
   * The `OPENBLAS_CORETYPE` that selected these kernels when claimbook chose them by reloading: a
   * process that starts others with OpenBLAS in one process (the test runner's isolates) passes it
   * on, so that they load the same kernels without reloading (tests/run.ts).
   */
  coretype?: string;
  /**
   * Row-major `C = alpha·op(A)·op(B) + beta·C` with `op(A)` M×K, `op(B)` K×N, C M×N.
   * A, B, C may be subarrays (views) of larger Float32Arrays; nothing is copied.
   */
  sgemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    alpha: number,
    a: Float32Array,
    lda: number,
    b: Float32Array,
    ldb: number,
    beta: number,
    c: Float32Array,
    ldc: number,
  ): void;
  /**
   * Level-1 routines on contiguous vectors, when the library has them: `y = a·x + y` (saxpy),
   * `x = a·x` (sscal), `y = x` (scopy), over the first `n` elements.
   */
  level1?: {
    saxpy(n: number, a: number, x: Float32Array, y: Float32Array): void;
    sscal(n: number, a: number, x: Float32Array): void;
    scopy(n: number, x: Float32Array, y: Float32Array): void;
  };
}

let loaded: Blas | undefined;
let failure: string | undefined;

/**
 * Loads the first BLAS library that opens and has `cblas_sgemm`, once per process.
 * Returns the library, or a string that says why none could be loaded and how to fix it.
 */
export function loadBlas(): Blas | string {
  if (loaded) return loaded;
  if (failure) return failure;
  if (typeof Deno === "undefined" || typeof Deno.dlopen !== "function") {
    return failure = "this runtime has no Deno.dlopen (FFI)";
  }
  const explicit = readEnv("CLAIMBOOK_BLAS"); // without --allow-env: the default candidates
  const candidates = explicit ? [explicit] : BLAS_CANDIDATES;
  const errors: string[] = [];
  for (const path of candidates) {
    try {
      const { lib, kernels, coretype } = openWithBestKernels(path);
      const f = lib.symbols.cblas_sgemm;
      const { openblas_set_num_threads: setThreads, openblas_get_num_threads: getThreads } = lib.symbols;
      const maxThreads = setThreads && getThreads ? blasThreadLimit() : 1;
      let threads = setThreads && getThreads ? getThreads() : 1;
      const sgemm: Blas["sgemm"] = (tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) => {
        if (m === 0 || n === 0) return;
        const want = maxThreads > 1 ? threadsFor(m, n, k, maxThreads) : 1;
        if (want !== threads) setThreads!(threads = want);
        f(ROW_MAJOR, tA ? TRANS : NO_TRANS, tB ? TRANS : NO_TRANS, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
      };
      const { cblas_saxpy: axpy, cblas_sscal: scal, cblas_scopy: copy } = lib.symbols;
      const level1: Blas["level1"] = axpy && scal && copy
        ? {
          saxpy: (n, a, x, y) => axpy(n, a, x, 1, y, 1),
          sscal: (n, a, x) => scal(n, a, x, 1),
          scopy: (n, x, y) => copy(n, x, 1, y, 1),
        }
        : undefined;
      loaded = { path, kernels, ...(coretype ? { coretype } : {}), sgemm, level1 };
      return loaded;
    } catch (e) {
      const text = String(e);
      if (/NotCapable|PermissionDenied|Requires ffi access/i.test(text)) {
        return failure = "FFI is not allowed: cpu-blas loads a native BLAS library (OpenBLAS: " +
          "apt-get install libopenblas0-pthread) and needs --allow-ffi";
      }
      errors.push(`${path}: ${text.split("\n")[0]}`);
    }
  }
  return failure = `no BLAS library with cblas_sgemm was found (tried ${candidates.join(", ")}). ` +
    `Fix: apt-get install libopenblas0-pthread (Debian/Ubuntu), or set CLAIMBOOK_BLAS to a library path; ` +
    `run with --allow-ffi`;
}
