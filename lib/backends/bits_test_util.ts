/**
 * Test helper: float32 values as their bit patterns, every NaN as one value (kernels must agree
 * on NaN, not on its payload), for bit-for-bit comparisons of kernels.
 * @module
 */

/** The int32 bit pattern of each element of `v`; every NaN as 0x7fc00000. */
export function bitsOf(v: Float32Array): number[] {
  return Array.from(new Int32Array(v.buffer, v.byteOffset, v.length), (x, i) => (Number.isNaN(v[i]) ? 0x7fc00000 : x));
}
