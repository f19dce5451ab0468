import { assert, assertEquals } from "../../lib/std.ts";
import * as tf from "@tensorflow/tfjs";
import { deepNetStats } from "./deep_net.ts";
import { trainSymmetry, xorData } from "./symmetry.ts";
import { createRng } from "../../lib/rng.ts";
import { initBackend } from "../../lib/backend.ts";

await initBackend("cpu").catch(() => initBackend("auto"));

for (const activation of ["tanh", "relu"] as const) {
  Deno.test(`the hand-written backward pass matches tf.grads (${activation})`, async () => {
    const rng = createRng(5), width = 12, batch = 4, depth = 3;
    const normals = Array.from({ length: depth }, () => tf.tensor2d(rng.normals(width * width), [width, width]));
    const input = tf.tensor2d(rng.normals(batch * width), [batch, width]);
    const upstream = tf.tensor2d(rng.normals(batch * width), [batch, width]);
    const scale = (d: number) => 1.3 / Math.sqrt(d);
    const stats = await deepNetStats(tf, { activation, normals, scale, input, upstream, histRange: [-1, 1], bins: 4 });
    const weights = normals.map((z) => tf.mul(z, scale(width)));
    const loss = (...ws: tf.Tensor[]) => {
      let x: tf.Tensor = input;
      for (const w of ws) {
        x = activation === "tanh"
          ? tf.tanh(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D))
          : tf.relu(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D));
      }
      return tf.div(tf.sum(tf.mul(x, upstream)), batch) as tf.Scalar;
    };
    const grads = tf.grads(loss)(weights);
    for (const [l, g] of grads.entries()) {
      const want = (await tf.mean(tf.abs(g)).data())[0];
      assert(
        Math.abs(stats[l].gradMeanAbs - want) <= 1e-5 * Math.max(1, want),
        `layer ${l + 1}: ${stats[l].gradMeanAbs} vs ${want}`,
      );
    }
    tf.dispose([...normals, input, upstream, ...weights, ...grads]);
  });
}

Deno.test("trainSymmetry records the updates it executed (0 for 0 steps)", async () => {
  const data = xorData(createRng(3), 8, 0.3), init = { w1: [0.1, -0.2, 0.3, 0.4], w2: [0.5, -0.6] };
  const o = { hidden: 2, lr: 0.1, every: 2 };
  assertEquals((await trainSymmetry(tf, data, init, { ...o, steps: 5 })).steps, 5);
  assertEquals((await trainSymmetry(tf, data, init, { ...o, steps: 0 })).steps, 0);
});
