/**
 * C8's measurement: conv-layer variance with the right and the wrong fan-in, and tfjs's
 * He/Glorot initializer variances.
 * @module
 */
import { moments } from "../../lib/stats.ts";
import type { Rng } from "../../lib/rng.ts";
import type * as tfjs from "@tensorflow/tfjs";
import type { P } from "./params.ts";
import type { InitData } from "./types.ts";

type Tensor4D = tfjs.Tensor4D;

/** C8: conv variance with the right and the wrong fan-in, and tfjs's initializer variances. */
export async function convFanIn(tf: typeof tfjs, rng: Rng, p: P): Promise<InitData["conv"]> {
  const k = p.convKernel, c = p.convChannels, size = 4 * k + 12, batch = 8;
  const x = tf.tensor4d(rng.normals(batch * size * size * c), [batch, size, size, c]);
  const z = tf.tensor4d(rng.normals(k * k * c * c), [k, k, c, c]);
  const varOf = async (t: tfjs.Tensor) => {
    const out = moments(await t.data()).std ** 2; // float64 on the host, as for C5
    t.dispose();
    return out;
  };
  const inputVar = await varOf(x.clone());
  const convScaled = (std: number) => tf.tidy(() => tf.conv2d(x, tf.mul(z, std) as Tensor4D, 1, "valid"));
  // The falsifier "fanin-k" plants fan-in = k·C_in (a square forgotten) where k²·C_in belongs.
  const fanInRight = await varOf(convScaled(1 / Math.sqrt((p.fault === "fanin-k" ? k : k * k) * c)));
  const fanInWrong = await varOf(convScaled(1 / Math.sqrt(c)));
  tf.dispose([x, z]);
  const init = async (kind: "heNormal" | "glorotNormal", shape: number[]) =>
    await varOf(tf.initializers[kind]({ seed: rng.seedInt() }).apply(shape));
  const base = [k, k, c, 2 * c];
  const heBase = await init("heNormal", base);
  return {
    inputVar,
    fanInRight,
    fanInWrong,
    he: {
      ratioKernel: heBase / (await init("heNormal", [k + 2, k + 2, c, 2 * c])),
      ratioChannels: heBase / (await init("heNormal", [k, k, 4 * c, 2 * c])),
    },
    glorot: { ratio: (await init("glorotNormal", base)) / heBase },
  };
}
