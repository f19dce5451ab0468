/**
 * AdamW against Adam + L2 (B14): coordinates whose loss gradient is pure noise of different
 * scales, so that only the weight decay pulls them to zero. With L2 inside Adam the decay is
 * divided by sqrt(v̂), so noisy (large-gradient) weights decay less; AdamW decays all alike.
 * @module
 */
import { adamL2, adamw } from "../../lib/nn/optim/adamw.ts";
import type { Optimizer } from "../../lib/nn/optim/types.ts";
import type { Rng } from "../../lib/rng.ts";

/** Settings of {@link decayStudy}. */
export interface DecaySettings {
  lr: number;
  beta1: number;
  beta2: number;
  /** Weight decay λ. */
  decay: number;
  steps: number;
  /** Gradient noise scale of each group. */
  scales: number[];
  /** Coordinates per group. */
  perGroup: number;
  /** A planted bug of the falsifier tests ("none" in real runs). */
  fault?: string;
}

/** Mean weight per group over time (start 1), for Adam + L2 and AdamW, from the same noise. */
export function decayStudy(s: DecaySettings, rng: Rng) {
  const n = s.scales.length * s.perGroup;
  const scaleOf = (i: number) => s.scales[Math.floor(i / s.perGroup)];
  const run = (opt: Optimizer<unknown>, noise: Rng) => {
    let params: Float32Array = new Float32Array(n).fill(1);
    let state = opt.init(n);
    const every = Math.max(1, Math.floor(s.steps / 100));
    const curves: number[][] = s.scales.map(() => [1]);
    for (let t = 1; t <= s.steps; t++) {
      const g = new Float32Array(n);
      for (let i = 0; i < n; i++) g[i] = scaleOf(i) * noise.normal();
      ({ state, params } = opt.step(state, params, g));
      if (t % every === 0 || t === s.steps) {
        s.scales.forEach((_, k) => {
          let m = 0;
          for (let i = k * s.perGroup; i < (k + 1) * s.perGroup; i++) m += params[i];
          curves[k].push(m / s.perGroup);
        });
      }
    }
    return { every, curves, final: curves.map((c) => c[c.length - 1]) };
  };
  const o = { lr: s.lr, beta1: s.beta1, beta2: s.beta2, decay: s.decay };
  return {
    l2: run(adamL2(o) as Optimizer<unknown>, rng.fork("noise")),
    adamw: run((s.fault === "adamw-coupled" ? adamL2 : adamw)(o) as Optimizer<unknown>, rng.fork("noise")),
    /** What pure decoupled decay gives after all steps: (1 − αλ)^T. */
    decoupledTheory: (1 - s.lr * s.decay) ** s.steps,
  };
}
