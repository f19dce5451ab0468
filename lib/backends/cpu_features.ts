/**
 * The CPU's instruction-set features, for choosing OpenBLAS's kernels (blas_kernels.ts).
 *
 * Deno refuses to read /proc/cpuinfo without `--allow-all`, so under the tasks' own permissions the
 * features come from GCC's runtime library instead: libgcc_s exports `__cpu_model`, the table that
 * `__builtin_cpu_supports` reads, filled by CPUID (and XGETBV: a feature the OS does not enable is
 * reported absent) when the library loads. Reading it needs only `--allow-ffi`. /proc/cpuinfo
 * remains the fallback where libgcc_s is missing.
 * @module
 */

/**
 * Bit positions in `__cpu_model.__cpu_features[0]`: GCC's `enum processor_features`, part of
 * libgcc's ABI since GCC 4.8 (programs compiled with `__builtin_cpu_supports` read these bits).
 */
export const GCC_FEATURE_BITS: Readonly<Record<string, number>> = {
  cmov: 0,
  mmx: 1,
  popcnt: 2,
  sse: 3,
  sse2: 4,
  sse3: 5,
  ssse3: 6,
  sse4_1: 7,
  sse4_2: 8,
  avx: 9,
  avx2: 10,
  sse4a: 11,
  fma4: 12,
  xop: 13,
  fma: 14,
  avx512f: 15,
  bmi1: 16,
  bmi2: 17,
  aes: 18,
  pclmulqdq: 19,
  avx512vl: 20,
  avx512bw: 21,
  avx512dq: 22,
  avx512cd: 23,
};

/** The feature names (as /proc/cpuinfo spells them) set in a `__cpu_features[0]` word. */
export function decodeGccFeatures(word: number): Set<string> {
  return new Set(Object.entries(GCC_FEATURE_BITS).filter(([, bit]) => (word >>> bit) & 1).map(([name]) => name));
}

/** The flags of /proc/cpuinfo's first `flags` line (Linux x86-64). */
export function parseCpuinfo(text: string): Set<string> {
  const line = text.split("\n").find((l) => /^flags\s*:/.test(l));
  return new Set(line ? line.split(":")[1].trim().split(/\s+/) : []);
}

/** `__cpu_features[0]` from libgcc_s through FFI, or undefined (no FFI permission, no libgcc_s, not Linux x86-64). */
export function gccFeatureWord(): number | undefined {
  if (Deno.build.os !== "linux" || Deno.build.arch !== "x86_64" || typeof Deno.dlopen !== "function") return undefined;
  let libc: Deno.DynamicLibrary<typeof LIBC> | undefined;
  try {
    libc = Deno.dlopen("libc.so.6", LIBC);
    const cstr = (s: string) => new TextEncoder().encode(s + "\0");
    const RTLD_NOW = 2;
    const handle = libc.symbols.dlopen(cstr("libgcc_s.so.1"), RTLD_NOW);
    if (!handle) return undefined;
    // the symbol carries a non-default version (__cpu_model@GCC_4.8.0): plain dlsym does not find it
    const model = libc.symbols.dlvsym(handle, cstr("__cpu_model"), cstr("GCC_4.8.0"));
    if (!model) return undefined;
    // struct { unsigned vendor, type, subtype; unsigned features[1]; }
    return new Deno.UnsafePointerView(model).getUint32(12);
  } catch {
    return undefined;
  } finally {
    libc?.close();
  }
}

const LIBC = {
  dlopen: { parameters: ["buffer", "i32"], result: "pointer" },
  dlvsym: { parameters: ["pointer", "buffer", "buffer"], result: "pointer" },
} as const;

/**
 * The CPU's features: libgcc's table where it can be read, else /proc/cpuinfo's flags, else empty
 * (then nothing is chosen over the library's own kernels).
 */
export function cpuFeatures(): Set<string> {
  const word = gccFeatureWord();
  if (word !== undefined) return decodeGccFeatures(word);
  try {
    return parseCpuinfo(Deno.readTextFileSync("/proc/cpuinfo"));
  } catch {
    return new Set();
  }
}
