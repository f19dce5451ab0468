/**
 * Gradient checking: analytic gradients against centred finite differences
 * `(f(w + h) − f(w − h)) / 2h`, entry by entry.
 *
 * Two errors are reported per parameter array: the course's relative error
 * `|a − n| / max(1e-8, |a| + |n|)` over entries whose gradient is resolvable (at least 1% of the
 * array's largest), and the error scaled by the array's largest gradient `|a − n| / max|a|`, which
 * stays meaningful for entries whose gradient is ~0 (there float64 rounding of the differences,
 * ~eps·(size of intermediate values)/h, dominates any relative error).
 * @module
 */
import type { Rng } from "../../lib/rng.ts";
import { real } from "../../lib/nn/real.ts";
import type { Batch } from "../../lib/nn/two_layer_net.ts";
import { hidden, lossAndGrads, PARAM_NAMES, type TwoLayerModel } from "../../lib/nn/two_layer_net.ts";
import type { GradCheckResult } from "./types.ts";

function reluPattern(m: TwoLayerModel, batch: Batch): Uint8Array {
  return Uint8Array.from(hidden(m, batch), (v) => (v > 0 ? 1 : 0));
}

function samePattern(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Checks, for every parameter of `m`, its `entries / 2` largest-gradient entries and as many
 * random ones (drawn with `rng`) at the given batch and reg.
 */
export function gradCheck(
  m: TwoLayerModel,
  batch: Batch,
  y: ArrayLike<number>,
  reg: number,
  o: { entries: number; h: number; rng: Rng },
): GradCheckResult[] {
  const analytic = lossAndGrads(m, batch, y, reg).grads!;
  const base = reluPattern(m, batch);
  const loss = () => lossAndGrads(m, batch, y, reg, false).loss;
  return PARAM_NAMES.map((name) => {
    const w = m[name], a = analytic[name];
    const scale = a.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
    const order = Array.from(a.keys()).sort((i, j) => Math.abs(a[j]) - Math.abs(a[i]));
    const top = order.slice(0, Math.ceil(o.entries / 2));
    const picks = [...top, ...Array.from({ length: o.entries - top.length }, () => o.rng.int(w.length))];
    let maxRel = NaN, maxScaled = 0, kinks = 0;
    for (const i of picks) {
      const old = w[i];
      const kinkAt = (v: number) => {
        w[i] = v;
        return (name === "W1" || name === "b1") && !samePattern(base, reluPattern(m, batch));
      };
      const kink = kinkAt(old + o.h) || kinkAt(old - o.h);
      w[i] = old + o.h;
      const plus = loss();
      w[i] = old - o.h;
      const minus = loss();
      w[i] = old;
      if (kink) {
        kinks++;
        continue;
      }
      const num = (plus - minus) / (2 * o.h), diff = Math.abs(a[i] - num);
      if (scale > 0) maxScaled = Math.max(maxScaled, diff / scale);
      if (Math.abs(a[i]) >= 0.01 * scale && scale > 0) {
        const rel = diff / Math.max(1e-8, Math.abs(a[i]) + Math.abs(num));
        maxRel = Number.isNaN(maxRel) ? rel : Math.max(maxRel, rel);
      }
    }
    return {
      param: name,
      entries: picks.length,
      gradScale: scale,
      maxRelError: real(maxRel),
      maxScaledError: maxScaled,
      kinks,
    };
  });
}
