/**
 * The claims of the `optimizers` experiment (B4, B9, B10 here; B6–B8 in momentum_claims.ts, B11–B15 in adam_claims.ts): each verdict is computed from the
 * run's own numbers, with expectations recomputed from the parameters.
 * @module
 */
import type { Claim } from "../../lib/experiment.ts";
import { fmt, record, round } from "../../lib/checks.ts";
import type { P } from "./params.ts";
import type { OptimizerData } from "./types.ts";
import { adamClaims } from "./adam_claims.ts";
import { momentumClaims } from "./momentum_claims.ts";
import { everySeed, steps, within } from "./verdicts.ts";
import { axesSwapped, printedIsCorrected, stateNotKept } from "./falsifiers.ts";

type C = Claim<OptimizerData, P>;

const B4: C = {
  id: "B4",
  kind: "behaviour",
  statement: "On an ill-conditioned quadratic (condition number from its Hessian), plain SGD oscillates along the " +
    "steep axis and crawls along the shallow one; the steps it needs grow with the condition number.",
  falsifiers: [axesSwapped],
  check(runs, p) {
    const alpha = p.sgdLr; // α·L
    const oscillates = alpha > 1; // theory: the steep coordinate flips sign every step iff αL > 1
    const rule = everySeed(runs, (d) => {
      const j = d.jitter;
      const sweepOk = j.sweep.every((s, i) =>
        s.steps !== null && s.theorySteps !== null &&
        Math.abs(s.steps - s.theorySteps) <= Math.max(2, 0.01 * s.theorySteps) &&
        (i === 0 || s.steps > (j.sweep[i - 1].steps ?? Infinity))
      );
      return oscillates && j.steepReversals >= 0.9 * (p.jitterSteps - 1) &&
        within(j.shallowLeft, j.shallowTheory, 0.01) && j.shallowLeft > 10 * j.steepLeft && sweepOk;
    });
    const d = runs[0].data.jitter;
    const sorted = [...p.kappas].every((k, i, a) => i === 0 || k > a[i - 1]);
    const pass = rule.pass && sorted;
    return {
      pass,
      measured: record([
        ["Hessian (by differences)", JSON.stringify(d.hessian.map((r) => round(r, 5)))],
        ["κ from the Hessian", d.measuredKappa],
        ["steep-axis reversals", `${d.steepReversals} of ${p.jitterSteps - 1}`],
        ["shallow axis left", d.shallowLeft],
        ["steep axis left", d.steepLeft],
        ...d.sweep.map((s) => [`steps, κ=${s.kappa}`, steps(s.steps)] as [string, string]),
      ]),
      expected: record([
        ["Hessian (by differences)", `eigenvalues ${p.shallow} and ${p.shallow * p.kappa}`],
        ["κ from the Hessian", p.kappa],
        ["steep-axis reversals", oscillates ? `≥ 90% of steps (αL = ${alpha} > 1)` : `none (αL = ${alpha} ≤ 1)`],
        ["shallow axis left", d.shallowTheory],
        ["steep axis left", d.steepTheory],
        ...d.sweep.map((s) => [`steps, κ=${s.kappa}`, `${steps(s.theorySteps)} (theory)`] as [string, string]),
      ]),
      tolerance: `every seed (start points differ): shallow-axis progress ±1% of (1 − αμ)^N and 10× the steep ` +
        `axis's; steps ±max(2, 1%) of loss(t) = ½Σλᵢcᵢ²(1 − αλᵢ)^{2t} and strictly increasing in κ (kappas ` +
        `must be increasing); ${rule.rule}`,
      summary: `With α = ${alpha}/L, SGD reverses along the steep axis at ${d.steepReversals} of ${
        p.jitterSteps - 1
      } steps while ${fmt(d.shallowLeft * 100)}% of the shallow distance is left; steps to the target ${
        d.sweep.map((s) => `${steps(s.steps)} (κ=${s.kappa})`).join(", ")
      }: ${
        pass
          ? "jitter on the steep axis, a crawl on the shallow one, and more steps for larger κ, as the theory predicts"
          : "this does not match the predicted jitter and slowdown in every seed"
      }.`,
    };
  },
};

