/**
 * The checks of the layers family (A1–A5), each computed from the run's own numbers.
 * @module
 */
import type { Claim, SeedRun } from "../../lib/experiment.ts";
import { fmt, isMonotone, mean, record, seedsFraction } from "../../lib/checks.ts";
import { type NormName, NORMS, poolKey } from "./norms.ts";
import type { ConvSetting, ConvShape } from "./measure.ts";
import type { P } from "./params.ts";
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

/** Tolerances of A3: float32 normalization of O(1) values, and ε/σ² for the variance. */
const MEAN_TOL = 1e-3, VAR_TOL = 1e-2, EQUAL_TOL = 1e-4;

/** Whether `norm`'s output should have mean 0 / var 1 over the sets of `pool`: each of norm's sets lies inside one of pool's. */
export function expectedHolds(norm: NormName, pool: NormName, n: number, c: number, groups: number): boolean {
  const map = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < c; k++) {
      const a = poolKey(norm, i, k, c, groups), b = poolKey(pool, i, k, c, groups);
      if ((map.get(a) ?? b) !== b) return false;
      map.set(a, b);
    }
  }
  return true;
}

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
      `depth K = ${p.filters}.` +
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
    summary: `${counts.length - bad.length} of ${counts.length} built conv2d layers (F ∈ {${
      [...new Set(counts.map((c) => c.f))].join(", ")
    }}, D_in ∈ {${[...new Set(counts.map((c) => c.depthIn))].join(", ")}}, K ∈ {${
      [...new Set(counts.map((c) => c.filters))].join(", ")
    }}) have F·F·D_in·K weights and K biases.`,
  };
}

function a3(runs: Runs) {
  let pass = true;
  const wrong: string[] = [];
  for (const { data: { a3 } } of runs) {
    const [n, , , c] = a3.shape;
    for (const norm of NORMS) {
      for (const pool of NORMS) {
        const s = a3.stats[norm][pool];
        const holds = s.maxAbsMean <= MEAN_TOL && s.maxVarDev <= VAR_TOL;
        if (holds !== expectedHolds(norm, pool, n, c, a3.groups)) wrong.push(`${norm} over ${pool}'s axes`);
      }
      const mapOk = a3.changed[norm].every((row, i) =>
        row.every((ch, k) => ch === (poolKey(norm, i, k, c, a3.groups) === poolKey(norm, 0, 0, c, a3.groups)))
      );
      if (!mapOk) wrong.push(`${norm}: perturbation reached other cells than its set`);
    }
    pass &&= Math.max(a3.instanceVsGroupC, a3.layerVsGroup1, a3.libraryBatch, a3.libraryLayer) <= EQUAL_TOL;
  }
  const d = runs[0].data.a3;
  const own = (norm: NormName) => d.stats[norm][norm];
  return {
    pass: pass && wrong.length === 0,
    measured: record([
      ...NORMS.map((n) => [`${n}: max |mean| over its sets`, own(n).maxAbsMean] as [string, number]),
      ...NORMS.map((n) => [`${n}: max |var − 1| over its sets`, own(n).maxVarDev] as [string, number]),
      ["max |Instance − Group(G=C)|", d.instanceVsGroupC],
      ["max |Layer − Group(G=1)|", d.layerVsGroup1],
      ["max |ours − tf.layers.batchNormalization|", d.libraryBatch],
      ["max |ours − tf.layers.layerNormalization|", d.libraryLayer],
      ["mismatches", wrong.length ? wrong.join("; ") : "none"],
    ]),
    expected:
      "mean 0, var 1 exactly over the sets each norm's own axes define (and their unions), not over others; equalities",
    tolerance: `|mean| ≤ ${MEAN_TOL}, |var − 1| ≤ ${VAR_TOL} (ε/σ²); equal outputs within ${EQUAL_TOL}; every seed`,
    summary: `On ${d.shape.join("×")} feature maps of real digits, each norm gives mean 0 / var 1 exactly over its ` +
      `own axes (largest |mean| ${fmt(Math.max(...NORMS.map((n) => own(n).maxAbsMean)))}) and not over the others' ` +
      `unless they are unions of its sets; Instance = Group(G=C) within ${fmt(d.instanceVsGroupC)}, Layer = ` +
      `Group(G=1) within ${fmt(d.layerVsGroup1)}; a perturbed input reaches exactly the cells of its set.`,
  };
}

