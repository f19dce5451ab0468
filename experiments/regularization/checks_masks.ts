/**
 * The checks of the mask claims D2–D5: the zeroed fraction, the single neuron, the expectation of vanilla,
 * inverted and the library's dropout — each judged at the keep probability p and at the asymmetric
 * `asymKeep` (at p = 0.5 a mask with keep and drop swapped is indistinguishable) — and the mask count.
 * @module
 */
import type { SeedRun, Verdict } from "../../lib/experiment.ts";
import { fmt, isClose, mean, record } from "../../lib/checks.ts";
import type { P } from "./params.ts";
import type { RegData } from "./types.ts";

type Runs = readonly SeedRun<RegData>[];
type At = Pick<RegData, "d2" | "d3" | "d4">;

/** The slide's exponent: 2^4096 ≈ 10^1233. */
export const LECTURE_MASK_EXPONENT = 1233;

const last = <T>(xs: readonly T[]) => xs[xs.length - 1];
/** The two keep probabilities and the data measured at each, per seed. */
const both = (r: SeedRun<RegData>, p: P): [number, At][] => [[p.keep, r.data], [r.data.asym.keep, r.data.asym]];
const pLabel = (keep: number) => `p = ${keep}`;

/** D2: every pass zeroes 1 − p of the units within 4 binomial sd, at both keep probabilities. */
export function d2(runs: Runs, p: P): Verdict {
  const n = p.maskUnits * p.maskBatch;
  const sd = (keep: number) => Math.sqrt(keep * (1 - keep) / n);
  const at = [p.keep, p.asymKeep].map((keep, j) => {
    const all = runs.flatMap((r) => {
      const d = both(r, p)[j][1].d2;
      return [...d.slides, ...d.library];
    });
    const bad = all.filter((f) => !isClose(f, 1 - keep, { abs: 4 * sd(keep) })).length;
    const lib = mean(runs.flatMap((r) => both(r, p)[j][1].d2.library));
    const slides = mean(runs.flatMap((r) => both(r, p)[j][1].d2.slides));
    return { keep, all, bad, lib, slides };
  });
  const pass = at.every((a) => a.bad === 0);
  const range = (a: typeof at[number]) =>
    `${fmt(Math.min(...a.all))}–${fmt(Math.max(...a.all))} at ${pLabel(a.keep)} (expected ${fmt(1 - a.keep)})`;
  return {
    pass,
    measured: record(at.flatMap((a) => [
      [`${pLabel(a.keep)}: mean fraction zeroed (slides' mask)`, a.slides],
      [`${pLabel(a.keep)}: mean fraction zeroed (tf.dropout)`, a.lib],
      [`${pLabel(a.keep)}: passes outside 4 sd`, a.bad],
    ])),
    expected: record(at.map((a) => [`${pLabel(a.keep)}: fraction zeroed`, 1 - a.keep])),
    tolerance: `every pass within 4 binomial sd of 1 − p (±${fmt(4 * sd(p.keep))} at ${pLabel(p.keep)}, ±${
      fmt(4 * sd(p.asymKeep))
    } at ${pLabel(p.asymKeep)}), for ${p.maskBatch}×${p.maskUnits} units, the slides' mask and tf.dropout`,
    summary:
      `Over ${at[0].all.length} forward passes per keep probability, the masks zeroed ${
        at.map(range).join(" and ")
      }: ` + (pass
        ? "every pass within 4 binomial sd of 1 − p."
        : `${
          at.map((a) => a.bad).reduce((x, y) =>
            x + y
          )
        } passes outside 4 binomial sd of 1 − p, so the masks do ` +
          "not drop units with probability 1 − p."),
  };
}

