/**
 * MNIST-format IDX files (MNIST, Fashion-MNIST, KMNIST …), plain or gzip-compressed, from a
 * directory. The Debian package `dataset-fashion-mnist` installs Fashion-MNIST under
 * {@link FASHION_MNIST_DIR}, where the loader finds it when no directory is given.
 * @module
 */
import type { Dataset } from "./dataset.ts";
import { DataError, joinPath, listFiles, readDataFile, requireDirectory } from "./files.ts";

/** Where `apt-get install dataset-fashion-mnist` puts the files. */
export const FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

/** The Fashion-MNIST class names, by label. */
export const FASHION_CLASSES = [
  "T-shirt/top",
  "Trouser",
  "Pullover",
  "Dress",
  "Coat",
  "Sandal",
  "Shirt",
  "Sneaker",
  "Bag",
  "Ankle boot",
];

/** A parsed IDX file: its dimensions and its unsigned-byte data. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/**
 * Parses the bytes of an IDX file of unsigned bytes (type 0x08), checking the magic number,
 * the number of dimensions and the data length. `file` names the file in error messages.
 * @example
 * ```ts
 * parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7, 3]), "labels"); // { dims: [2], data: [7, 3] }
 * ```
 */
export function parseIdx(bytes: Uint8Array, file: string, wantDims?: number): IdxArray {
  if (bytes.length < 4) throw new DataError(`IDX file "${file}" is truncated: ${bytes.length} bytes, no header`);
  const hex = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join("");
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new DataError(`IDX file "${file}" has a wrong magic number 0x${hex} (expected 0x000008NN)`);
  }
  if (bytes[2] !== 0x08) {
    throw new DataError(
      `IDX file "${file}" has data type 0x${
        bytes[2].toString(16)
      } in magic number 0x${hex}; only unsigned bytes (0x08) are supported`,
    );
  }
  const ndims = bytes[3];
  if (ndims < 1 || (wantDims !== undefined && ndims !== wantDims)) {
    throw new DataError(
      `IDX file "${file}" has ${ndims} dimension(s) in magic number 0x${hex}; expected ${wantDims ?? "at least 1"}`,
    );
  }
  const header = 4 + 4 * ndims;
  if (bytes.length < header) {
    throw new DataError(
      `IDX file "${file}" is truncated: ${bytes.length} bytes, shorter than its ${header}-byte header`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: ndims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const size = dims.reduce((a, b) => a * b, 1);
  const have = bytes.length - header;
  if (have < size) {
    throw new DataError(
      `IDX file "${file}" is truncated: dimensions ${dims.join("×")} need ${size} data bytes, found ${have}`,
    );
  }
  if (have > size) {
    throw new DataError(
      `IDX file "${file}" is corrupt: dimensions ${dims.join("×")} need ${size} data bytes, found ${have}`,
    );
  }
  return { dims, data: bytes.subarray(header) };
}

/** The file pairs of one IDX directory: training and test images and labels. */
const PARTS = [
  {
    part: "train",
    images: ["train-images-idx3-ubyte", "train-images.idx3-ubyte"],
    labels: ["train-labels-idx1-ubyte", "train-labels.idx1-ubyte"],
  },
  {
    part: "test",
    images: ["t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte"],
    labels: ["t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte"],
  },
] as const;

function findFile(names: string[], stems: readonly string[]): string | undefined {
  for (const stem of stems) {
    for (const ext of ["", ".gz"]) if (names.includes(stem + ext)) return stem + ext;
  }
  return undefined;
}

/** Options of {@link loadIdx}. */
export interface IdxOptions {
  /** Load at most this many images (training files first, then test files). */
  limit?: number;
  /** Class names by label (default: Fashion-MNIST's when the directory name says "fashion", else digits). */
  classNames?: string[];
}

/**
 * Loads the IDX image and label files of `dir` (train-* first, then t10k-*; at least one pair
 * must exist) into one {@link Dataset} with grey values in [0, 1]. Every problem with the files
 * becomes a one-line {@link DataError}.
 */
export async function loadIdx(dir: string, o: IdxOptions = {}): Promise<Dataset> {
  await requireDirectory(dir, "IDX data");
  const names = await listFiles(dir);
  const fashion = /fashion/i.test(dir);
  const classNames = o.classNames ?? (fashion ? FASHION_CLASSES : Array.from({ length: 10 }, (_, i) => String(i)));
  const limit = o.limit ?? Infinity;
  const chunks: { images: Uint8Array; labels: Uint8Array }[] = [];
  const used: string[] = [];
  let width = 0, height = 0, count = 0;
  for (const p of PARTS) {
    const imgName = findFile(names, p.images), lblName = findFile(names, p.labels);
    if (!imgName && !lblName) continue;
    if (!imgName || !lblName) {
      throw new DataError(
        `IDX directory "${dir}" has ${imgName ?? lblName} but not its ${imgName ? "labels" : "images"} file (${
          (imgName ? p.labels : p.images)[0]
        }[.gz])`,
      );
    }
    if (count >= limit) break;
    const imgPath = joinPath(dir, imgName), lblPath = joinPath(dir, lblName);
    const img = parseIdx(await readDataFile(imgPath), imgPath, 3);
    const lbl = parseIdx(await readDataFile(lblPath), lblPath, 1);
    const [n, h, w] = img.dims;
    if (lbl.dims[0] !== n) {
      throw new DataError(`IDX file "${lblPath}" has ${lbl.dims[0]} labels for ${n} images in "${imgPath}"`);
    }
    if (width && (w !== width || h !== height)) {
      throw new DataError(`IDX file "${imgPath}" has ${h}×${w} images, the other files ${height}×${width}`);
    }
    const bad = lbl.data.findIndex((l) => l >= classNames.length);
    if (bad >= 0) {
      throw new DataError(
        `IDX file "${lblPath}" has label ${lbl.data[bad]} at index ${bad}, out of range 0–${classNames.length - 1}`,
      );
    }
    width = w;
    height = h;
    const take = Math.min(n, limit - count);
    chunks.push({ images: img.data.subarray(0, take * w * h), labels: lbl.data.subarray(0, take) });
    used.push(`${imgName} (${take} of ${n})`);
    count += take;
  }
  if (chunks.length === 0) {
    throw new DataError(
      `IDX directory "${dir}" has no image/label files (expected train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz], or t10k-*)`,
    );
  }
  const images = new Float32Array(count * width * height);
  const labels = new Uint8Array(count);
  let k = 0;
  for (const c of chunks) {
    for (let i = 0; i < c.images.length; i++) images[k * width * height + i] = c.images[i] / 255;
    labels.set(c.labels, k);
    k += c.labels.length;
  }
  return {
    name: fashion ? "fashion-mnist" : "idx",
    source: `IDX files in ${dir}: ${used.join(", ")}`,
    width,
    height,
    channels: 1,
    classNames,
    images,
    labels,
    count,
  };
}
