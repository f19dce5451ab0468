/**
 * The band around each baseline number within which a new value is not drift. In order:
 * 1. numbers that are one per seed (a list as long as the run's seeds, named "… seed …", or a text
 *    of numbers only such as "143, 85, 112"): twice the sample standard deviation of that list;
 * 2. the claim's stated tolerance where it parses: the first "±x" (absolute) or "±y%" (relative);
 * 3. otherwise {@link DEFAULT_RELATIVE} of the value.
 * Every band is at least {@link MIN_BAND}, so that none is zero.
 * @module
 */
import type { FlatNumber } from "./flatten.ts";
import type { BandedNumber } from "./types.ts";

/** The relative band of a number with no per-seed spread and no parsable tolerance: ±10%. */
export const DEFAULT_RELATIVE = 0.1;
/** The narrowest band (absolute): float32 rounding noise is never drift. */
export const MIN_BAND = 1e-6;

/** A tolerance read from a claim's text. */
export interface ParsedTolerance {
  /** Absolute half-width ("±0.02"). */
  absolute?: number;
  /** Relative half-width ("±5%" → 0.05). */
  relative?: number;
  /** The text it came from ("±0.02"). */
  text: string;
}

const PLUS_MINUS = /±\s*(\d+(?:\.\d+)?(?:e[-+]?\d+)?)(\s*%)?(?![\d.·*/×^(a-zA-Z_])/gi;

/**
 * The first "±x" or "±y%" of a tolerance text; undefined when there is none (a formula such as
 * "± 3·α·√T" does not parse).
 * @example
 * ```ts
 * parseTolerance("±0.02 per layer"); // { absolute: 0.02, text: "±0.02" }
 * parseTolerance("ratios ±1% each"); // { relative: 0.01, text: "±1%" }
 * ```
 */
export function parseTolerance(tolerance: string | undefined): ParsedTolerance | undefined {
  for (const m of (tolerance ?? "").matchAll(PLUS_MINUS)) {
    const x = Number(m[1]);
    if (!Number.isFinite(x) || x <= 0) continue;
    return m[2] ? { relative: x / 100, text: `±${m[1]}%` } : { absolute: x, text: `±${m[1]}` };
  }
  return undefined;
}

/** The sample standard deviation (0 for fewer than two values). */
function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

/** Whether a number is one of a per-seed list (as long as the seeds, and named so or a plain list). */
export function isPerSeed(n: FlatNumber, seeds: number): boolean {
  const g = n.group;
  return seeds >= 2 && g !== undefined && g.size === seeds && (g.list || /seed/i.test(g.key));
}

function floored(value: number, rule: string, width: number): BandedNumber {
  return width >= MIN_BAND
    ? { value, band: Number(width.toPrecision(3)), rule }
    : { value, band: MIN_BAND, rule: `${rule}, at least ${MIN_BAND}` };
}

/**
 * The band of every number of a claim.
 * @example
 * ```ts
 * bandsFor([{ name: "measured[0]", value: 0.49 }], "±0.02 per layer", 3)["measured[0]"].band; // 0.02
 * ```
 */
export function bandsFor(
  numbers: readonly FlatNumber[],
  tolerance: string | undefined,
  seeds: number,
): Record<string, BandedNumber> {
  const parsed = parseTolerance(tolerance);
  const out: Record<string, BandedNumber> = {};
  for (const n of numbers) {
    if (isPerSeed(n, seeds)) {
      const values = numbers.filter((m) => m.group?.key === n.group!.key).map((m) => m.value);
      const sd = sampleSd(values);
      if (sd > 0) {
        out[n.name] = floored(n.value, `2 sd over ${values.length} seeds`, 2 * sd);
        continue;
      }
    }
    if (parsed?.absolute !== undefined) {
      out[n.name] = floored(n.value, `tolerance ${parsed.text}`, parsed.absolute);
    } else if (parsed?.relative !== undefined) {
      out[n.name] = floored(n.value, `tolerance ${parsed.text}`, parsed.relative * Math.abs(n.value));
    } else {
      out[n.name] = floored(n.value, `default ±${DEFAULT_RELATIVE * 100}%`, DEFAULT_RELATIVE * Math.abs(n.value));
    }
  }
  return out;
}

/** Whether `value` lies outside the band of `old`. */
export function outside(old: BandedNumber, value: number): boolean {
  return !(Math.abs(value - old.value) <= old.band);
}