/** D3: the four masks give E[a] = p·(w1·x + w2·y), and Monte Carlo converges to it, at both keep probabilities. */
export function d3(runs: Runs, p: P): Verdict {
  const [w1, w2] = p.neuronW, [x, y] = p.neuronInput;
  const rows = runs.flatMap((r) =>
    both(r, p).map(([keep, at]) => {
      const d = at.d3, end = last(d.mc), formula = keep * (w1 * x + w2 * y);
      const z = (end.mean - formula) / (d.exactStd / Math.sqrt(end.samples));
      const sdRatio = end.stdErr * Math.sqrt(end.samples) / d.exactStd;
      const exactOk = isClose(d.exact, formula, { abs: 1e-5, rel: 1e-5 });
      const mcOk = Math.abs(z) <= 4 && d.exactStd > 0 && isClose(sdRatio, 1, { rel: 0.05 });
      return { keep, d, end, z, formula, exactOk, mcOk };
    })
  );
  const pass = rows.every((r) => r.exactOk && r.mcOk);
  const shown = rows.slice(0, 2);
  const half = (keep: number) => keep === 0.5 ? "½" : String(keep);
  const bad = rows.filter((r) => !(r.exactOk && r.mcOk));
  const worst = bad.reduce((a, b) => (Math.abs(b.z) > Math.abs(a.z) ? b : a), bad[0] ?? rows[0]);
  return {
    pass,
    measured: record(shown.flatMap(({ keep, d, end, z }) => [
      [`${pLabel(keep)}: E[a] over the 4 masks`, d.exact],
      ...d.masks.map((m) => [`${pLabel(keep)}: a, mask (${m.mask.join(",")})`, m.a] as [string, number]),
      [`${pLabel(keep)}: Monte Carlo, ${end.samples} masks`, end.mean],
      [`${pLabel(keep)}: MC error in standard errors`, z],
    ])),
    expected: record(shown.map((r) => [`${pLabel(r.keep)}: E[a] = p·(w1·x + w2·y)`, r.formula])),
    tolerance: "E[a] over the four masks within float32 rounding (1e-5) of p·(w1·x + w2·y); every seed and both " +
      "keep probabilities: the Monte-Carlo mean within 4 standard errors of it, and its estimated sd within ±5% " +
      "of the exact sd over masks",
    summary: `With w = (${w1}, ${w2}) and input (${x}, ${y}), ` +
      shown.map(({ keep, d, end, formula }) =>
        `at ${pLabel(keep)} the four masks give E[a] = ${fmt(d.exact)} (${half(keep)}·(w1·x + w2·y) = ${
          fmt(formula)
        }) and ${end.samples} random masks ${fmt(end.mean)} ± ${fmt(1.96 * end.stdErr)} (95%)`
      ).join("; ") +
      (pass
        ? ": the exact average is p·(w1·x + w2·y) and the Monte-Carlo mean is within 4 standard errors of it."
        : `. Failed in ${bad.length} of ${rows.length} (seed, p) cases (worst: ${pLabel(worst.keep)}, Monte-Carlo ` +
          `mean ${fmt(worst.z, 3)} standard errors from p·(w1·x + w2·y)${worst.exactOk ? "" : ", exact E[a] off"}), ` +
          "so the masks do not keep each input with probability p."),
  };
}

