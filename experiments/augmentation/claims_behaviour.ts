/**
 * The behaviour claims E1–E3 of the augmentation experiment: label preservation of flips and
 * rotations, what crops, scales, colour jitter and PCA colour do (against the claimed distributions
 * and the training pixels), and elastic deformation.
 * @module
 */
import type { Claim } from "../../lib/experiment.ts";
import { fmt, mean, record } from "../../lib/checks.ts";
import type { SixNineResult } from "./six_nine.ts";
import { ksCritical } from "./fit_checks.ts";
import { E1_FALSIFIERS, E2_FALSIFIERS, E3_FALSIFIERS } from "./falsifiers.ts";
import type { P } from "./params.ts";
import type { AugData } from "./types.ts";

/** The claims E1–E3. */
export const behaviourClaims: Claim<AugData, P>[] = [
  {
    id: "E1",
    kind: "behaviour",
    falsifiers: E1_FALSIFIERS,
    statement: "Horizontal flip is an involution and preserves labels; vertical flips and rotations are not " +
      "label-preserving for every dataset: a 6-vs-9 classifier's accuracy on v-flipped or 180°-rotated digits " +
      "falls below chance (a 6 becomes a 9), on h-flipped digits it stays high.",
    check(runs) {
      const acc = (k: keyof SixNineResult["accuracy"]) => mean(runs.map((r) => r.data.e1.accuracy[k]));
      const inv = Math.max(
        ...runs.map((r) => Math.max(r.data.e1.involution.horizontal, r.data.e1.involution.vertical)),
      );
      const rot = Math.max(...runs.map((r) => r.data.e1.rotation180VsFlips));
      const a = { original: acc("original"), hflip: acc("hflip"), vflip: acc("vflip"), rot180: acc("rot180") };
      const pass = inv === 0 && rot <= 1e-5 && a.original >= 0.9 && a.hflip >= 0.75 && a.vflip < 0.5 &&
        a.rot180 < 0.5;
      return {
        pass,
        measured: record([
          ["max |flip(flip(x)) − x|", inv],
          ["max |rot180 − vflip∘hflip|", rot],
          ["accuracy original", a.original],
          ["accuracy h-flip", a.hflip],
          ["accuracy v-flip", a.vflip],
          ["accuracy rot 180°", a.rot180],
        ]),
        expected: record([
          ["max |flip(flip(x)) − x|", 0],
          ["max |rot180 − vflip∘hflip|", "≤ 1e-5"],
          ["accuracy original", "≥ 0.9"],
          ["accuracy h-flip", "≥ 0.75 (label kept)"],
          ["accuracy v-flip", "< 0.5 (below chance: label swapped)"],
          ["accuracy rot 180°", "< 0.5"],
        ]),
        tolerance:
          "flips exact; rotation by 180° equal to both flips within float32 rounding; accuracies mean over seeds",
        summary:
          (inv === 0
            ? "Flipping twice returns the image exactly. "
            : `Flipping twice does not return the image (max difference ${
              fmt(inv)
            }): the flip is not an involution. `) +
          (rot <= 1e-5 ? "" : `Rotating by 180° differs from both flips by up to ${fmt(rot)}. `) +
          `The 6-vs-9 classifier scores ${fmt(a.original)} on ` +
          `upright digits, ${fmt(a.hflip)} on h-flipped, ${fmt(a.vflip)} on v-flipped and ${fmt(a.rot180)} on ` +
          `180°-rotated ones` +
          (a.vflip < 0.5 && a.rot180 < 0.5
            ? ": vertical flips and large rotations change the label."
            : ": vertical flips and large rotations do not fall below chance here."),
      };
    },
  },
  {
    id: "E2",
    kind: "behaviour",
    falsifiers: E2_FALSIFIERS,
    statement: "Random crops and scales and colour jitter (brightness, contrast) give valid images in [0, 1] and do " +
      "what they say; PCA colour augmentation adds to every pixel of an image one offset along the principal " +
      "components of the training set's 3×3 RGB covariance, with the sampled magnitudes.",
    check(runs, p) {
      const d = runs.map((r) => r.data);
      const worst = (f: (x: AugData) => number) => Math.max(...d.map(f));
      const identity = worst((x) => x.crop.identityDiff);
      const cropRange = d.every((x) =>
        x.crop.output.min >= x.crop.input.min - 1e-6 && x.crop.output.max <= x.crop.input.max + 1e-6
      );
      const scaleErr = mean(d.map((x) => x.crop.meanScaleError));
      const jitterErr = worst((x) => x.jitter.maxParamError);
      const inRange = d.every((x) => [x.jitter.output, x.pca.output].every((o) => o.min >= 0 && o.max <= 1));
      const eig = worst((x) => Math.max(x.pca.residual, x.pca.orthonormality));
      const spread = worst((x) => x.pca.offsetSpread), alphaErr = worst((x) => x.pca.maxAlphaError);
      const used = Math.min(...d.map((x) => x.pca.imagesUsed));
      // The crop sampler as the pipeline configures it, against the claimed distribution (KS at level 0.001).
      const ks = worst((x) => Math.max(x.sampler.zoomKs, x.sampler.shiftKs));
      const ksCrit = Math.min(...d.map((x) => ksCritical(x.sampler.draws, 0.001)));
      const outside = d.reduce((s, x) => s + x.sampler.outsideClaimed, 0);
      // The sampled jitter ranges: inside the claimed ones and reaching them (P(max < q·range) = qⁿ = 0.001).
      const q = 0.001 ** (1 / p.checkImages);
      const jb = worst((x) => x.jitter.sampledMaxBrightness), jc = worst((x) => x.jitter.sampledMaxContrast);
      const jbLo = Math.min(...d.map((x) => x.jitter.sampledMaxBrightness));
      const jcLo = Math.min(...d.map((x) => x.jitter.sampledMaxContrast));
      const jitterRanges = jb <= p.maxBrightness + 1e-9 && jc <= p.maxContrast + 1e-9 &&
        jbLo >= q * p.maxBrightness && jcLo >= q * p.maxContrast;
      // The PCA fit against the covariance of the training pixels, measured by the check's own code.
      const fit = worst((x) => Math.max(x.pcaFit.reconstruction, x.pcaFit.residual));
      const parts = {
        crops: identity === 0 && cropRange && scaleErr <= 0.05 && ks <= ksCrit && outside === 0,
        jitter: jitterErr <= 1e-3 && jitterRanges,
        range: inRange,
        pca: fit <= 1e-9 && eig <= 1e-9 && spread <= 1e-5 && alphaErr <= 1e-3 && used >= 1,
      };
      const pass = Object.values(parts).every(Boolean);
      const failed = Object.entries(parts).filter(([, ok]) => !ok).map(([k]) => k);
      return {
        pass,
        measured: record([
          ["crop at zoom 1: max |out − in|", identity],
          ["crop output inside input range", cropRange],
          ["centred zoom: mean |r_out/r_in / z − 1|", scaleErr],
          ["crop sampler: max KS distance (log zoom, shift)", ks],
          ["crop sampler: draws outside the claimed ranges", outside],
          ["jitter: sampled max |brightness|, |contrast − 1|", `${fmt(jb)}, ${fmt(jc)}`],
          ["jitter: max error of recovered brightness/contrast", jitterErr],
          ["jitter and PCA outputs in [0, 1]", inRange],
          ["eigen-solve: max residual", eig],
          ["PCA vs training pixels' covariance: max error / trace", fit],
          ["PCA: max spread of the per-image offset", spread],
          ["PCA: max |recovered α − sampled α|", alphaErr],
        ]),
        expected: record([
          ["crop at zoom 1: max |out − in|", 0],
          ["crop output inside input range", true],
          ["centred zoom: mean |r_out/r_in / z − 1|", "≤ 0.05"],
          ["crop sampler: max KS distance (log zoom, shift)", `≤ ${fmt(ksCrit)} (level 0.001)`],
          ["crop sampler: draws outside the claimed ranges", 0],
          [
            "jitter: sampled max |brightness|, |contrast − 1|",
            `in [${fmt(q * p.maxBrightness)}, ${p.maxBrightness}], [${fmt(q * p.maxContrast)}, ${p.maxContrast}]`,
          ],
          ["jitter: max error of recovered brightness/contrast", "≤ 1e-3"],
          ["jitter and PCA outputs in [0, 1]", true],
          ["eigen-solve: max residual", "≤ 1e-9"],
          ["PCA vs training pixels' covariance: max error / trace", "≤ 1e-9"],
          ["PCA: max spread of the per-image offset", "≤ 1e-5"],
          ["PCA: max |recovered α − sampled α|", "≤ 1e-3"],
        ]),
        tolerance: "float32 rounding for exact identities; 5% for the measured scale (bilinear blur); the crop " +
          `sampler's ${d[0].sampler.draws} draws: KS distances from log-uniform zoom in [${p.zoom.join(", ")}] and ` +
          `shift uniform in ±((size − size/zoom)/2 + ${p.pad}) at level 0.001; the PCA's λ_k, p_k against the ` +
          `covariance of the ${d[0].pcaFit.pixels} training pixels, recomputed in float64; every seed`,
        parts,
        summary:
          (pass
            ? `Crops and scales stay in the input's range, follow the claimed zoom and shift distributions (KS ` +
              `${fmt(ks)}) and scale the digit's radius by the zoom within ${fmt(scaleErr * 100)}%; `
            : `Fails in ${failed.join(", ")}: crop sampler KS ${fmt(ks)} (limit ${fmt(ksCrit)}), ${outside} draws ` +
              `outside the claimed ranges, scale error ${fmt(scaleErr * 100)}%; `) +
          `jitter's brightness and contrast are recovered within ${fmt(jitterErr)} (sampled up to ${fmt(jb)} and ` +
          `${fmt(jc)} against ±${p.maxBrightness}, 1 ± ${p.maxContrast}); the PCA's eigen-decomposition is ` +
          `${fmt(fit)} (relative) from the training pixels' covariance (eigenvalues ` +
          `${d[0].pca.eigenvalues.map((v) => fmt(v)).join(", ")}, α std ${p.alphaStd}); offsets are constant per ` +
          `image within ${fmt(spread)} and give back the sampled α within ${fmt(alphaErr)}.`,
      };
    },
  },
  {
    id: "E3",
    kind: "behaviour",
    falsifiers: E3_FALSIFIERS,
    statement: "Elastic deformation (grid size, Gaussian offsets, bicubic interpolation): zero offsets are the " +
      "identity; the displacement field passes through the grid offsets and is smooth; the content moves more " +
      "with larger offsets, and the values stay within the input's range.",
    check(runs, p) {
      const d = runs.map((r) => r.data.elastic);
      const identity = Math.max(...d.map((e) => e.identityDiff));
      const nodes = d.map((e) => e.nodeError).filter((x): x is number => x !== null);
      const nodeErr = nodes.length ? Math.max(...nodes) : null;
      const smooth = mean(d.map((e) => e.smoothDiff)), iid = mean(d.map((e) => e.iidDiff));
      const bound = (2 * p.sigma) / d[0].spacing;
      const range = d.every((e) => e.output.min >= e.input.min - 1e-6 && e.output.max <= e.input.max + 1e-6);
      const moves = d.every((e) => e.meanChange[0] === 0 && e.meanChange[1] > 0 && e.meanChange[2] > e.meanChange[1]);
      const pass = identity === 0 && (nodeErr === null || nodeErr <= 1e-4) && smooth <= bound &&
        smooth <= 0.25 * iid && range && moves;
      return {
        pass,
        measured: record([
          ["zero offsets: max |out − in|", identity],
          ["field at grid nodes: max |d − offset|", nodeErr],
          ["mean neighbour difference of the field (px)", smooth],
          ["same for unsmoothed N(0, σ²) offsets per pixel", iid],
          ["output inside input range", range],
          ["mean |out − in| at 0, σ, 2σ", d[0].meanChange.map((x) => fmt(x)).join(", ")],
        ]),
        expected: record([
          ["zero offsets: max |out − in|", 0],
          ["field at grid nodes: max |d − offset|", "≤ 1e-4 (when nodes fall on pixels)"],
          ["mean neighbour difference of the field (px)", `≤ 2σ/spacing = ${fmt(bound)} and ≤ ¼ of unsmoothed`],
          ["same for unsmoothed N(0, σ²) offsets per pixel", `≈ 2σ/√π = ${fmt((2 * p.sigma) / Math.sqrt(Math.PI))}`],
          ["output inside input range", true],
          ["mean |out − in| at 0, σ, 2σ", "0, then increasing"],
        ]),
        tolerance: "exact identity; float32 rounding at the nodes; smoothness bounds as stated; every seed",
        summary:
          `With a ${p.grid}×${p.grid} grid and σ = ${p.sigma} px, neighbouring pixels' displacements differ by ` +
          `${fmt(smooth)} px on average against ${fmt(iid)} px for unsmoothed offsets` +
          (smooth <= bound && smooth <= 0.25 * iid ? " (smooth)" : ` (not smooth: limits ${fmt(bound)} and ¼ of it)`) +
          `; zero offsets change the input by at most ${fmt(identity)}, the output ` +
          (range ? "stays in" : "leaves") + " the input's range" +
          (moves ? " and the content moves more with larger offsets." : "; the content does not move as claimed."),
      };
    },
  },
];
