/**
 * The Adam-family claims of the `optimizers` experiment (B11–B15): Adam's first step, tfjs's
 * Adam, the practical tip, AdamW, and the trajectories figure.
 * @module
 */
import type { Claim } from "../../lib/experiment.ts";
import { fmt, mean, record, round } from "../../lib/checks.ts";
import type { P } from "./params.ts";
import type { OptimizerData } from "./types.ts";
import { everySeed, seedTest, within } from "./verdicts.ts";
import { adamwCoupled, betasSwapped, momentumSign, netLr10xSmall, noBiasCorrection } from "./falsifiers.ts";

type C = Claim<OptimizerData, P>;
/** The sentence a statistical verdict ends with: decided, failed, or too few seeds. */
const across = (r: { pass: boolean; inconclusive?: string }, yes: string, no: string) =>
  r.inconclusive ? `Too few seeds to decide (${r.inconclusive}).` : r.pass ? yes : no;

const B11: C = {
  id: "B11",
  kind: "value",
  statement: "Adam without bias correction makes a first step of about α·(1−β1)/sqrt(1−β2) ≈ 3.16α per coordinate " +
    "(β1 0.9, β2 0.999); with bias correction about α. Measured on a real MNIST gradient.",
  falsifiers: [betasSwapped],
  check(runs, p) {
    const want = (1 - p.beta1) / Math.sqrt(1 - p.beta2);
    const ok = (d: OptimizerData) => {
      const f = d.first;
      return [f.raw.median, f.raw.p05, f.raw.p95].every((x) => within(x, want, 0.01)) &&
        [f.corrected.median, f.corrected.p05, f.corrected.p95].every((x) => within(x, 1, 0.01));
    };
    const rule = everySeed(runs, ok);
    const f = runs[0].data.first;
    return {
      pass: rule.pass,
      measured: record([
        ["no correction: median |Δθ|/α", f.raw.median],
        ["no correction: 5–95%", `${fmt(f.raw.p05)} – ${fmt(f.raw.p95)}`],
        ["bias-corrected: median |Δθ|/α", f.corrected.median],
        ["coordinates", f.coordinates],
      ]),
      expected: record([
        ["no correction: median |Δθ|/α", want],
        ["no correction: 5–95%", `${fmt(want)} ±1%`],
        ["bias-corrected: median |Δθ|/α", 1],
        ["coordinates", "|g| ≥ 1e-3 (ε negligible)"],
      ]),
      tolerance: `±1% for median, 5th and 95th percentile; ${rule.rule}`,
      summary: `On a mini-batch gradient of softmax regression, the uncorrected first step is ${
        fmt(f.raw.median)
      }·α (predicted ${fmt(want)}·α), the corrected one ${fmt(f.corrected.median)}·α (predicted 1·α)${
        rule.pass ? "" : ": not as predicted in every seed"
      }.`,
    };
  },
};

const B12: C = {
  id: "B12",
  kind: "value",
  statement: "TensorFlow.js's tf.train.adam matches the slide's Adam with bias correction step for step.",
  falsifiers: [noBiasCorrection, betasSwapped],
  check(runs, p) {
    const worst = Math.max(...runs.map((r) => r.data.library.adam.worst));
    const tol = 0.01 * p.adamLr;
    const pass = worst <= tol && p.libSteps >= 100;
    return {
      pass,
      measured: record([["worst |θ_slide − θ_tfjs|", worst], ["steps compared", p.libSteps], ["seeds", runs.length]]),
      expected: record([["worst |θ_slide − θ_tfjs|", `≤ ${fmt(tol)}`], ["steps compared", "≥ 100"], [
        "seeds",
        runs.length,
      ]]),
      tolerance: "float32: 1% of one Adam step (0.01·α), over every coordinate and every step; ε = 1e-7 for both",
      summary: `Fed the same ${p.batch}-digit mini-batch gradients, the two Adams ${
        pass ? "stay within" : "drift apart by up to"
      } ${fmt(worst)} over ${p.libSteps} steps (α = ${p.adamLr}; allowed ${fmt(tol)}${
        p.libSteps >= 100 ? "" : ", and fewer than 100 steps were compared"
      }).`,
    };
  },
};

