/**
 * The nets of the weight-initialization slides (activation and weight std per net), the slides'
 * printed std table, and the per-layer std helpers shared by the claims and the report.
 * @module
 */
import type { SeedRun } from "../../lib/experiment.ts";
import { meanOverSeeds } from "../../lib/checks.ts";
import type { ActivationName } from "./activations.ts";
import type { P } from "./params.ts";
import type { InitData } from "./types.ts";

/** The slides' printed std per layer (width 4096, depth 6, batch 16). */
export const LECTURE_STD = {
  small: [0.49, 0.29, 0.18, 0.11, 0.07, 0.05],
  xavier: [0.63, 0.49, 0.41, 0.36, 0.32, 0.30],
};

/**
 * The nets as run: name → activation and weight std as a function of Din. The planted faults of the
 * falsifiers (`p.fault`) live here, where such a bug would; the checks never read these scales (their
 * expectations come from the claimed formulas in claimed.ts).
 */
export const NETS: Record<string, { act: ActivationName; scale: (din: number, p: P) => number; title: string }> = {
  "small-tanh": {
    act: "tanh",
    scale: (_d, p) => p.fault === "small-var" ? Math.sqrt(p.smallScale) : p.smallScale,
    title: "W = 0.01·randn, tanh (C2)",
  },
  "large-tanh": { act: "tanh", scale: (_d, p) => p.largeScale, title: "W = 0.05·randn, tanh (C3)" },
  "xavier-tanh": {
    act: "tanh",
    scale: (d, p) => (p.fault === "xavier-tanh-1.3" ? 1.3 : 1) / Math.sqrt(d),
    title: "Xavier randn/sqrt(Din), tanh (C4)",
  },
  "xavier-relu": {
    act: "relu",
    scale: (d, p) => (p.fault === "xavier-relu-1.2" ? 1.2 : 1) / Math.sqrt(d),
    title: "Xavier randn/sqrt(Din), ReLU (C6)",
  },
  // The Kaiming slide's code, as printed: it still divides by sqrt(Din) (C7).
  "kaiming-as-printed": {
    act: "relu",
    scale: (d) => 1 / Math.sqrt(d),
    title: "Kaiming slide's code as printed, ReLU (C7)",
  },
  "kaiming-corrected": {
    act: "relu",
    scale: (d, p) => p.fault === "kaiming-as-printed" ? 1 / Math.sqrt(d) : Math.sqrt(2 / d),
    title: "Kaiming std = sqrt(2/Din), ReLU (C7)",
  },
};

/** A net's name (a key of {@link NETS}). */
export type NetName = keyof typeof NETS;

/** The measured activation std per layer of a net, mean over seeds. */
export const stds = (runs: readonly SeedRun<InitData>[], net: NetName) =>
  meanOverSeeds(runs.map((r) => r.data.nets[net].map((l) => l.std)));

/** Whether the parameters are the slides' net size (width 4096, depth 6), where their table applies. */
export const atLectureSize = (p: P) => p.width === 4096 && p.depth === 6;
