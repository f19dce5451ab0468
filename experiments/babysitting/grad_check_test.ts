import { assert } from "../../lib/std.ts";
import { createRng } from "../../lib/rng.ts";
import { initTwoLayerModel } from "../../lib/nn/two_layer_net.ts";
import { num } from "../../lib/nn/real.ts";
import { gradCheck } from "./grad_check.ts";

function randomBatch(N: number, D: number, seed: number) {
  const r = createRng(seed);
  return { X: Float32Array.from(r.normals(N * D, 50)), N, y: Uint8Array.from({ length: N }, () => r.int(3)) };
}

Deno.test("the analytic gradients match centred differences", () => {
  const m = initTwoLayerModel(6, 5, 3, createRng(6), 0.5);
  const b = randomBatch(4, 6, 7);
  for (const g of gradCheck(m, b, b.y, 0.1, { entries: 30, h: 1e-6, rng: createRng(8) })) {
    assert(g.entries - g.kinks > 0);
    assert(num(g.maxRelError) < 1e-6, `${g.param}: relative error ${g.maxRelError}`);
    assert(g.maxScaledError < 1e-6, `${g.param}: scaled error ${g.maxScaledError}`);
  }
});
