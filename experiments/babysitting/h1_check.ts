/**
 * The verdict of H1: the float64 reference net's gradients entry by entry, and the gradients that
 * actually train — the tfjs float32 net's — along directions, each against centred differences of its
 * own loss.
 * @module
 */
import type { Verdict } from "../../lib/experiment.ts";
import { fmt, record } from "../../lib/checks.ts";
import { num } from "../../lib/nn/real.ts";
import type { BabysitData } from "./types.ts";

/** The bar of the tfjs (float32) check: rounding gives ≲ 4e-3 here; a wrong gradient gives 0.1–1. */
export const TF_REL_BAR = 1e-2;

/** H1 from every seed's gradient checks. */
export function h1Verdict(data: readonly BabysitData[]): Verdict {
  const all = data.flatMap((d) => [...d.gradCheck.init, ...d.gradCheck.trained]);
  const rels = all.map((g) => num(g.maxRelError)).filter((x) => !Number.isNaN(x));
  const rel = rels.length ? Math.max(...rels) : NaN;
  const scaled = Math.max(...all.map((g) => g.maxScaledError));
  const checked = all.reduce((a, g) => a + g.entries - g.kinks, 0);
  const kinks = all.reduce((a, g) => a + g.kinks, 0);
  const tf = data.flatMap((d) => [...d.tfGradCheck.init, ...d.tfGradCheck.trained]);
  const tfRels = tf.map((g) => num(g.relError)).filter((x) => !Number.isNaN(x));
  const tfRel = tfRels.length ? Math.max(...tfRels) : NaN;
  const worst = tf.find((g) => num(g.relError) === tfRel);
  const parts = {
    "reference net (float64)": checked > 0 && rel <= 1e-4 && scaled <= 1e-5,
    "training net (tfjs)": tfRels.length > 0 && tfRel <= TF_REL_BAR,
  };
  const pass = Object.values(parts).every(Boolean);
  return {
    pass,
    parts,
    measured: record([
      ["max relative error", rel],
      ["max error / largest gradient", scaled],
      ["entries checked", checked],
      ["skipped at ReLU kinks", kinks],
      ["tfjs net: max relative error", tfRel],
      ["tfjs net: worst array", worst ? worst.param : "—"],
    ]),
    expected: record([
      ["max relative error", "≤ 1e-4"],
      ["max error / largest gradient", "≤ 1e-5"],
      ["tfjs net: max relative error", `≤ ${fmt(TF_REL_BAR)}`],
    ]),
    tolerance:
      "reference net: relative error |a − n| / (|a| + |n|) ≤ 1e-4 on entries with a resolvable gradient (≥ 1% " +
      "of the array's largest; the course's bar for objectives with kinks — float64 rounding alone gives ~1e-6 on the " +
      "smallest gradients, b1's), and |a − n| / max|a| ≤ 1e-5 on every entry; entries whose ±h crosses a ReLU kink " +
      `are skipped and counted. tfjs training net: relative error ≤ ${fmt(TF_REL_BAR)} of the directional ` +
      "derivative along the gradient and along the gradient on a random half of the entries, per array (float32 " +
      "scores: rounding and the few ReLUs a step switches give ≲ 4e-3); a wrong gradient gives errors ~0.1–1",
    summary:
      `Reference net: over ${checked} entries of W1, b1, W2, b2 the worst relative error is ${fmt(rel)} and the ` +
      `worst error relative to the largest gradient ${fmt(scaled)} (${kinks} entries skipped at ReLU kinks); tfjs ` +
      `training net: the worst directional relative error is ${fmt(tfRel)}${worst ? ` (${worst.param})` : ""}, ` +
      `${parts["training net (tfjs)"] ? "within" : "above"} the float32 bar ${fmt(TF_REL_BAR)}.`,
  };
}
