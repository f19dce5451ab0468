/**
 * The claims of the `optimizers` experiment (B4, B6–B10 here, B11–B15 in adam_claims.ts): each verdict is computed from the
 * run's own numbers, with expectations recomputed from the parameters.
 * @module
 */
import type { Claim } from "../../lib/experiment.ts";
import { fmt, mean, record, round, seedsFraction } from "../../lib/checks.ts";
import type { P } from "./params.ts";
import type { OptimizerData } from "./types.ts";
import { adamClaims } from "./adam_claims.ts";

type C = Claim<OptimizerData, P>;
const fewer = (a: number | null, b: number | null) => a !== null && (b === null || a < b);
const steps = (x: number | null) => (x === null ? "never" : String(x));
const within = (x: number, want: number, rel: number) => Math.abs(x - want) <= rel * Math.abs(want);
const perSeed = (rule: ReturnType<typeof seedsFraction>) => `${rule.held}/${rule.total} seeds; ${rule.rule}`;

const B4: C = {
  id: "B4",
  kind: "behaviour",
  statement: "On an ill-conditioned quadratic (condition number from its Hessian), plain SGD oscillates along the " +
    "steep axis and crawls along the shallow one; the steps it needs grow with the condition number.",
  check(runs, p) {
    const alpha = p.sgdLr; // α·L
    const oscillates = alpha > 1; // theory: the steep coordinate flips sign every step iff αL > 1
    const rule = seedsFraction(runs, (d) => {
      const j = d.jitter;
      const sweepOk = j.sweep.every((s, i) =>
        s.steps !== null && s.theorySteps !== null &&
        Math.abs(s.steps - s.theorySteps) <= Math.max(2, 0.01 * s.theorySteps) &&
        (i === 0 || s.steps > (j.sweep[i - 1].steps ?? Infinity))
      );
      return oscillates && j.steepReversals >= 0.9 * (p.jitterSteps - 1) &&
        within(j.shallowLeft, j.shallowTheory, 0.01) && j.shallowLeft > 10 * j.steepLeft && sweepOk;
    }, 1);
    const d = runs[0].data.jitter;
    const sorted = [...p.kappas].every((k, i, a) => i === 0 || k > a[i - 1]);
    return {
      pass: rule.pass && sorted,
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
        `must be increasing); ${perSeed(rule)}`,
      summary: `With α = ${alpha}/L, SGD reverses along the steep axis at ${d.steepReversals} of ${
        p.jitterSteps - 1
      } steps while ${fmt(d.shallowLeft * 100)}% of the shallow distance is left; steps to the target ${
        d.sweep.map((s) => `${steps(s.steps)} (κ=${s.kappa})`).join(", ")
      }.`,
    };
  },
};

const B6: C = {
  id: "B6",
  kind: "statistical",
  statement: "Near a saddle, plain GD started close to the stable manifold stalls for many steps; SGD + momentum " +
    "(EMA form) leaves sooner, each at its best learning rate on the same grid.",
  check(runs, p) {
    const rule = seedsFraction(runs, (d) => {
      const s = d.saddle;
      return s.gdSteps !== null && s.gdStalled >= 0.5 * s.gdSteps && within(s.gdStalled, s.gdStallTheory, 0.2) &&
        within(s.gdSteps, s.gdTheorySteps, 0.2) &&
        s.perRho.every((r) => fewer(r.steps, s.gdSteps));
    }, p.fraction);
    const s = runs[0].data.saddle;
    const avg = (f: (d: OptimizerData) => number | null) => mean(runs.map((r) => f(r.data) ?? NaN));
    return {
      pass: rule.pass,
      measured: record([
        ["GD steps to leave (mean)", avg((d) => d.saddle.gdSteps)],
        ["GD stalled steps (mean)", avg((d) => d.saddle.gdStalled)],
        ...p.rhos.map((rho, i) =>
          [`momentum ρ=${rho} steps (mean)`, avg((d) => d.saddle.perRho[i].steps)] as [string, number]
        ),
        ...p.rhos.map((rho, i) =>
          [`momentum ρ=${rho} at GD's α (mean)`, avg((d) => d.saddle.perRho[i].atGdLrSteps)] as [string, number]
        ),
      ]),
      expected: record([
        ["GD steps to leave (mean)", `≈ ln(y_exit/|y0|)/ln(1+α) = ${fmt(avg((d) => d.saddle.gdTheorySteps))} ±20%`],
        [
          "GD stalled steps (mean)",
          `≥ half of its steps; ≈ ln(0.01/|y0|)/ln(1+α) = ${fmt(avg((d) => d.saddle.gdStallTheory))} ±20%`,
        ],
        ...p.rhos.map((rho) => [`momentum ρ=${rho} steps (mean)`, "< GD's"] as [string, string]),
      ]),
      tolerance: `per seed: all three conditions; ${perSeed(rule)}. 'Leave' = loss below half the minimum's value; ` +
        `'stalled' = still within 1% of the way from the saddle to a minimum (|y| < 0.01).`,
      summary: `Seed ${runs[0].seed}: GD (best α = ${fmt(s.gdLrL)}/L) needs ${
        steps(s.gdSteps)
      } steps, ${s.gdStalled} of them stalled at the saddle; momentum needs ${
        s.perRho.map((r) => `${steps(r.steps)} (ρ=${r.rho}, α = ${fmt(r.bestLrL)}/L)`).join(", ")
      }. At GD's own α the EMA form is not faster (${
        s.perRho.map((r) => steps(r.atGdLrSteps)).join(", ")
      } steps): its gain is the larger stable step.`,
    };
  },
};

