/**
 * The checks of the layers family (A1–A5), each computed from the run's own numbers.
 * @module
 */
import type { Claim, Falsifier, SeedRun, Verdict } from "../../lib/experiment.ts";
import { fmt, mean, signTest } from "../../lib/checks.ts";
import { a3, a4 } from "./checks_norms.ts";
import type { ConvSetting, ConvShape } from "./measure.ts";
import { LAYERS_FAULTS as F, type P } from "./params.ts";
import type { LayersData } from "./types.ts";

type Runs = readonly SeedRun<LayersData>[];

/** The slide's (F, S, P) settings. */
export const SLIDE_SETTINGS: ConvSetting[] = [
  { f: 3, s: 1, p: 1 },
  { f: 5, s: 1, p: 2 },
  { f: 5, s: 2, p: "fit" },
  { f: 1, s: 1, p: 0 },
];

/** The slide's formula (W − F + 2P)/S + 1, with 2P the total padding along the axis. */
export const outputSize = (c: ConvShape) => (c.w - c.f + c.padTotal) / c.s + 1;

function a1(runs: Runs, p: P) {
  const shapes = runs[0].data.a1;
  const bad = shapes.filter((c) => c.out[0] !== outputSize(c) || c.out[1] !== outputSize(c) || c.out[2] !== p.filters);
  const sameUsed = shapes.filter((c) => c.padding === "'same'");
  return {
    pass: bad.length === 0 && shapes.every((c) => Number.isInteger(outputSize(c))),
    measured: shapes.map((c) => `${c.setting}, W=${c.w}: ${c.out.join("×")}`),
    expected: shapes.map((c) => `${fmt(outputSize(c))}×${fmt(outputSize(c))}×${p.filters}`),
    tolerance: "exact, every setting and input size",
    summary: `${shapes.length - bad.length} of ${shapes.length} conv outputs have the size (W − F + 2P)/S + 1 and ` +
      `depth K = ${p.filters}` +
      (bad.length
        ? `; the others do not (e.g. ${bad[0].setting}, W=${bad[0].w}: ${bad[0].out.join("×")}, the formula ` +
          `gives ${fmt(outputSize(bad[0]))}×${fmt(outputSize(bad[0]))}×${p.filters}).`
        : ".") +
      (sameUsed.length
        ? ` For F=5, S=2 no symmetric P fits an even W (W − 5 + 2P is odd); there the library's 'same' padding ` +
          `fits by padding asymmetrically (total ${sameUsed[0].padTotal} for W=${sameUsed[0].w}).`
        : ""),
  };
}

function a2(runs: Runs) {
  const counts = runs[0].data.a2;
  const bad = counts.filter((c) =>
    c.counted !== c.f * c.f * c.depthIn * c.filters + c.filters ||
    c.kernelShape.join() !== [c.f, c.f, c.depthIn, c.filters].join() || c.biasShape.join() !== String(c.filters)
  );
  return {
    pass: bad.length === 0,
    measured: counts.map((c) => c.counted),
    expected: counts.map((c) => c.f * c.f * c.depthIn * c.filters + c.filters),
    tolerance: "exact; kernel shape [F, F, D_in, K] and bias shape [K]",
    summary:
      `${counts.length - bad.length} of ${counts.length} built conv2d layers (F ∈ {${
        [...new Set(counts.map((c) => c.f))].join(", ")
      }}, D_in ∈ {${[...new Set(counts.map((c) => c.depthIn))].join(", ")}}, K ∈ {${
        [...new Set(counts.map((c) => c.filters))].join(", ")
      }}) have F·F·D_in·K weights and K biases` + (bad.length
        ? `; the others do not (e.g. F=${bad[0].f}, D_in=${bad[0].depthIn}, K=${bad[0].filters}: ${bad[0].counted} ` +
          `parameters, kernel [${bad[0].kernelShape.join(", ")}], the formula gives ${
            bad[0].f * bad[0].f * bad[0].depthIn * bad[0].filters + bad[0].filters
          }).`
        : "."),
  };
}

/** The level of A5's sign test over seeds. */
export const A5_LEVEL = 0.05;

