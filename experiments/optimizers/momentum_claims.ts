/**
 * The momentum claims of the `optimizers` experiment (B6–B8): the saddle, momentum against SGD and
 * tf.train.momentum, and Nesterov's overshoot. Statistical: a sign test over seeds.
 * @module
 */
import type { Claim } from "../../lib/experiment.ts";
import { fmt, mean, record } from "../../lib/checks.ts";
import type { P } from "./params.ts";
import type { OptimizerData } from "./types.ts";
import { fewer, seedTest, steps, within } from "./verdicts.ts";
import { momentumSign, noLookahead } from "./falsifiers.ts";

type C = Claim<OptimizerData, P>;

const B6: C = {
  id: "B6",
  kind: "statistical",
  statement: "Near a saddle, plain GD started close to the stable manifold stalls for many steps; SGD + momentum " +
    "(EMA form) leaves sooner, each at its best learning rate on the same grid.",
  falsifiers: [momentumSign],
  check(runs, p) {
    const r = seedTest(runs, (d) => {
      const s = d.saddle;
      return s.gdSteps !== null && s.gdStalled >= 0.5 * s.gdSteps && within(s.gdStalled, s.gdStallTheory, 0.2) &&
        within(s.gdSteps, s.gdTheorySteps, 0.2) &&
        s.perRho.every((r) => fewer(r.steps, s.gdSteps));
    }, p.level);
    const s = runs[0].data.saddle;
    const avg = (f: (d: OptimizerData) => number | null) => mean(runs.map((r) => f(r.data) ?? NaN));
    const sooner = s.perRho.every((x) => fewer(x.steps, s.gdSteps));
    const atGd = s.perRho.filter((x) => fewer(x.atGdLrSteps, s.gdSteps)).length;
    return {
      pass: r.pass,
      ...(r.inconclusive ? { inconclusive: r.inconclusive } : {}),
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
      tolerance: `per seed: all three conditions; ${r.rule}. 'Leave' = loss below half the minimum's value; ` +
        `'stalled' = still within 1% of the way from the saddle to a minimum (|y| < 0.01).`,
      summary: `Seed ${runs[0].seed}: GD (best α = ${fmt(s.gdLrL)}/L) needs ${
        steps(s.gdSteps)
      } steps, ${s.gdStalled} of them stalled at the saddle; momentum needs ${
        s.perRho.map((r) => `${steps(r.steps)} (ρ=${r.rho}, α = ${fmt(r.bestLrL)}/L)`).join(", ")
      }, ${sooner ? "so it leaves sooner" : "so it does not leave sooner at every ρ"}. At GD's own α the EMA form ${
        atGd === s.perRho.length ? "is faster" : atGd === 0 ? "is not faster" : `is faster for ${atGd} of the ρ`
      } (${s.perRho.map((r) => steps(r.atGdLrSteps)).join(", ")} steps). ${
        r.inconclusive
          ? `Too few seeds to decide (${r.inconclusive}).`
          : r.pass
          ? "GD stalls and momentum leaves sooner across seeds."
          : "Across seeds, the claim is not shown."
      }`,
    };
  },
};

const B7: C = {
  id: "B7",
  kind: "statistical",
  statement: "SGD + momentum in the slide's EMA form (ρ = 0.9 and 0.99) reduces jitter and reaches the minimum of " +
    "the ill-conditioned quadratic in fewer steps than SGD; the EMA form equals the library's v = ρv + g with α·(1−ρ).",
  falsifiers: [momentumSign],
  check(runs, p) {
    const lib = runs.flatMap((r) => r.data.library.momentum);
    const libOk = lib.every((a) => a.worst <= 0.01 * a.maxStep) && p.libSteps >= 100;
    const r = seedTest(
      runs,
      (d) => d.mom.perRho.every((r) => r.reversals < d.mom.sgdReversals && fewer(r.bestSteps, d.mom.sgdBestSteps)),
      p.level,
      !libOk,
    );
    const m = runs[0].data.mom;
    const worst = Math.max(...lib.map((a) => a.worst / a.maxStep));
    return {
      pass: r.pass && libOk,
      ...(r.inconclusive ? { inconclusive: r.inconclusive } : {}),
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
        `${r.rule}. Library: identical mini-batch gradients fed to both, float32, every step and seed.`,
      summary: `Seed ${runs[0].seed}: SGD reverses ${m.sgdReversals} times and needs ${
        steps(m.sgdBestSteps)
      } steps at its best α; momentum ${
        m.perRho.map((r) => `ρ=${r.rho}: ${r.reversals} reversals, ${steps(r.bestSteps)} steps`).join("; ")
      }. The EMA form ${libOk ? "matches" : "does not match"} tf.train.momentum(α(1−ρ), ρ) (worst ${
        fmt(worst)
      } of a step). ${
        r.inconclusive
          ? `Too few seeds to decide (${r.inconclusive}).`
          : r.pass
          ? "Momentum jitters less and is faster across seeds."
          : "Across seeds, less jitter and fewer steps are not shown."
      }`,
    };
  },
};

const B8: C = {
  id: "B8",
  kind: "statistical",
  statement: "Nesterov momentum (gradient at the look-ahead point) overshoots the minimum less than classical " +
    "momentum at the same α and ρ, on the same quadratic.",
  falsifiers: [noLookahead, momentumSign],
  check(runs, p) {
    const less = (d: OptimizerData) =>
      d.mom.perRho.every((r) =>
        r.pairs.length > 0 && r.pairs.every((x) => x.nesterovOvershoot <= x.momentumOvershoot + 1e-9) &&
        r.pairs.reduce((a, x) => a + x.nesterovOvershoot, 0) < r.pairs.reduce((a, x) => a + x.momentumOvershoot, 0)
      );
    const r = seedTest(runs, less, p.level);
    const m = runs[0].data.mom;
    const faster = m.perRho.map((r) => r.pairs.filter((x) => x.nesterovSteps < x.momentumSteps).length);
    return {
      pass: r.pass,
      ...(r.inconclusive ? { inconclusive: r.inconclusive } : {}),
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
        `either eigen-axis, as a fraction of the start; ${r.rule}`,
      summary: `Seed ${runs[0].seed}: Nesterov's overshoot is ${
        less(runs[0].data) ? "smaller at every common rate" : "not smaller at every common rate"
      }; it needs fewer steps at ${
        m.perRho.map((r, i) => `${faster[i]} of ${r.pairs.length} rates (ρ=${r.rho})`).join(" and ")
      }. ${
        r.inconclusive
          ? `Too few seeds to decide (${r.inconclusive}).`
          : r.pass
          ? "Across seeds Nesterov overshoots less; 'converges faster' holds only where the step counts say so."
          : "Across seeds, less overshoot is not shown."
      }`,
    };
  },
};

/** B6–B8. */
export const momentumClaims: C[] = [B6, B7, B8];