const B7: C = {
  id: "B7",
  kind: "statistical",
  statement: "SGD + momentum in the slide's EMA form (ρ = 0.9 and 0.99) reduces jitter and reaches the minimum of " +
    "the ill-conditioned quadratic in fewer steps than SGD; the EMA form equals the library's v = ρv + g with α·(1−ρ).",
  check(runs, p) {
    const rule = seedsFraction(
      runs,
      (d) => d.mom.perRho.every((r) => r.reversals < d.mom.sgdReversals && fewer(r.bestSteps, d.mom.sgdBestSteps)),
      p.fraction,
    );
    const lib = runs.flatMap((r) => r.data.library.momentum);
    const libOk = lib.every((a) => a.worst <= 0.01 * a.maxStep) && p.libSteps >= 100;
    const m = runs[0].data.mom;
    const worst = Math.max(...lib.map((a) => a.worst / a.maxStep));
    return {
      pass: rule.pass && libOk,
      measured: record([
        ["SGD reversals / best steps", `${m.sgdReversals} / ${steps(m.sgdBestSteps)}`],
        ...m.perRho.map((r) =>
          [`ρ=${r.rho} reversals / best steps`, `${r.reversals} / ${steps(r.bestSteps)}`] as [
            string,
            string,
          ]
        ),
        ["tf.train.momentum: worst |Δθ| / largest step", worst],
      ]),
      expected: record([
        ["SGD reversals / best steps", "—"],
        ...m.perRho.map((r) => [`ρ=${r.rho} reversals / best steps`, "fewer / fewer than SGD"] as [string, string]),
        ["tf.train.momentum: worst |Δθ| / largest step", `≤ 0.01 over ${p.libSteps} steps (≥ 100)`],
      ]),
      tolerance:
        `reversals counted over ${p.jitterSteps} steps at α = ${p.sgdLr}/L for all; steps to ${p.tol}× the start loss with each optimizer's best α on the grid ${p.gridLo}/L … ${p.gridHi}/L (${p.gridSize} values); ` +
        `${perSeed(rule)}. Library: identical mini-batch gradients fed to both, float32, every step.`,
      summary: `Seed ${runs[0].seed}: SGD reverses ${m.sgdReversals} times and needs ${
        steps(m.sgdBestSteps)
      } steps at its best α; momentum ${
        m.perRho.map((r) => `ρ=${r.rho}: ${r.reversals} reversals, ${steps(r.bestSteps)} steps`).join("; ")
      }. The EMA form matches tf.train.momentum(α(1−ρ), ρ) to ${fmt(worst)} of a step.`,
    };
  },
};

const B8: C = {
  id: "B8",
  kind: "statistical",
  statement: "Nesterov momentum (gradient at the look-ahead point) overshoots the minimum less than classical " +
    "momentum at the same α and ρ, on the same quadratic.",
  check(runs, p) {
    const rule = seedsFraction(
      runs,
      (d) =>
        d.mom.perRho.every((r) =>
          r.pairs.length > 0 && r.pairs.every((x) => x.nesterovOvershoot <= x.momentumOvershoot + 1e-9) &&
          r.pairs.reduce((a, x) => a + x.nesterovOvershoot, 0) < r.pairs.reduce((a, x) => a + x.momentumOvershoot, 0)
        ),
      p.fraction,
    );
    const m = runs[0].data.mom;
    const faster = m.perRho.map((r) => r.pairs.filter((x) => x.nesterovSteps < x.momentumSteps).length);
    return {
      pass: rule.pass,
      measured: record(m.perRho.map((r) => [
        `ρ=${r.rho}: mean overshoot momentum / Nesterov`,
        `${fmt(mean(r.pairs.map((x) => x.momentumOvershoot)))} / ${
          fmt(mean(r.pairs.map((x) => x.nesterovOvershoot)))
        } over ${r.pairs.length} rates`,
      ])),
      expected: record(
        m.perRho.map((r) => [`ρ=${r.rho}: mean overshoot momentum / Nesterov`, "Nesterov ≤ at every rate"]),
      ),
      tolerance: `every grid α where both reach the target; overshoot = largest excursion past the minimum along ` +
        `either eigen-axis, as a fraction of the start; ${perSeed(rule)}`,
      summary: `Seed ${runs[0].seed}: Nesterov's overshoot is smaller at every common rate; it needs fewer steps at ${
        m.perRho.map((r, i) => `${faster[i]} of ${r.pairs.length} rates (ρ=${r.rho})`).join(" and ")
      }, so 'converges faster' holds only in part.`,
    };
  },
};