function a5(runs: Runs, p: P): Verdict {
  const steps = (r: LayersData["a5"]["plain"]) => r.reachedAt ?? Infinity;
  const t = signTest(runs, (d) => steps(d.a5.batchNorm) < steps(d.a5.plain), A5_LEVEL);
  const show = (f: (d: LayersData) => number | null) => runs.map((r) => f(r.data) ?? `> ${p.maxSteps}`).join(", ");
  const last = (k: "plain" | "batchNorm") => fmt(mean(runs.map((r) => mean(r.data.a5[k].losses.slice(-p.window)))));
  return {
    pass: t.pass,
    ...(t.inconclusive ? { inconclusive: t.inconclusive } : {}),
    measured: {
      "steps without BatchNorm": show((d) => d.a5.plain.reachedAt),
      "steps with BatchNorm": show((d) => d.a5.batchNorm.reachedAt),
      "sign test p-value": Number(fmt(t.pValue, 3)),
      ...t.perSeed,
    },
    expected: "fewer steps with BatchNorm",
    tolerance: t.rule,
    summary: `[(conv, ReLU)×${p.convN}, Pool]×${p.convFilters.length}, (FC, ReLU)×${p.fc.length}, softmax on ` +
      `${p.trainSize} digits: reaching a training loss of ${p.target} took ${show((d) => d.a5.plain.reachedAt)} ` +
      `steps without BatchNorm and ${show((d) => d.a5.batchNorm.reachedAt)} with it (same init, lr ${p.lr}); ` +
      `BatchNorm was faster in ${t.held} of ${t.total} seeds (sign test p = ${fmt(t.pValue, 3)}` +
      (t.inconclusive
        ? `; inconclusive: ${t.inconclusive}). `
        : t.pass
        ? ` ≤ ${A5_LEVEL}: faster with BatchNorm). `
        : ` > ${A5_LEVEL}: not shown to be faster). `) +
      `Mean loss of the last ${p.window} steps run: ${last("plain")} vs ${last("batchNorm")}.`,
  };
}

/** Budgets that keep a layer falsifier's point while skipping A5's training (A5 is not judged there). */
const CHEAP = { maxSteps: "1", bnBatches: "2" };
/** A falsifier's fields for fault `name`: on one seed at the cheap budgets, or (`full`) at the profile's. */
const fault = (name: keyof typeof F, full = false) => ({
  description: F[name],
  set: { fault: name, ...(full ? {} : CHEAP) },
  ...(full ? {} : { seeds: 1 }),
});
const PAD_TWICE: Falsifier = { name: "padded twice", ...fault("pad-twice") };
const DEPTH_1: Falsifier = { name: "input depth forgotten", ...fault("depth-1") };
const BN_AXES: Falsifier = { name: "BatchNorm over channels-first axes", ...fault("bn-channels-first") };
const NEVER_UPDATED: Falsifier = {
  name: "running averages never updated",
  description: "BatchNorm with momentum 1: the running mean and variance keep their start values (0 and 1), so " +
    "inference normalizes with them instead of averages of the batches' statistics",
  set: { bnMomentum: "1", maxSteps: "1" },
  seeds: 1,
};
const BN_INFERENCE: Falsifier = {
  name: "BatchNorm in inference mode while training",
  ...fault("bn-inference-in-training", true),
};

/** The claims A1–A5. */
export const layersClaims: Claim<LayersData, P>[] = [
  {
    id: "A1",
    kind: "value",
    statement: "A conv layer's output is ((W − F + 2P)/S + 1) wide and high and K deep, for the slide's settings " +
      "(F, S, P) = (3, 1, 1), (5, 1, 2), (5, 2, whatever fits), (1, 1, 0).",
    falsifiers: [PAD_TWICE],
    check: a1,
  },
  {
    id: "A2",
    kind: "value",
    statement: "A conv layer has F·F·D_in·K weights and K biases.",
    falsifiers: [DEPTH_1],
    check: a2,
  },
  {
    id: "A3",
    kind: "behaviour",
    statement: "Batch-, Layer-, Instance- and GroupNorm normalize over the axes of Wu & He's figure (mean 0, " +
      "variance 1 per set); Instance = Group with G = C, Layer = Group with G = 1.",
    falsifiers: [BN_AXES],
    check: a3,
  },
  {
    id: "A4",
    kind: "behaviour",
    statement: "In training mode BatchNorm's output for a sample depends on the rest of the batch; in inference " +
      "mode (running statistics) it does not: training adds randomness, testing averages.",
    falsifiers: [NEVER_UPDATED],
    check: a4,
  },
  {
    id: "A5",
    kind: "statistical",
    statement: "A classic [(conv, ReLU)*N, Pool]*M, (FC, ReLU)*K, softmax net with BatchNorm after conv reaches a " +
      "target training loss in fewer steps than without it.",
    falsifiers: [BN_INFERENCE],
    check: a5,
  },
];
