import { assert, assertEquals, assertRejects, assertThrows } from "../std.ts";
import { median, NumpyGone, NumpyPartner, pairedTimes } from "./paired.ts";

Deno.test("pairedTimes: the ratio is the median of each window's ratio, not of the pooled medians", () => {
  // numpy ran in a fast phase for most of its steps, we in a slow one: pooled medians say 3×, the windows 1.5×
  const windows = [
    { ours: [3, 3, 3], numpy: [2, 2, 2] },
    { ours: [3, 3, 3], numpy: [2, 2, 2] },
    { ours: [1.5], numpy: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
  ];
  const p = pairedTimes(windows);
  assertEquals(p.ratio, 1.5);
  assertEquals(p.ours_ms, 3);
  assertEquals(p.numpy_ms, 1);
  assertEquals(p.windows, 3);
  assertThrows(() => pairedTimes([]), Error, "no windows");
  assertEquals(median([4, 1, 3, 2]), 3);
});

Deno.test("NumpyPartner: a reference that cannot load ends the process, which is a NumpyGone", async () => {
  const partner = NumpyPartner.start("/nonexistent/reference_numpy.py");
  if (typeof partner === "string") return; // no python3 here: start already said why
  await assertRejects(() => partner.times("mlp", 1), NumpyGone);
  await partner.close();
});

const REFERENCE = new URL("../../../shared/bench/reference_numpy.py", import.meta.url).pathname;
const hasNumpy = await new Deno.Command("python3", { args: ["-c", "import numpy"] }).output().then((r) => r.success)
  .catch(() => false);
const hasReference = await Deno.stat(REFERENCE).then(() => true).catch(() => false);

Deno.test({
  name: "NumpyPartner times windows of the reference's own steps",
  ignore: !hasNumpy || !hasReference,
  fn: async () => {
    const partner = NumpyPartner.start(REFERENCE);
    assert(typeof partner !== "string", String(partner));
    for (const workload of ["mlp", "matmul"] as const) {
      const times = await partner.times(workload, 3);
      assertEquals(times.length, 3);
      assert(times.every((t) => t > 0 && t < 10_000), String(times));
    }
    await partner.close();
  },
});
