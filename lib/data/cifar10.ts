/**
 * The CIFAR-10 binary version (`data_batch_1.bin` … `data_batch_5.bin`, `test_batch.bin`): records
 * of one label byte and 3,072 pixel bytes (1,024 red, 1,024 green, 1,024 blue, row-major 32×32).
 * @module
 */
import type { Dataset } from "./dataset.ts";
import { DataError, isDirectory, joinPath, listFiles, readDataFile, requireDirectory } from "./files.ts";

/** The CIFAR-10 class names, by label. */
export const CIFAR10_CLASSES = [
  "airplane",
  "automobile",
  "bird",
  "cat",
  "deer",
  "dog",
  "frog",
  "horse",
  "ship",
  "truck",
];

/** Bytes per record: one label and 32·32·3 pixels. */
export const CIFAR_RECORD = 1 + 3072;

/** Decodes the records of one batch file into NHWC pixels in [0, 1] (at most `limit` records). */
export function parseCifarBatch(
  bytes: Uint8Array,
  file: string,
  limit = Infinity,
): { images: Float32Array; labels: Uint8Array } {
  if (bytes.length === 0 || bytes.length % CIFAR_RECORD !== 0) {
    throw new DataError(
      `CIFAR-10 file "${file}" is truncated or corrupt: ${bytes.length} bytes is not a whole number of ${CIFAR_RECORD}-byte records`,
    );
  }
  const n = Math.min(bytes.length / CIFAR_RECORD, limit);
  const images = new Float32Array(n * 3072);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = i * CIFAR_RECORD;
    if (bytes[r] > 9) {
      throw new DataError(`CIFAR-10 file "${file}" has label ${bytes[r]} in record ${i}, out of range 0–9`);
    }
    labels[i] = bytes[r];
    for (let p = 0; p < 1024; p++) {
      for (let c = 0; c < 3; c++) images[i * 3072 + p * 3 + c] = bytes[r + 1 + c * 1024 + p] / 255;
    }
  }
  return { images, labels };
}

/**
 * Loads the CIFAR-10 binary batches of `dir` (or of its `cifar-10-batches-bin` folder): the
 * training batches in order, then the test batch, at most `limit` images in all.
 */
export async function loadCifar10(dir: string, o: { limit?: number } = {}): Promise<Dataset> {
  await requireDirectory(dir, "CIFAR-10 data");
  const inner = joinPath(dir, "cifar-10-batches-bin");
  const base = await isDirectory(inner) ? inner : dir;
  const names = await listFiles(base);
  const files = [
    ...names.filter((n) => /^data_batch_\d+\.bin$/.test(n)),
    ...names.filter((n) => n === "test_batch.bin"),
  ];
  if (files.length === 0) {
    throw new DataError(`CIFAR-10 directory "${base}" has no data_batch_*.bin or test_batch.bin files`);
  }
  const limit = o.limit ?? Infinity;
  const parts: { images: Float32Array; labels: Uint8Array }[] = [];
  const used: string[] = [];
  let count = 0;
  for (const f of files) {
    if (count >= limit) break;
    const path = joinPath(base, f);
    const part = parseCifarBatch(await readDataFile(path), path, limit - count);
    parts.push(part);
    used.push(f);
    count += part.labels.length;
  }
  const images = new Float32Array(count * 3072), labels = new Uint8Array(count);
  let k = 0;
  for (const p of parts) {
    images.set(p.images, k * 3072);
    labels.set(p.labels, k);
    k += p.labels.length;
  }
  return {
    name: "cifar10",
    source: `CIFAR-10 binary batches in ${base}: ${used.join(", ")} (${count} images)`,
    width: 32,
    height: 32,
    channels: 3,
    classNames: CIFAR10_CLASSES,
    images,
    labels,
    count,
  };
}
