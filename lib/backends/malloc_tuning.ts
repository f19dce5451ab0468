/**
 * Keeps glibc's malloc from returning large blocks to the kernel between allocations.
 *
 * The cpu-blas backend gives every tensor a fresh Float32Array. Above glibc's mmap threshold
 * (at most 32 MiB) each one is a new mapping whose pages fault in on first touch and are unmapped
 * when it is freed; on a virtual machine that costs ~0.4 ms per MiB, more than the arithmetic
 * (measured: the init experiment spends 6 s of 20 s CPU in the kernel). With mmap disabled and a
 * high trim threshold, freed blocks stay in the heap and are reused, as numpy's allocations are.
 * Linux with glibc only; elsewhere (or without --allow-ffi) it does nothing.
 * @module
 */

const M_TRIM_THRESHOLD = -1;
const M_MMAP_MAX = -4;

let done = false;

/** Applies the settings once per process; returns whether they took effect. */
export function tuneMalloc(): boolean {
  if (done) return true;
  if (Deno.build.os !== "linux") return false;
  try {
    const libc = Deno.dlopen("libc.so.6", { mallopt: { parameters: ["i32", "i32"], result: "i32" } });
    const ok = libc.symbols.mallopt(M_MMAP_MAX, 0) === 1 &&
      libc.symbols.mallopt(M_TRIM_THRESHOLD, 0x7fffffff) === 1;
    done = ok;
    return ok;
  } catch {
    return false; // not glibc (musl), or no FFI permission
  }
}
