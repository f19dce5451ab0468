/**
 * Numbers that survive JSON: a run's data is stored as JSON, where NaN and ±Inf would silently
 * become null. Values that may blow up (costs, losses) are kept as {@link Real}: a finite number,
 * or the words "NaN", "+Inf", "-Inf".
 * @module
 */

/** A finite number, or the name of a non-finite one. */
export type Real = number | "NaN" | "+Inf" | "-Inf";

/** Encodes a number as a {@link Real}. */
export function real(x: number): Real {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? "NaN" : x > 0 ? "+Inf" : "-Inf";
}

/** Decodes a {@link Real} (null, e.g. from an older result, is read as NaN). */
export function num(r: Real | null): number {
  if (typeof r === "number") return r;
  return r === "+Inf" ? Infinity : r === "-Inf" ? -Infinity : NaN;
}
