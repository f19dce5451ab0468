import { assert, assertEquals, assertMatch } from "../std.ts";
import { bestTarget, decideKernels, libraryName } from "./blas_kernels.ts";
import { cpuFeatures, parseCpuinfo } from "./cpu_features.ts";
import { BLAS_CANDIDATES, loadBlas } from "./blas_ffi.ts";

const SPR =
  "fpu sse sse2 ssse3 sse4_1 sse4_2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16 amx_tile";
const SKX = "fpu sse sse2 sse4_2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl";
const flags = (s: string) => parseCpuinfo(`processor\t: 0\nflags\t\t: ${s}\nbugs\t\t: none\n`);

Deno.test("bestTarget: the best kernel set the flags allow", () => {
  assertEquals(bestTarget(flags(SPR))?.coretype, "COOPERLAKE");
  assertEquals(bestTarget(flags(SKX))?.coretype, "SKYLAKEX");
  assertEquals(bestTarget(flags("sse4_2 avx avx2 fma"))?.coretype, "HASWELL");
  assertEquals(bestTarget(flags("sse4_2 avx"))?.coretype, "SANDYBRIDGE");
  assertEquals(bestTarget(new Set()), undefined, "no flags (not Linux x86-64): no choice");
});

Deno.test("decideKernels: a generic fallback on a newer CPU is replaced, the library's good choice kept", () => {
  const d = decideKernels("Prescott", flags(SPR), undefined);
  assert(d.action === "reload");
  assertEquals(d.target.coretype, "COOPERLAKE");
  assertMatch(d.why, /did not recognise this CPU and took its Prescott kernels/);
  const onSkx = decideKernels("Prescott", flags(SKX), undefined);
  assert(onSkx.action === "reload" && onSkx.target.name === "SkylakeX");
  assertEquals(decideKernels("Haswell", flags(SKX), undefined).action, "reload", "AVX2 kernels on an AVX-512 CPU");
  for (const core of ["SkylakeX", "Cooperlake", "SapphireRapids"]) {
    assertEquals(decideKernels(core, flags(SKX), undefined).action, "keep", core);
  }
  assertEquals(decideKernels("Zen", flags("sse4_2 avx avx2 fma"), undefined).action, "keep", "Zen = AVX2 level");
  assertEquals(decideKernels("Prescott", new Set(), undefined).action, "keep", "no flags: trust the library");
  assertEquals(decideKernels("ARMV8", flags(SPR), undefined).action, "keep", "unknown core names are left alone");
});

Deno.test("decideKernels: a user's OPENBLAS_CORETYPE is never overridden", () => {
  assertEquals(decideKernels("Prescott", flags(SPR), "PRESCOTT"), {
    action: "keep",
    why: "set by OPENBLAS_CORETYPE=PRESCOTT; this CPU runs the faster Cooperlake kernels: unset it",
  });
  assertEquals(
    decideKernels("Haswell", flags(SKX), "Haswell").why,
    "set by OPENBLAS_CORETYPE=Haswell; " +
      "this CPU runs the faster SkylakeX kernels: unset it",
    "a slower set than the CPU's is named as such",
  );
  assertEquals(decideKernels("SkylakeX", flags(SPR), "SKYLAKEX"), {
    action: "keep",
    why: "set by OPENBLAS_CORETYPE=SKYLAKEX",
  }, "a set as good as the CPU's (bf16 aside) is not questioned");
  assertEquals(
    decideKernels("Zen", flags(SKX), "ZEN").why,
    "set by OPENBLAS_CORETYPE=ZEN; " +
      "this CPU runs the faster SkylakeX kernels: unset it",
  );
});

Deno.test("libraryName reads the version from openblas_get_config", () => {
  assertEquals(
    libraryName("OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Prescott MAX_THREADS=64"),
    "OpenBLAS 0.3.21",
  );
  assertEquals(libraryName(undefined), "OpenBLAS");
});

const openblas = BLAS_CANDIDATES.find((p) => {
  try {
    return Deno.statSync(p).isFile;
  } catch {
    return false;
  }
});

Deno.test({
  name: "a reload takes the chosen kernels and leaves OPENBLAS_CORETYPE unset (fresh process)",
  ignore: !openblas,
  async fn() {
    const ffi = new URL("./blas_ffi.ts", import.meta.url).href;
    const code = `
      import { openWithBestKernels } from "${ffi}";
      const { kernels } = openWithBestKernels("${openblas}", (core) => ({
        action: "reload",
        target: { coretype: "SANDYBRIDGE", name: "Sandybridge", needs: [] },
        why: "chosen: test, the library took " + core,
      }));
      console.log(JSON.stringify({ kernels, env: Deno.env.get("OPENBLAS_CORETYPE") ?? null }));`;
    const env = { ...Deno.env.toObject() };
    delete env.OPENBLAS_CORETYPE;
    const out = await new Deno.Command("deno", { args: ["eval", code], env, clearEnv: true, stdout: "piped" }).output();
    assert(out.success, "the child process failed");
    const r = JSON.parse(new TextDecoder().decode(out.stdout));
    assertMatch(r.kernels, /^OpenBLAS \S+, Sandybridge kernels \(chosen: test, the library took \w+\)$/);
    assertEquals(r.env, null);
  },
});

Deno.test({
  name: "under the report task's permissions the loaded kernels are the best the CPU allows (fresh process)",
  ignore: !openblas,
  async fn() {
    const ffi = new URL("./blas_ffi.ts", import.meta.url).href;
    const script = await Deno.makeTempFile({ suffix: ".ts" });
    try {
      await Deno.writeTextFile(script, `import { loadBlas } from "${ffi}";\nconsole.log(JSON.stringify(loadBlas()));`);
      const env = { ...Deno.env.toObject() };
      delete env.OPENBLAS_CORETYPE;
      // the permissions of `deno task report` (deno.json), which cannot read /proc/cpuinfo
      const args = [
        "run",
        "--allow-read",
        "--allow-env=CLAIMBOOK_BACKEND,CLAIMBOOK_BLAS,OPENBLAS_CORETYPE,OPENBLAS_NUM_THREADS",
        "--allow-ffi",
        script,
      ];
      const out = await new Deno.Command("deno", { args, env, clearEnv: true, stdout: "piped" }).output();
      assert(out.success, "the child process failed");
      const { kernels } = JSON.parse(new TextDecoder().decode(out.stdout));
      const core = /^OpenBLAS \S+, (\S+) kernels/.exec(kernels)?.[1];
      assert(core, `no kernel set in ${kernels}`);
      const decision = decideKernels(core, cpuFeatures(), undefined);
      assertEquals(decision.action, "keep", `${kernels}: ${decision.why}`);
    } finally {
      await Deno.remove(script);
    }
  },
});

Deno.test({
  name:
    "under `deno task test` no isolate reloads OpenBLAS: the kernels were chosen once for the process (tests/run.ts)",
  ignore: !openblas || Deno.env.get("CLAIMBOOK_TEST_RUN") !== "1",
  fn() {
    const blas = loadBlas();
    assert(typeof blas !== "string", blas as string);
    assert(!/\(chosen: /.test(blas.kernels ?? ""), `this isolate reloaded the library: ${blas.kernels}`);
  },
});
