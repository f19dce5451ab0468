/**
 * The checks of the normalization claims: A3 (the four norms standardize over the sets of Wu & He's figure)
 * and A4 (BatchNorm: training depends on the batch, inference does not, and the running averages make the
 * inference output the average of the training outputs).
 * @module
 */
import type { SeedRun, Verdict } from "../../lib/experiment.ts";
import { fmt, isMonotone, record } from "../../lib/checks.ts";
import { type NormName, NORMS, poolKey } from "./norms.ts";
import type { LayersData } from "./types.ts";

type Runs = readonly SeedRun<LayersData>[];

/** Tolerances of A3: float32 normalization of O(1) values, and ε/σ² for the variance. */
const MEAN_TOL = 1e-3, VAR_TOL = 1e-2, EQUAL_TOL = 1e-4;
/**
 * A4 "testing averages": the RMS of (mean of the training-mode outputs over the random batches − the
 * inference output) at most this fraction of the output's RMS. It leaves room for the running averages'
 * own noise (momentum 0.9: about the last 10 batches) and E[1/σ_B] ≠ 1/σ at small batches (≤ 0.04 measured).
 */
export const TEST_AVERAGE_TOL = 0.1;

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

/** A3: per-set mean 0 / var 1 exactly where the figure says, a perturbation confined to its set, the equalities. */
export function a3(runs: Runs): Verdict {
  const wrongStats: string[] = [], wrongReach: string[] = [];
  let equalities = true, library = true;
  for (const { data: { a3 } } of runs) {
    const [n, , , c] = a3.shape;
    for (const norm of NORMS) {
      for (const pool of NORMS) {
        const s = a3.stats[norm][pool];
        const holds = s.maxAbsMean <= MEAN_TOL && s.maxVarDev <= VAR_TOL;
        if (holds !== expectedHolds(norm, pool, n, c, a3.groups)) wrongStats.push(`${norm} over ${pool}'s axes`);
      }
      const mapOk = a3.changed[norm].every((row, i) =>
        row.every((ch, k) => ch === (poolKey(norm, i, k, c, a3.groups) === poolKey(norm, 0, 0, c, a3.groups)))
      );
      if (!mapOk) wrongReach.push(norm);
    }
    equalities &&= Math.max(a3.instanceVsGroupC, a3.layerVsGroup1) <= EQUAL_TOL;
    library &&= Math.max(a3.libraryBatch, a3.libraryLayer) <= EQUAL_TOL;
  }
  const parts = {
    "standardized over the figure's sets": wrongStats.length === 0,
    "a perturbation confined to its set": wrongReach.length === 0,
    "Instance = Group(G=C), Layer = Group(G=1)": equalities,
    "equal to the library's BatchNorm and LayerNorm": library,
  };
  const pass = Object.values(parts).every(Boolean);
  const d = runs[0].data.a3;
  const own = (norm: NormName) => d.stats[norm][norm];
  const unique = (xs: string[]) => [...new Set(xs)];
  const mismatches = [
    ...unique(wrongStats),
    ...unique(wrongReach).map((n) => `${n}: perturbation reached other cells`),
  ];
  return {
    pass,
    parts,
    measured: record([
      ...NORMS.map((n) => [`${n}: max |mean| over its sets`, own(n).maxAbsMean] as [string, number]),
      ...NORMS.map((n) => [`${n}: max |var − 1| over its sets`, own(n).maxVarDev] as [string, number]),
      ["max |Instance − Group(G=C)|", d.instanceVsGroupC],
      ["max |Layer − Group(G=1)|", d.layerVsGroup1],
      ["max |ours − tf.layers.batchNormalization|", d.libraryBatch],
      ["max |ours − tf.layers.layerNormalization|", d.libraryLayer],
      ["mismatches", mismatches.length ? mismatches.join("; ") : "none"],
    ]),
    expected: "mean 0, var 1 over the sets each norm's own axes define (and their unions), not over others; equalities",
    tolerance: `|mean| ≤ ${MEAN_TOL}, |var − 1| ≤ ${VAR_TOL} (ε/σ²); equal outputs within ${EQUAL_TOL}; every seed`,
    summary: `On ${d.shape.join("×")} feature maps of real digits, ` +
      (pass
        ? `each norm gives mean 0 / var 1 over its own axes (largest |mean| ${
          fmt(Math.max(...NORMS.map((n) => own(n).maxAbsMean)))
        }) and not over the others' unless they are unions of its sets; Instance = Group(G=C) within ${
          fmt(d.instanceVsGroupC)
        }, Layer = Group(G=1) within ${fmt(d.layerVsGroup1)}; a perturbed input reaches only the cells of its set.`
        : `the norms do not all normalize over the sets of Wu & He's figure. Failed: ${
          Object.entries(parts).filter(([, ok]) => !ok).map(([k]) => k).join("; ")
        } (${mismatches.length ? `mismatches: ${mismatches.slice(0, 4).join("; ")}; ` : ""}max |ours − library ` +
          `BatchNorm| ${fmt(d.libraryBatch)}, |Instance − Group(G=C)| ${fmt(d.instanceVsGroupC)}).`),
  };
}

