/**
 * The claims E1–E5 of the augmentation experiment and their checks.
 * @module
 */
import type { Claim, SeedRun } from "../../lib/experiment.ts";
import { fmt, mean, record, seedsFraction } from "../../lib/checks.ts";
import type { SixNineResult } from "./six_nine.ts";
import { ttaInterval } from "./paired.ts";
import type { P } from "./params.ts";
import type { AugData } from "./types.ts";

/** The claims E1–E5: label preservation, what each augmentation does, and the gains of augmentation and TTA. */
export const augmentationClaims: Claim<AugData, P>[] = [
  {
    id: "E1",
    kind: "behaviour",
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
        summary: `Flipping twice returns the image exactly. The 6-vs-9 classifier scores ${fmt(a.original)} on ` +
          `upright digits, ${fmt(a.hflip)} on h-flipped, ${fmt(a.vflip)} on v-flipped and ${fmt(a.rot180)} on ` +
          `180°-rotated ones: vertical flips and large rotations change the label.`,
      };
    },
  },
  {
    id: "E2",
    kind: "behaviour",
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
      const pass = identity === 0 && cropRange && scaleErr <= 0.05 && jitterErr <= 1e-3 && inRange && eig <= 1e-9 &&
        spread <= 1e-5 && alphaErr <= 1e-3 && used >= 1;
      return {
        pass,
        measured: record([
          ["crop at zoom 1: max |out − in|", identity],
          ["crop output inside input range", cropRange],
          ["centred zoom: mean |r_out/r_in / z − 1|", scaleErr],
          ["jitter: max error of recovered brightness/contrast", jitterErr],
          ["jitter and PCA outputs in [0, 1]", inRange],
          ["eigen-solve: max residual", eig],
          ["PCA: max spread of the per-image offset", spread],
          ["PCA: max |recovered α − sampled α|", alphaErr],
        ]),
        expected: record([
          ["crop at zoom 1: max |out − in|", 0],
          ["crop output inside input range", true],
          ["centred zoom: mean |r_out/r_in / z − 1|", "≤ 0.05"],
          ["jitter: max error of recovered brightness/contrast", "≤ 1e-3"],
          ["jitter and PCA outputs in [0, 1]", true],
          ["eigen-solve: max residual", "≤ 1e-9"],
          ["PCA: max spread of the per-image offset", "≤ 1e-5"],
          ["PCA: max |recovered α − sampled α|", "≤ 1e-3"],
        ]),
        tolerance: "float32 rounding for exact identities; 5% for the measured scale (bilinear blur); every seed",
        summary: `Crops and scales stay in the input's range and scale the digit's radius by the zoom within ` +
          `${fmt(scaleErr * 100)}%; jitter's brightness and contrast are recovered within ${fmt(jitterErr)}; PCA ` +
          `offsets (eigenvalues ${d[0].pca.eigenvalues.map((v) => fmt(v)).join(", ")}, α std ${p.alphaStd}) are ` +
          `constant per image within ${fmt(spread)} and give back the sampled α within ${fmt(alphaErr)}.`,
      };
    },
  },
  {
    id: "E3",
    kind: "behaviour",
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
          `${fmt(smooth)} px on average against ${
            fmt(iid)
          } px for unsmoothed offsets; zero offsets give the input back ` +
          `exactly and the output stays in the input's range.`,
      };
    },
  },
  {
    id: "E4",
    kind: "statistical",
    statement: "With a small training set, training with augmentation (random crops and scales, rotations, elastic " +
      "deformation) gives higher held-out accuracy than training without.",
    check(runs, p) {
      const size = Math.min(...p.trainSizes);
      const at = (r: SeedRun<AugData>) => r.data.sizes.find((s) => s.size === size)!;
      const rule = seedsFraction(runs, (_d, seed) => {
        const s = at(runs.find((r) => r.seed === seed)!);
        return s.accAug > s.accNone;
      }, 0.8);
      const gain = mean(runs.map((r) => at(r).accAug - at(r).accNone));
      return {
        pass: rule.pass && gain > 0,
        measured: record([
          ["accuracy without", mean(runs.map((r) => at(r).accNone))],
          ["accuracy with augmentation", mean(runs.map((r) => at(r).accAug))],
          ["mean gain", gain],
          ["seeds improved", `${rule.held} of ${rule.total}`],
        ]),
        expected: "augmented > plain",
        tolerance: `${rule.rule}; mean gain > 0; ${size} training digits, ${p.testSize} held out`,
        summary: `On ${size} training digits, augmentation raises held-out accuracy by ${fmt(gain * 100)} points on ` +
          `average (${rule.held} of ${rule.total} seeds).`,
      };
    },
  },
  {
    id: "E5",
    kind: "statistical",
    statement: "Test-time augmentation (n augmented copies, predictions averaged) does not hurt and often improves " +
      "accuracy, at about n times the inference cost. Judged for mild copies (ttaStrength × the training ranges) " +
      "of the model trained with augmentation.",
    check(runs, p) {
      const ci = ttaInterval(runs, "augmented");
      const often = seedsFraction(runs, (d) => d.tta.augmented.accTta > d.tta.augmented.accPlain, 0.5);
      const full = ttaInterval(runs, "fullStrength");
      const fwd = mean(runs.map((r) => r.data.tta.augmented.ms.ttaForward / r.data.tta.augmented.ms.plainForward));
      const all = mean(runs.map((r) => {
        const m = r.data.tta.augmented.ms;
        return (m.ttaForward + m.augment) / m.plainForward;
      }));
      const n = p.ttaCopies;
      const costOk = fwd >= n / 2 && fwd <= 2 * n;
      return {
        pass: ci.lo >= -0.01 && often.pass && costOk,
        measured: record([
          ["accuracy delta (TTA − plain)", ci.mean],
          ["95% CI low", ci.lo],
          ["95% CI high", ci.hi],
          ["seeds improved", `${often.held} of ${often.total}`],
          ["forward-pass cost ratio", fwd],
          ["cost ratio with making the copies", all],
          ["delta at full training strength (not judged)", full.mean],
        ]),
        expected: record([
          ["accuracy delta (TTA − plain)", "≥ 0"],
          ["95% CI low", "≥ −0.01"],
          ["95% CI high", null],
          ["seeds improved", "≥ half"],
          ["forward-pass cost ratio", `≈ n = ${n} (within ×2)`],
          ["cost ratio with making the copies", null],
          ["delta at full training strength (not judged)", null],
        ]),
        tolerance: `95% normal CI of paired per-image differences pooled over seeds, its low end ≥ −1 point; ` +
          `${often.rule}; forward cost within [n/2, 2n], best of 7 alternating timings`,
        summary: `With n = ${n} copies at ${p.ttaStrength}× the training ranges, the model trained with augmentation ` +
          `changes accuracy by ${fmt(ci.mean * 100)} points (95% CI ${fmt(ci.lo * 100)} to ${fmt(ci.hi * 100)}); at ` +
          `full training strength by ${fmt(full.mean * 100)} points. The n forward passes cost ${fmt(fwd)}× a plain ` +
          `one, ${fmt(all)}× with making the copies (tiny net: augmenting costs more than predicting).`,
      };
    },
  },
];
