/**
 * The init experiment's run: the slides' deep nets, the C5 random linear layers, the C1
 * constant-vs-random classifier and the C8 conv fan-in, for one seed.
 * @module
 */
import type { RunContext, SeedRun } from "../../lib/experiment.ts";
import { moments } from "../../lib/stats.ts";
import { deepNetStats, type LayerStats } from "./deep_net.ts";
import { trainSymmetry, xorData } from "./symmetry.ts";
import { convFanIn } from "./conv.ts";
import { type NetName, NETS } from "./nets.ts";
import type { P } from "./params.ts";
import type { InitData } from "./types.ts";

/** Runs one seed of the init experiment. */
export async function run({ tf, params: p, rng, progress }: RunContext<P>): Promise<InitData> {
  const names = Object.keys(NETS) as NetName[];
  const total = names.length + 3;
  progress(0, total, "drawing weights");
  // Common random numbers: every net scales the same standard-normal matrices.
  const wr = rng.fork("weights");
  const normals = Array.from(
    { length: p.depth },
    () => tf.tensor2d(wr.normals(p.width * p.width), [p.width, p.width]),
  );
  const input = tf.tensor2d(rng.fork("input").normals(p.batch * p.width), [p.batch, p.width]);
  const upstream = tf.tensor2d(rng.fork("upstream").normals(p.batch * p.width), [p.batch, p.width]);
  const nets = {} as Record<NetName, LayerStats[]>;
  try {
    for (const [i, name] of names.entries()) {
      progress(i, total, name);
      const net = NETS[name];
      const range: [number, number] = net.act === "tanh" ? [-1, 1] : [0, 3];
      nets[name] = await deepNetStats(tf, {
        activation: net.act,
        normals,
        scale: (d) => net.scale(d, p),
        input,
        upstream,
        histRange: range,
        bins: p.bins,
        fault: p.fault,
      });
    }
  } finally {
    tf.dispose([...normals, input, upstream]);
  }
  progress(names.length, total, "Var(y) = Din·Var(x)·Var(w)");
  const variance = [];
  const vr = rng.fork("variance");
  for (const din of p.varianceDins) {
    const tensors = tf.tidy(() => {
      const x0 = tf.mul(tf.tensor2d(vr.normals(p.varianceBatch * din), [p.varianceBatch, din]), 1.5);
      const x = p.fault === "relu-inputs" ? tf.relu(x0) : x0; // a falsifier: inputs with mean > 0
      const w = tf.mul(tf.tensor2d(vr.normals(din * p.varianceBatch), [din, p.varianceBatch]), 0.05);
      return [x, w, tf.matMul(x, w)];
    });
    // Variances in float64 on the host, so the measurement does not depend on a backend's float32 sums.
    const v = await Promise.all(tensors.map(async (t) => moments(await t.data()).std ** 2));
    tf.dispose(tensors);
    variance.push({ din, varX: v[0], varW: v[1], varY: v[2] });
  }
  progress(names.length + 1, total, "constant vs random init");
  const sr = rng.fork("symmetry");
  const xor = xorData(sr, 200, 0.3);
  const opts = { hidden: p.hidden, steps: p.steps, lr: p.lr, every: Math.max(1, Math.floor(p.steps / 50)) };
  const symmetry = {
    constant: await trainSymmetry(
      tf,
      xor,
      {
        w1: new Array(2 * p.hidden).fill(p.constant),
        w2: new Array(p.hidden).fill(p.constant),
      },
      opts,
      p.fault === "constant-jitter" ? rng.fork("jitter") : undefined,
    ),
    random: await trainSymmetry(tf, xor, {
      w1: Array.from(sr.normals(2 * p.hidden, 1 / Math.sqrt(2))),
      w2: Array.from(sr.normals(p.hidden, 1 / Math.sqrt(p.hidden))),
    }, opts),
  };
  progress(names.length + 2, total, "conv fan-in");
  const conv = await convFanIn(tf, rng.fork("conv"), p);
  return { nets, variance, symmetry, conv };
}

/** The gradient-descent updates of C1's two classifiers (constant and random init) over the runs, for the run-state guard. */
export function trainedSteps(runs: readonly SeedRun<InitData>[]): number {
  return runs.reduce((sum, r) => sum + r.data.symmetry.constant.steps + r.data.symmetry.random.steps, 0);
}