function a4(runs: Runs) {
  const rows = runs.map(({ data }) => {
    const spreads = data.a4.map((r) => r.pattern.trainSpread / r.pattern.outputRms);
    const ok = data.a4.every((r) =>
      r.pattern.trainSpread > 1e-3 * r.pattern.outputRms && r.pattern.inferenceMaxDiff <= 1e-6 &&
      r.pattern.definitionMaxDiff <= EQUAL_TOL
    ) && isMonotone(spreads, "decreasing");
    return { ok, spreads };
  });
  const d = runs[0].data.a4;
  return {
    pass: rows.every((r) => r.ok),
    measured: record([
      ...d.map((r) =>
        [`batch ${r.batch}: training spread / output RMS`, r.pattern.trainSpread / r.pattern.outputRms] as [
          string,
          number,
        ]
      ),
      ...d.map((r) => [`batch ${r.batch}: inference max difference`, r.pattern.inferenceMaxDiff] as [string, number]),
      ["max |layer − definition| (training)", Math.max(...d.map((r) => r.pattern.definitionMaxDiff))],
    ]),
    expected: record([
      ["training spread", "> 0.001 of the output, shrinking as the batch grows"],
      ["inference difference", 0],
    ]),
    tolerance: `every seed; inference difference ≤ 1e-6; layer = (x − μ_B)/sqrt(σ²_B + ε) within ${EQUAL_TOL}`,
    summary: `In training mode the same digit's normalized features change with the rest of the batch (spread ` +
      `${d.map((r) => fmt(r.pattern.trainSpread / r.pattern.outputRms)).join(", ")} of the output for batches of ` +
      `${
        d.map((r) => r.batch).join(", ")
      }); in inference mode, with running statistics, they are identical in every batch.`,
  };
}

function a5(runs: Runs, p: P) {
  const steps = (r: LayersData["a5"]["plain"]) => r.reachedAt ?? Infinity;
  const rule = seedsFraction(runs, (d) => steps(d.a5.batchNorm) < steps(d.a5.plain), 0.8);
  const show = (f: (d: LayersData) => number | null) => runs.map((r) => f(r.data) ?? `> ${p.maxSteps}`).join(", ");
  return {
    pass: rule.pass,
    measured: {
      "steps without BatchNorm": show((d) => d.a5.plain.reachedAt),
      "steps with BatchNorm": show((d) => d.a5.batchNorm.reachedAt),
      ...rule.perSeed,
    },
    expected: "fewer steps with BatchNorm",
    tolerance: rule.rule,
    summary: `[(conv, ReLU)×${p.convN}, Pool]×${p.convFilters.length}, (FC, ReLU)×${p.fc.length}, softmax on ` +
      `${p.trainSize} digits: reaching a training loss of ${p.target} took ${show((d) => d.a5.plain.reachedAt)} ` +
      `steps without BatchNorm and ${show((d) => d.a5.batchNorm.reachedAt)} with it (same init, lr ${p.lr}); ` +
      `BatchNorm was faster in ${rule.held} of ${rule.total} seeds. Mean loss of the last ${p.window} steps run: ${
        fmt(mean(runs.map((r) => mean(r.data.a5.plain.losses.slice(-p.window)))))
      } vs ${fmt(mean(runs.map((r) => mean(r.data.a5.batchNorm.losses.slice(-p.window)))))}.`,
  };
}

/** The claims A1–A5. */
export const layersClaims: Claim<LayersData, P>[] = [
  {
    id: "A1",
    kind: "value",
    statement: "A conv layer's output is ((W − F + 2P)/S + 1) wide and high and K deep, for the slide's settings " +
      "(F, S, P) = (3, 1, 1), (5, 1, 2), (5, 2, whatever fits), (1, 1, 0).",
    check: a1,
  },
  {
    id: "A2",
    kind: "value",
    statement: "A conv layer has F·F·D_in·K weights and K biases.",
    check: a2,
  },
  {
    id: "A3",
    kind: "behaviour",
    statement: "Batch-, Layer-, Instance- and GroupNorm normalize over the axes of Wu & He's figure (mean 0, " +
      "variance 1 per set); Instance = Group with G = C, Layer = Group with G = 1.",
    check: a3,
  },
  {
    id: "A4",
    kind: "behaviour",
    statement: "In training mode BatchNorm's output for a sample depends on the rest of the batch; in inference " +
      "mode (running statistics) it does not: training adds randomness, testing averages.",
    check: a4,
  },
  {
    id: "A5",
    kind: "statistical",
    statement: "A classic [(conv, ReLU)*N, Pool]*M, (FC, ReLU)*K, softmax net with BatchNorm after conv reaches a " +
      "target training loss in fewer steps than without it.",
    check: a5,
  },
];
