/**
 * Input standardization of the deep-init family: the subset's mean image subtracted and every pixel
 * divided by one overall std, so the inputs have mean 0 and mean square 1 (the variance argument of
 * the init formulas assumes unit-scale inputs; a per-pixel std would blow up the constant border pixels).
 * @module
 */

/** `images` (count × d values) minus their mean image, divided by the overall std; returns that std too. */
export function standardize(images: Float32Array, count: number, d: number): { x: Float32Array; std: number } {
  const mean = new Float64Array(d);
  for (let i = 0; i < count; i++) for (let j = 0; j < d; j++) mean[j] += images[i * d + j] / count;
  let sq = 0;
  for (let i = 0; i < count; i++) for (let j = 0; j < d; j++) sq += (images[i * d + j] - mean[j]) ** 2;
  const std = Math.sqrt(sq / (count * d));
  const x = new Float32Array(count * d);
  for (let i = 0; i < count; i++) for (let j = 0; j < d; j++) x[i * d + j] = (images[i * d + j] - mean[j]) / (std || 1);
  return { x, std: std || 1 };
}
