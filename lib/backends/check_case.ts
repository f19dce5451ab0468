/**
 * One comparison case of a kernel override with its stock kernel, and how its inputs are drawn.
 * @module
 */
import { createRng, type Rng } from "../rng.ts";

/** One input tensor: its shape and how its values are drawn. */
export interface CaseInput {
  shape: number[];
  /**
   * `normal` (default), `ties` (values in {-1, 0, 1}), `special` (normal with NaN/±Inf/-0 mixed in),
   * `positive` (0.5 + |normal|), `wide` (special times 3e9 with halves mixed in: int32 wrap-around and
   * rounding of conversions).
   */
  values?: "normal" | "ties" | "special" | "positive" | "wide";
  /** Integer inputs (e.g. gather indices): int32 values drawn uniformly from [0, max). */
  int32Below?: number;
  /** Every element equal to this value (e.g. a scalar operand of 0, -0, NaN or Inf). */
  fill?: number;
}

/** One comparison of an override with its stock kernel. */
export interface KernelCase {
  kernel: string;
  label: string;
  inputs: Record<string, CaseInput>;
  attrs: Record<string, unknown>;
  /** Whether the override must handle this case itself (false: it may hand it to the stock kernel). */
  fast: boolean;
}

/** Values for an input, reproducible from the case's position. */
export function caseValues(input: CaseInput, rng: Rng): Float32Array | Int32Array {
  let n = 1;
  for (const d of input.shape) n *= d;
  if (input.int32Below !== undefined) return Int32Array.from({ length: n }, () => rng.int(input.int32Below!));
  if (input.fill !== undefined) return new Float32Array(n).fill(input.fill);
  const v = rng.normals(n);
  const kind = input.values ?? "normal";
  if (kind === "ties") { for (let i = 0; i < n; i++) v[i] = rng.int(3) - 1; }
  if (kind === "positive") { for (let i = 0; i < n; i++) v[i] = 0.5 + Math.abs(v[i]); }
  if (kind === "wide") {
    for (let i = 0; i < n; i++) v[i] = rng.next() < 0.5 ? v[i] * 3e9 : Math.round(v[i] * 8) / 2;
  }
  if (kind === "special" || kind === "wide") {
    const specials = [NaN, Infinity, -Infinity, -0, 0];
    for (let i = 0; i < n; i++) if (rng.next() < 0.15) v[i] = specials[rng.int(specials.length)];
    // JS writes NaN with the sign bit clear; x86 arithmetic makes NaNs with it set: have both
    const b = new Int32Array(v.buffer, v.byteOffset, n);
    for (let i = 0; i < n; i++) if (Number.isNaN(v[i]) && rng.next() < 0.5) b[i] = 0xffc00000 | 0;
  }
  return v;
}

/** A fresh generator for the values of case number `index`. */
export function caseRng(index: number): Rng {
  return createRng(7919 * (index + 1));
}