const B9: C = {
  id: "B9",
  kind: "behaviour",
  statement: "AdaGrad equalizes the per-axis step sizes on the (axis-aligned) ill-conditioned quadratic; its " +
    "effective step size decays as squared gradients accumulate, so it stalls where RMSProp keeps going.",
  check(runs, p) {
    const rule = seedsFraction(runs, (d) => {
      const a = d.adaptive;
      return within(a.adagrad.firstRatio, 1, 0.01) && within(a.sgd.firstRatio, a.sgdRatioTheory, 0.01) &&
        a.adagrad.stepMonotone && (a.adagrad.stepShallowLast ?? Infinity) <= (a.adagrad.stepShallowFirst ?? 0) / 10 &&
        a.adagrad.endLoss > a.rmsprop.endLoss;
    }, 1);
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
        ["final loss AdaGrad / RMSProp", `${fmt(a.adagrad.endLoss)} / ${fmt(a.rmsprop.endLoss)}`],
      ]),
      expected: record([
        ["first step |Δsteep|/|Δshallow|, AdaGrad", 1],
        ["first step |Δsteep|/|Δshallow|, SGD", a.sgdRatioTheory],
        ["AdaGrad shallow step, first → last", "never grows; falls ≥ 10×"],
        ["final loss AdaGrad / RMSProp", "AdaGrad > RMSProp"],
      ]),
      tolerance: `ratios ±1% (AdaGrad: 1; SGD: λ₂|c₂|/(λ₁|c₁|) from the Hessian); same α = ${p.adaLr}, ${p.adaSteps} ` +
        `steps; every seed (${perSeed(rule)})`,
      summary: `AdaGrad's first step is ${fmt(a.adagrad.firstRatio)}× larger on the steep axis (SGD's: ${
        fmt(a.sgd.firstRatio)
      }×); its shallow-axis step falls from ${fmt(a.adagrad.stepShallowFirst)} to ${
        fmt(a.adagrad.stepShallowLast)
      } and it ends at loss ${fmt(a.adagrad.endLoss)}, RMSProp at ${fmt(a.rmsprop.endLoss)}.`,
    };
  },
};

const B10: C = {
  id: "B10",
  kind: "erratum",
  statement: "The RMSProp slide's code `grad_squared += decay_rate * grad_squared + (1 - decay_rate) * grad * grad` " +
    "makes the accumulator grow like (1 + decay_rate)^t, so learning stops; with `=` RMSProp keeps learning.",
  check(runs, p) {
    const growth = Math.log10(1 + p.decay);
    const rule = seedsFraction(runs, (d) => {
      const pr = d.adaptive.printed, ok = d.adaptive.rmsprop;
      return pr.log10Slope !== null && within(pr.log10Slope, growth, 0.05) &&
        Math.abs(pr.endLoss - pr.halfLoss) <= 1e-6 * pr.halfLoss && pr.endLoss >= 0.1 * pr.startLoss &&
        ok.endLoss <= 0.01 * ok.startLoss && ok.endLoss <= pr.endLoss / 10;
    }, 1);
    const pr = runs[0].data.adaptive.printed, ok = runs[0].data.adaptive.rmsprop;
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
        `${p.adaSteps} steps; every seed (${perSeed(rule)})`,
      summary: `As printed, the accumulator grows by 10^${fmt(pr.log10Slope)} per step (${
        pr.overflowStep === null ? "no overflow" : `Infinity at step ${pr.overflowStep}`
      }) and the loss freezes at ${fmt(pr.endLoss)}; with '=' RMSProp reaches ${fmt(ok.endLoss)}.`,
    };
  },
};

/** Every claim of the `optimizers` experiment. */
export const optimizerClaims: C[] = [B4, B6, B7, B8, B9, B10, ...adamClaims];
