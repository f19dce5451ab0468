/**
 * Which kernel set OpenBLAS runs, and a better one when the library fell back to a generic set.
 *
 * A DYNAMIC_ARCH OpenBLAS picks its kernels from the CPU model when it initialises. A build older
 * than the CPU does not know the model and silently takes its oldest x86-64 kernels (Debian's
 * 0.3.21 on Intel Sapphire Rapids: "Prescott", SSE3, matmul 7.5× slower than numpy). The CPU's
 * feature flags still say what it can run; `OPENBLAS_CORETYPE`, read at initialisation, selects
 * that set. This module holds the decision; blas_ffi.ts applies it by reloading the library.
 * @module
 */

/** An OpenBLAS x86-64 kernel set: its `OPENBLAS_CORETYPE` name, the name the library reports, the flags it needs. */
export interface KernelTarget {
  coretype: string;
  name: string;
  needs: readonly string[];
}

/** The kernel sets claimbook may choose, best first (all known to OpenBLAS 0.3.21's DYNAMIC_ARCH builds). */
export const X86_TARGETS: readonly KernelTarget[] = [
  {
    coretype: "COOPERLAKE",
    name: "Cooperlake",
    needs: ["avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd", "avx512_bf16"],
  },
  { coretype: "SKYLAKEX", name: "SkylakeX", needs: ["avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"] },
  { coretype: "HASWELL", name: "Haswell", needs: ["avx2", "fma"] },
  { coretype: "SANDYBRIDGE", name: "Sandybridge", needs: ["avx"] },
  { coretype: "NEHALEM", name: "Nehalem", needs: ["sse4_2"] },
];

/**
 * The instruction-set level of the kernel sets OpenBLAS reports (lower-cased `openblas_get_corename()`):
 * 1 SSE3, 2 SSE4.2, 3 AVX, 4 AVX2, 5 AVX-512, 6 AVX-512 + BF16. Unknown names (other architectures,
 * newer sets) are taken as fine.
 */
const CORE_LEVEL: Readonly<Record<string, number>> = {
  prescott: 1,
  core2: 1,
  penryn: 1,
  dunnington: 1,
  atom: 1,
  opteron: 1,
  opteron_sse3: 1,
  barcelona: 1,
  bobcat: 1,
  nano: 1,
  katmai: 1,
  coppermine: 1,
  northwood: 1,
  nehalem: 2,
  sandybridge: 3,
  bulldozer: 3,
  piledriver: 3,
  steamroller: 4,
  excavator: 4,
  haswell: 4,
  zen: 4,
  skylakex: 5,
  cooperlake: 6,
  sapphirerapids: 7,
};
const TARGET_LEVEL: Readonly<Record<string, number>> = {
  COOPERLAKE: 6,
  SKYLAKEX: 5,
  HASWELL: 4,
  SANDYBRIDGE: 3,
  NEHALEM: 2,
};

/** The best kernel set the CPU's flags allow, or undefined (not x86-64, or no flags known). */
export function bestTarget(flags: ReadonlySet<string>): KernelTarget | undefined {
  return X86_TARGETS.find((t) => t.needs.every((f) => flags.has(f)));
}

/** What to do about the kernels the library chose. */
export type KernelDecision =
  | { action: "keep"; why: string }
  | { action: "reload"; target: KernelTarget; why: string };

/**
 * Decides from the library's core name, the CPU flags and a user's own `OPENBLAS_CORETYPE`:
 * keep the library's choice unless it is a lower instruction-set level than the CPU supports. A user's
 * own choice is always kept; when it is a lower level than the CPU supports, the reason says so.
 */
export function decideKernels(
  corename: string,
  flags: ReadonlySet<string>,
  userCoretype: string | undefined,
): KernelDecision {
  const best = bestTarget(flags);
  if (userCoretype) {
    const set = `set by OPENBLAS_CORETYPE=${userCoretype}`;
    const userLevel = CORE_LEVEL[userCoretype.toLowerCase()];
    // Cooperlake adds bfloat16 kernels only: for float32 it is as fast as SkylakeX (level 5).
    const slower = best && userLevel !== undefined && userLevel < Math.min(TARGET_LEVEL[best.coretype], 5);
    return { action: "keep", why: slower ? `${set}; this CPU runs the faster ${best.name} kernels: unset it` : set };
  }
  const level = CORE_LEVEL[corename.toLowerCase()];
  if (!best || level === undefined) return { action: "keep", why: "the library's own choice" };
  if (level >= TARGET_LEVEL[best.coretype]) return { action: "keep", why: "the library's own choice" };
  return {
    action: "reload",
    target: best,
    why: `chosen: the library did not recognise this CPU and took its ${corename} kernels`,
  };
}

/** "OpenBLAS 0.3.21" from `openblas_get_config()` ("OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH …"). */
export function libraryName(config: string | undefined): string {
  const m = config ? /^(OpenBLAS\s+\S+)/.exec(config) : null;
  return m ? m[1] : "OpenBLAS";
}