/** A4: BatchNorm's training output depends on the batch, its inference output does not and averages the training ones. */
export function a4(runs: Runs): Verdict {
  const all = runs.flatMap(({ data }) => data.a4);
  const rel = (r: LayersData["a4"][number]) => r.pattern.gap / r.pattern.outputRms;
  const parts = {
    "training depends on the batch": runs.every(({ data }) =>
      data.a4.every((r) => r.pattern.trainSpread > 1e-3 * r.pattern.outputRms) &&
      isMonotone(data.a4.map((r) => r.pattern.trainSpread / r.pattern.outputRms), "decreasing")
    ),
    "inference does not": all.every((r) => r.pattern.inferenceMaxDiff <= 1e-6),
    "the layer is BatchNorm": all.every((r) => r.pattern.definitionMaxDiff <= EQUAL_TOL),
    "testing averages": all.every((r) => rel(r) <= TEST_AVERAGE_TOL),
  };
  const pass = Object.values(parts).every(Boolean);
  const d = runs[0].data.a4;
  const worst = Math.max(...all.map(rel));
  const spreads = d.map((r) => fmt(r.pattern.trainSpread / r.pattern.outputRms)).join(", ");
  const failed = Object.entries(parts).filter(([, ok]) => !ok).map(([k]) => k);
  return {
    pass,
    parts,
    measured: record([
      ...d.map((r) =>
        [`batch ${r.batch}: training spread / output RMS`, r.pattern.trainSpread / r.pattern.outputRms] as [
          string,
          number,
        ]
      ),
      ...d.map((r) => [`batch ${r.batch}: inference max difference`, r.pattern.inferenceMaxDiff] as [string, number]),
      ...d.map((r) => [`batch ${r.batch}: |mean training − inference| / output RMS`, rel(r)] as [string, number]),
      ["max |layer − definition| (training)", Math.max(...d.map((r) => r.pattern.definitionMaxDiff))],
    ]),
    expected: record([
      ["training spread", "> 0.001 of the output, shrinking as the batch grows"],
      ["inference difference", 0],
      ["mean training − inference", `≤ ${TEST_AVERAGE_TOL} of the output RMS`],
    ]),
    tolerance: `every seed and batch size; inference difference ≤ 1e-6; layer = (x − μ_B)/sqrt(σ²_B + ε) within ` +
      `${EQUAL_TOL}; testing averages: RMS(mean of the training outputs − inference output) ≤ ${TEST_AVERAGE_TOL} ` +
      "of the output RMS",
    summary: `The same digit's normalized features spread by ${spreads} of the output across random batches of ` +
      `${d.map((r) => r.batch).join(", ")} in training mode; in inference mode they differ by at most ${
        fmt(Math.max(...all.map((r) => r.pattern.inferenceMaxDiff)))
      }; the mean of the training outputs is ${fmt(worst)} × the output RMS (at most) from the inference output. ` +
      (pass
        ? "Training adds randomness (less with larger batches); testing, with the running averages, averages it out."
        : `Failed: ${failed.join(", ")}.`),
  };
}