const B13: C = {
  id: "B13",
  kind: "statistical",
  statement: "Adam with β1 = 0.9, β2 = 0.999 and α = 1e-3 or 5e-4 trains the lecture's 2-layer net without tuning: " +
    "the validation loss falls well below ln(10).",
  falsifiers: [netLr10xSmall],
  check(runs, p) {
    const limit = Math.log(10) / 2;
    const r = seedTest(runs, (d) => d.net.every((n) => n.curve[n.curve.length - 1].val <= limit), p.level);
    const starts = mean(runs.map((r) => r.data.net[0].curve[0].val));
    const finals = p.netLrs.map((_, i) => mean(runs.map((r) => r.data.net[i].curve.at(-1)!.val)));
    return {
      pass: r.pass,
      ...(r.inconclusive ? { inconclusive: r.inconclusive } : {}),
      measured: record([
        ["start val loss (mean)", starts],
        ...p.netLrs.map((lr, i) => [`final val loss, α=${lr} (mean)`, finals[i]] as [string, number]),
      ]),
      expected: record([
        ["start val loss (mean)", `≈ ln(10) = ${fmt(Math.log(10))} (reference)`],
        ...p.netLrs.map((lr) => [`final val loss, α=${lr} (mean)`, `≤ ln(10)/2 = ${fmt(limit)}`] as [string, string]),
      ]),
      tolerance: `per seed: final val loss ≤ ln(10)/2 at every α after ${p.netSteps} steps of batch ${p.netBatch}; ` +
        r.rule,
      summary: `Untuned Adam brings the ${p.hidden}-hidden-unit net from a validation loss of ${fmt(starts)} to ${
        p.netLrs.map((lr, i) => `${fmt(finals[i])} (α=${lr})`).join(" and ")
      } (mean over seeds). ${
        across(
          r,
          `That is below ln(10)/2 = ${fmt(limit)} across seeds.`,
          `Below ln(10)/2 = ${fmt(limit)} is not shown across seeds.`,
        )
      }`,
    };
  },
};

const B14: C = {
  id: "B14",
  kind: "statistical",
  statement: "AdamW (decoupled weight decay) differs from Adam + L2: with L2 inside Adam, weights with large " +
    "gradients are decayed less; with AdamW all decay at the same rate.",
  falsifiers: [adamwCoupled],
  check(runs, p) {
    const tol = (3 * p.wdLr * Math.sqrt(p.wdSteps)) / Math.sqrt(p.wdPerGroup);
    const lo = p.wdScales.indexOf(Math.min(...p.wdScales)), hi = p.wdScales.indexOf(Math.max(...p.wdScales));
    const r = seedTest(runs, (d) =>
      d.wd.adamw.final.every((x) => Math.abs(x - d.wd.decoupledTheory) <= tol) &&
      d.wd.l2.final[hi] - d.wd.l2.final[lo] > 2 * tol, p.level);
    const w = runs[0].data.wd;
    return {
      pass: r.pass,
      ...(r.inconclusive ? { inconclusive: r.inconclusive } : {}),
      measured: record([
        ["Adam + L2: mean weight per group", JSON.stringify(round(w.l2.final, 3))],
        ["AdamW: mean weight per group", JSON.stringify(round(w.adamw.final, 3))],
      ]),
      expected: record([
        ["Adam + L2: mean weight per group", `largest-noise group − smallest > ${fmt(2 * tol)}`],
        ["AdamW: mean weight per group", `each (1 − αλ)^T = ${fmt(w.decoupledTheory)} ± ${fmt(tol)}`],
      ]),
      tolerance: `± 3·α·√T/√(weights per group) = ${fmt(tol)} (the spread of a group mean under Adam's noise walk); ` +
        `groups have gradient-noise scales ${p.wdScales.join(", ")}; ${r.rule}`,
      summary: `After ${p.wdSteps} steps from 1, Adam + L2 leaves ${fmt(w.l2.final[lo])} (noise ${p.wdScales[lo]}) to ${
        fmt(w.l2.final[hi])
      } (noise ${p.wdScales[hi]}); AdamW leaves ${fmt(Math.min(...w.adamw.final))}–${
        fmt(Math.max(...w.adamw.final))
      } in every group (theory ${fmt(w.decoupledTheory)}). ${
        across(
          r,
          "Across seeds, L2 inside Adam decays noisy weights less, AdamW all alike.",
          "Across seeds, the difference is not shown.",
        )
      }`,
    };
  },
};

const B15: C = {
  id: "B15",
  kind: "figure",
  statement: "Trajectories of SGD, SGD + momentum, Nesterov, RMSProp and Adam on one 2-D loss surface, as in the " +
    "slides' comparison (sanity: every path stays finite and ends lower than it started).",
  falsifiers: [momentumSign],
  check(runs) {
    const f = runs[0].data.figure;
    const ok = f.every((t) => t.losses.every(Number.isFinite) && t.losses[t.losses.length - 1] < t.losses[0]);
    return {
      pass: ok,
      measured: record(f.map((t) => [t.name, `${fmt(t.losses[0])} → ${fmt(t.losses[t.losses.length - 1])}`])),
      expected: record(f.map((t) => [t.name, "finite, final < start"])),
      tolerance: "sanity only (a figure)",
      summary: `Final losses: ${f.map((t) => `${t.name} ${fmt(t.losses[t.losses.length - 1])}`).join(", ")}${
        ok ? "" : ": not every path stays finite and ends below its start"
      }.`,
    };
  },
};

/** B11–B15. */
export const adamClaims: C[] = [B11, B12, B13, B14, B15];
