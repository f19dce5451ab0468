import { assert, assertEquals } from "../std.ts";
import { cpuFeatures, cpuid, decodeGccFeatures, gccFeatureWord, hasAvx512Bf16, parseCpuinfo } from "./cpu_features.ts";
import { bestTarget } from "./blas_kernels.ts";

/** `__cpu_features[0]` as libgcc filled it on an Intel Sapphire Rapids machine (read by hand, compared with /proc/cpuinfo). */
const SAPPHIRE_RAPIDS = 0b11001100111111111100011111111111;
/** An AVX2 + FMA machine without AVX-512 (Haswell-like): bits 0–10 and 14, 16–19. */
const HASWELL_LIKE = 0b00000000000011110100011111111111;

Deno.test("decodeGccFeatures: libgcc's feature bits, named as /proc/cpuinfo names them", () => {
  const spr = decodeGccFeatures(SAPPHIRE_RAPIDS);
  for (const f of ["sse3", "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512vl", "avx512bw", "avx512dq", "avx512cd"]) {
    assert(spr.has(f), f);
  }
  assert(!spr.has("sse4a") && !spr.has("xop"), "AMD-only bits are clear on this Intel word");
  assertEquals(bestTarget(spr)?.coretype, "SKYLAKEX");
  const hsw = decodeGccFeatures(HASWELL_LIKE);
  assert(hsw.has("avx2") && hsw.has("fma") && !hsw.has("avx512f"));
  assertEquals(bestTarget(hsw)?.coretype, "HASWELL");
  assertEquals(decodeGccFeatures(0).size, 0);
});

Deno.test("parseCpuinfo reads the first flags line", () => {
  assertEquals(parseCpuinfo("processor\t: 0\nflags\t\t: fpu sse avx2\nbugs\t\t: x\n"), new Set(["fpu", "sse", "avx2"]));
  assertEquals(parseCpuinfo("processor: 0\n").size, 0);
});

Deno.test({
  name: "cpuFeatures: readable with --allow-ffi alone on Linux x86-64 (Deno refuses /proc/cpuinfo without --allow-all)",
  ignore: Deno.build.os !== "linux" || Deno.build.arch !== "x86_64",
  fn() {
    const word = gccFeatureWord();
    assert(word !== undefined, "libgcc_s.so.1's __cpu_model could not be read");
    const features = cpuFeatures();
    for (const f of ["sse", "sse2"]) assert(features.has(f), `every x86-64 CPU has ${f}`);
    let cpuinfo: string | undefined;
    try {
      cpuinfo = Deno.readTextFileSync("/proc/cpuinfo");
    } catch {
      // the test task lacks --allow-all: nothing to compare with
    }
    if (cpuinfo) {
      const flags = parseCpuinfo(cpuinfo);
      for (const f of ["avx", "avx2", "fma", "avx512f", "avx512bw", "avx512_bf16"]) {
        assertEquals(features.has(f), flags.has(f), f);
      }
    }
  },
});

Deno.test({
  name: "cpuid runs the instruction: the vendor string of leaf 0, and leaf 7.1's BF16 bit as a boolean",
  ignore: Deno.build.os !== "linux" || Deno.build.arch !== "x86_64",
  fn() {
    const r = cpuid([[0, 0]]);
    assert(r, "CPUID could not be run");
    const vendor = new TextDecoder().decode(new Uint32Array([r[0][1], r[0][3], r[0][2]]).buffer);
    assert(["GenuineIntel", "AuthenticAMD", "HygonGenuine"].includes(vendor), `vendor ${vendor}`);
    assertEquals(typeof hasAvx512Bf16(), "boolean");
  },
});
