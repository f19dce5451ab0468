/** The baseline step of `deno task test`: a regression fails it with its reason; no baseline, no step. */
import { assert, assertEquals, assertMatch } from "../std.ts";
import { baselineStep, strictFromEnv } from "./test_step.ts";
import { writeBaseline } from "./file.ts";
import { snapshot } from "./snapshot.ts";
import { fakeResult } from "./fixtures_test_util.ts";

/** A stand-in for Deno.TestContext that records each step's name and error. */
function fakeContext() {
  const steps: { name: string; error?: Error }[] = [];
  const t = {
    step: async (name: string, fn: () => void | Promise<void>) => {
      try {
        await fn();
        steps.push({ name });
      } catch (e) {
        steps.push({ name, error: e as Error });
      }
      return true;
    },
  } as unknown as Deno.TestContext;
  return { t, steps };
}

Deno.test("a claim turned from pass to fail fails the baseline step with its reason; drift only with strict", async () => {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/ci.json`;
  const result = (status: "pass" | "fail", v: number) =>
    fakeResult("init", [{ id: "C2", status, measured: [0.49, v] }]);
  await writeBaseline(path, snapshot([result("pass", 0.29)], "ci", "reports"));
  let c = fakeContext();
  await baselineStep(c.t, result("fail", 0.29), path, false);
  assertEquals(c.steps.length, 1);
  assertMatch(c.steps[0].name, /^baseline: init against .*ci\.json$/);
  assertMatch(c.steps[0].error!.message, /REGRESSION init\/C2 regression: pass → fail: C2 is fail\./);
  c = fakeContext();
  await baselineStep(c.t, result("pass", 0.5), path, false);
  assert(!c.steps[0].error, "drift alone passes");
  c = fakeContext();
  await baselineStep(c.t, result("pass", 0.5), path, true);
  assertMatch(c.steps[0].error!.message, /drift\s+init\/C2 drift: measured\[1\] 0\.29 → 0\.5/);
  c = fakeContext();
  await baselineStep(c.t, result("pass", 0.29), `${dir}/none.json`, true);
  assertEquals(c.steps, [], "no baseline file: no step");
  assert(strictFromEnv("1") && !strictFromEnv(undefined));
  await Deno.remove(dir, { recursive: true });
});
