/**
 * Check helpers of the init claims: per-layer std tables against the variance recursion of the
 * claimed formula (C2, C4) and per-layer std ratios (C6, C7).
 * @module
 */
import type { SeedRun } from "../../lib/experiment.ts";
import { approxAll, isMonotone } from "../../lib/checks.ts";
import { layerRatios, predicted } from "./claimed.ts";
import { type NetName, stds } from "./nets.ts";
import type { P } from "./params.ts";
import type { InitData } from "./types.ts";

/** Relative tolerance of a measured std (or std ratio) against the recursion: 5% per layer. */
export const RECURSION_REL = 0.05;

/** C2 and C4: measured stds against the variance recursion of the claimed formula, and the slide's table at its size. */
export function stdTableCheck(
  runs: readonly SeedRun<InitData>[],
  p: P,
  net: NetName,
  lecture: number[],
  lectureApplies: boolean,
) {
  const measured = stds(runs, net);
  const theory = approxAll(measured, predicted(net, p), { rel: RECURSION_REL });
  const slide = lectureApplies ? approxAll(measured, lecture, { abs: 0.02 }) : undefined;
  return {
    pass: theory.pass && (slide?.pass ?? true),
    measured: theory.measured,
    expected: slide ? slide.expected : theory.expected,
    tolerance: slide
      ? `±0.02 per layer against the slide's table, and ${theory.tolerance} against the variance recursion ${
        JSON.stringify(theory.expected)
      } of the claimed formula`
      : `${theory.tolerance} per layer against the variance recursion of the claimed formula (the slide's table is for width 4096, depth 6 only)`,
  };
}

/** C6 and C7: a net's layer-to-layer std ratios against those the recursion predicts for the claimed formula. */
export function ratioCheck(runs: readonly SeedRun<InitData>[], p: P, net: NetName, decreasing: boolean) {
  const s = stds(runs, net);
  const ratios = layerRatios(s);
  const r = approxAll(ratios, layerRatios(predicted(net, p)), { rel: RECURSION_REL });
  return { ...r, pass: r.pass && (!decreasing || isMonotone(s, "decreasing")), stds: s, ratios };
}