/** D4: the expectation of vanilla and inverted dropout, and tf.layers.dropout as inverted dropout, at both p. */
export function d4(runs: Runs, p: P): Verdict {
  const tol = 5 * Math.sqrt(2 / p.expectUnits);
  const zeroSd = (keep: number) => 4 * Math.sqrt(keep * (1 - keep) / p.expectUnits);
  const all = runs.flatMap((r) => both(r, p));
  const unbiased = (k: "vanilla" | "inverted") => all.every(([, at]) => Math.abs(at.d4.meanZ2[k] - 1) <= tol);
  const parts = {
    "vanilla unbiased": unbiased("vanilla"),
    "inverted unbiased": unbiased("inverted"),
    "wrong pairing detected": all.every(([, at]) =>
      at.d4.wrongZ2.vanilla > 1 + tol && at.d4.wrongZ2.inverted > 1 + tol
    ),
    "library is inverted dropout": all.every(([keep, { d4: { library: l } }]) =>
      l.keptMaxRelErr <= 1e-6 && l.testMaxDiff === 0 && isClose(l.zeroFraction, 1 - keep, { abs: zeroSd(keep) })
    ),
  };
  const pass = Object.values(parts).every(Boolean);
  const [[k0, a0], [k1, a1]] = both(runs[0], p);
  const z2 = (k: "vanilla" | "inverted") => `${fmt(a0.d4.meanZ2[k])} / ${fmt(a1.d4.meanZ2[k])}`;
  const failed = Object.entries(parts).filter(([, ok]) => !ok).map(([k]) => k);
  return {
    pass,
    parts,
    measured: record([k0, k1].flatMap((keep, j) => {
      const d = [a0, a1][j].d4;
      return [
        [`${pLabel(keep)}: vanilla mean z² (train avg vs test ·p)`, d.meanZ2.vanilla],
        [`${pLabel(keep)}: inverted mean z² (train avg vs test)`, d.meanZ2.inverted],
        [`${pLabel(keep)}: vanilla without test scaling, mean z²`, d.wrongZ2.vanilla],
        [`${pLabel(keep)}: tf.layers.dropout kept / (h/p) − 1, max`, d.library.keptMaxRelErr],
        [`${pLabel(keep)}: tf.layers.dropout zero fraction`, d.library.zeroFraction],
        [`${pLabel(keep)}: tf.layers.dropout test |out − in|, max`, d.library.testMaxDiff],
      ] as [string, number][];
    })),
    expected: record([
      ["mean z² (unbiased)", 1],
      ["wrong pairing", `> ${fmt(1 + tol)}`],
      ["kept outputs", "h / p (inverted)"],
      [`zero fraction at ${pLabel(k0)} / ${pLabel(k1)}`, `${fmt(1 - k0)} / ${fmt(1 - k1)}`],
      ["test |out − in|", 0],
    ]),
    tolerance: `every seed, at ${pLabel(k0)} and ${pLabel(k1)}: |mean z² − 1| ≤ ${fmt(tol)} (5 sd of a mean of ` +
      `${p.expectUnits} χ²₁ values, ${p.expectSamples} masks per unit), the wrong pairings above it; kept ` +
      "outputs h/p within 1e-6; test output identical; zero fraction within 4 binomial sd",
    summary: `Averaged over ${p.expectSamples} masks at ${pLabel(k0)} / ${pLabel(k1)}, mean z² of the training ` +
      `average against the test output is ${z2("vanilla")} for vanilla (test ·p) and ${z2("inverted")} for ` +
      `inverted dropout (train /p), against ${fmt(a0.d4.wrongZ2.vanilla)} for vanilla without test scaling` +
      (pass
        ? ": both are unbiased up to sampling noise, and tf.layers.dropout({rate: 1 − p}) is inverted dropout " +
          "(kept units h/p, inference unchanged)" +
          (a0.d4.library.sameMaskTwice ? "; with a fixed seed it reuses the same mask on every call." : ".")
        : `. Failed: ${failed.join(", ")} — the training-time average does not equal the test output as claimed.`),
  };
}

/** D5: 2^n masks, log10 = n·log10 2, checked against the exact digit count (and 1233 at 4096 units). */
export function d5(runs: Runs, p: P): Verdict {
  const d = runs[0].data.d5;
  const consistent = d.digits - 1 === Math.floor(d.log10);
  const lecture = p.maskUnits === 4096;
  const pass = consistent && (!lecture || Math.round(d.log10) === LECTURE_MASK_EXPONENT);
  return {
    pass,
    measured: record([["n·log10 2", d.log10], ["decimal digits of 2^n (exact integer)", d.digits]]),
    expected: record([["log10 of 2^n", lecture ? LECTURE_MASK_EXPONENT : "digits − 1 = floor(n·log10 2)"]]),
    tolerance: "exact: digits − 1 = floor(n·log10 2)" + (lecture ? ", rounded exponent = 1233" : ""),
    summary: pass
      ? `A layer of ${p.maskUnits} units has 2^${p.maskUnits} = 10^${d.log10.toFixed(3)} masks ` +
        `(a ${d.digits}-digit number), against ~10^82 atoms in the universe.`
      : `The computed exponent 10^${d.log10.toFixed(3)} for 2^${p.maskUnits} masks disagrees with the exact ` +
        `integer, which has ${d.digits} digits` + (lecture ? ` (the slide: 10^${LECTURE_MASK_EXPONENT}).` : "."),
  };
}
