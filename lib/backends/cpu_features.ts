/**
 * The CPU's instruction-set features, for choosing OpenBLAS's kernels (blas_kernels.ts).
 *
 * Deno refuses to read /proc/cpuinfo without `--allow-all`, so under the tasks' own permissions the
 * features come from GCC's runtime library instead: libgcc_s exports `__cpu_model`, the table that
 * `__builtin_cpu_supports` reads, filled by CPUID (and XGETBV: a feature the OS does not enable is
 * reported absent) when the library loads. Reading it needs only `--allow-ffi`. That table has no
 * AVX-512 BF16 bit, which tells OpenBLAS's Cooperlake kernels from its SkylakeX ones (their float32
 * products round differently); it is read with the CPUID instruction itself (leaf 7, subleaf 1), from
 * a 27-byte function placed in executable memory. /proc/cpuinfo remains the fallback where libgcc_s
 * is missing.
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

const MEMORY = {
  mmap: { parameters: ["pointer", "usize", "i32", "i32", "i32", "i64"], result: "pointer" },
  mprotect: { parameters: ["pointer", "usize", "i32"], result: "i32" },
  munmap: { parameters: ["pointer", "usize"], result: "i32" },
} as const;

/**
 * `void cpuid(u32 leaf, u32 subleaf, u32 out[4])` (System V x86-64): push rbx; mov r8, rdx;
 * mov eax, edi; mov ecx, esi; cpuid; mov [r8], eax; mov [r8+4], ebx; mov [r8+8], ecx;
 * mov [r8+12], edx; pop rbx; ret.
 */
const CPUID_CODE = [
  0x53,
  0x49,
  0x89,
  0xd0,
  0x89,
  0xf8,
  0x89,
  0xf1,
  0x0f,
  0xa2,
  0x41,
  0x89,
  0x00,
  0x41,
  0x89,
  0x58,
  0x04,
  0x41,
  0x89,
  0x48,
  0x08,
  0x41,
  0x89,
  0x50,
  0x0c,
  0x5b,
  0xc3,
];

/**
 * Runs CPUID for each [leaf, subleaf] and returns EAX, EBX, ECX, EDX of each, or undefined where
 * executable memory cannot be had (no FFI permission, not Linux x86-64, a kernel that refuses it).
 * The page is written, then made read-and-execute (never writable and executable at once).
 */
export function cpuid(queries: readonly [number, number][]): Uint32Array[] | undefined {
  if (Deno.build.os !== "linux" || Deno.build.arch !== "x86_64" || typeof Deno.dlopen !== "function") return undefined;
  let libc: Deno.DynamicLibrary<typeof MEMORY> | undefined;
  try {
    libc = Deno.dlopen("libc.so.6", MEMORY);
    const PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4, MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20, PAGE = 4096n;
    const page = libc.symbols.mmap(null, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0n);
    if (!page || Deno.UnsafePointer.value(page) === 2n ** 64n - 1n) return undefined; // MAP_FAILED
    try {
      new Uint8Array(Deno.UnsafePointerView.getArrayBuffer(page, CPUID_CODE.length)).set(CPUID_CODE);
      if (libc.symbols.mprotect(page, PAGE, PROT_READ | PROT_EXEC) !== 0) return undefined;
      const signature = { parameters: ["u32", "u32", "buffer"], result: "void" } as const;
      const fn = new Deno.UnsafeFnPointer(page as Deno.PointerObject<typeof signature>, signature);
      return queries.map(([leaf, subleaf]) => {
        const out = new Uint32Array(4);
        fn.call(leaf, subleaf, out);
        return out;
      });
    } finally {
      libc.symbols.munmap(page, PAGE);
    }
  } catch {
    return undefined;
  } finally {
    libc?.close();
  }
}

/** Whether the CPU has AVX-512 BF16 (CPUID leaf 7 subleaf 1, EAX bit 5), or undefined when CPUID cannot be run. */
export function hasAvx512Bf16(): boolean | undefined {
  const r = cpuid([[0, 0], [7, 1]]);
  if (!r) return undefined;
  return r[0][0] >= 7 && ((r[1][0] >>> 5) & 1) === 1;
}

/**
 * The CPU's features: libgcc's table (plus `avx512_bf16` from CPUID where the OS enables AVX-512)
 * where it can be read, else /proc/cpuinfo's flags, else empty (then nothing is chosen over the
 * library's own kernels).
 */
export function cpuFeatures(): Set<string> {
  const word = gccFeatureWord();
  if (word !== undefined) {
    const features = decodeGccFeatures(word);
    if (features.has("avx512f") && hasAvx512Bf16()) features.add("avx512_bf16");
    return features;
  }
  try {
    return parseCpuinfo(Deno.readTextFileSync("/proc/cpuinfo"));
  } catch {
    return new Set();
  }
}