const B9: C = {
  id: "B9",
  kind: "behaviour",
  statement: "AdaGrad equalizes the per-axis step sizes on the (axis-aligned) ill-conditioned quadratic; its " +
    "effective step size decays as squared gradients accumulate, so it stalls where RMSProp keeps going.",
  falsifiers: [stateNotKept, axesSwapped],
  check(runs, p) {
    const rule = everySeed(runs, (d) => {
      const a = d.adaptive;
      return within(a.adagrad.firstRatio, 1, 0.01) && within(a.sgd.firstRatio, a.sgdRatioTheory, 0.01) &&
        a.adagrad.stepMonotone && (a.adagrad.stepShallowLast ?? Infinity) <= (a.adagrad.stepShallowFirst ?? 0) / 10 &&
        a.adagrad.endLoss > a.rmsprop.endLoss;
    });
    const a = runs[0].data.adaptive;
    return {
      pass: rule.pass,
      measured: record([
        ["first step |Δsteep|/|Δshallow|, AdaGrad", a.adagrad.firstRatio],
        ["first step |Δsteep|/|Δshallow|, SGD", a.sgd.firstRatio],
        [
          "AdaGrad shallow step, first → last",
          `${fmt(a.adagrad.stepShallowFirst)} → ${fmt(a.adagrad.stepShallowLast)}`,
        ],
        ["AdaGrad step never grows", a.adagrad.stepMonotone],
        ["final loss AdaGrad / RMSProp", `${fmt(a.adagrad.endLoss)} / ${fmt(a.rmsprop.endLoss)}`],
      ]),
      expected: record([
        ["first step |Δsteep|/|Δshallow|, AdaGrad", 1],
        ["first step |Δsteep|/|Δshallow|, SGD", a.sgdRatioTheory],
        ["AdaGrad shallow step, first → last", "falls ≥ 10×"],
        ["AdaGrad step never grows", true],
        ["final loss AdaGrad / RMSProp", "AdaGrad > RMSProp"],
      ]),
      tolerance: `ratios ±1% (AdaGrad: 1; SGD: λ₂|c₂|/(λ₁|c₁|) from the Hessian); same α = ${p.adaLr}, ${p.adaSteps} ` +
        `steps; ${rule.rule}`,
      summary: `AdaGrad's first step is ${fmt(a.adagrad.firstRatio)}× larger on the steep axis (SGD's: ${
        fmt(a.sgd.firstRatio)
      }×); its shallow-axis step goes from ${fmt(a.adagrad.stepShallowFirst)} to ${
        fmt(a.adagrad.stepShallowLast)
      } and it ends at loss ${fmt(a.adagrad.endLoss)}, RMSProp at ${fmt(a.rmsprop.endLoss)}: ${
        rule.pass
          ? "equal steps per axis, a decaying step and a stall where RMSProp goes on"
          : "the equalized, decaying AdaGrad step is not shown in every seed"
      }.`,
    };
  },
};

const B10: C = {
  id: "B10",
  kind: "erratum",
  statement: "The RMSProp slide's code `grad_squared += decay_rate * grad_squared + (1 - decay_rate) * grad * grad` " +
    "makes the accumulator grow like (1 + decay_rate)^t, so learning stops; with `=` RMSProp keeps learning.",
  falsifiers: [printedIsCorrected, stateNotKept],
  check(runs, p) {
    const growth = Math.log10(1 + p.decay);
    const rule = everySeed(runs, (d) => {
      const pr = d.adaptive.printed, ok = d.adaptive.rmsprop;
      return pr.log10Slope !== null && within(pr.log10Slope, growth, 0.05) &&
        Math.abs(pr.endLoss - pr.halfLoss) <= 1e-6 * pr.halfLoss && pr.endLoss >= 0.1 * pr.startLoss &&
        ok.endLoss <= 0.01 * ok.startLoss && ok.endLoss <= pr.endLoss / 10;
    });
    const pr = runs[0].data.adaptive.printed, ok = runs[0].data.adaptive.rmsprop;
    const frozen = Math.abs(pr.endLoss - pr.halfLoss) <= 1e-6 * pr.halfLoss;
    return {
      pass: rule.pass,
      measured: record([
        ["printed: log10 G growth per step", pr.log10Slope],
        ["printed: G overflows float32 at step", pr.overflowStep],
        ["printed: loss start → half → end", `${fmt(pr.startLoss)} → ${fmt(pr.halfLoss)} → ${fmt(pr.endLoss)}`],
        ["corrected: loss start → end", `${fmt(ok.startLoss)} → ${fmt(ok.endLoss)}`],
      ]),
      expected: record([
        ["printed: log10 G growth per step", growth],
        ["printed: G overflows float32 at step", "—"],
        ["printed: loss start → half → end", "no change after half the run, ≥ 10% of start left"],
        ["corrected: loss start → end", "≤ 1% of start and ≤ printed/10"],
      ]),
      tolerance: `growth ±5% of log10(1 + decay_rate); 'no change' = relative change ≤ 1e-6; α = ${p.adaLr}, ` +
        `${p.adaSteps} steps; ${rule.rule}`,
      summary: `As printed, the accumulator grows by 10^${fmt(pr.log10Slope)} per step (predicted 10^${fmt(growth)}; ${
        pr.overflowStep === null ? "no overflow" : `Infinity at step ${pr.overflowStep}`
      }) and the loss goes ${fmt(pr.halfLoss)} → ${fmt(pr.endLoss)} in the second half (${
        frozen ? "frozen" : "still moving"
      }); with '=' RMSProp reaches ${fmt(ok.endLoss)}. ${
        rule.pass ? "The erratum is confirmed." : "The erratum's prediction is not confirmed in every seed."
      }`,
    };
  },
};

/** Every claim of the `optimizers` experiment. */
export const optimizerClaims: C[] = [B4, ...momentumClaims, B9, B10, ...adamClaims];
