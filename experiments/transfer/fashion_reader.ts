/**
 * The Fashion-MNIST test set as the Debian package
 * `dataset-fashion-mnist` installs it (gzipped IDX files under /usr/share/datasets/fashion-mnist).
 * Used by the transfer experiment as its "very different" target data when present.
 * @module
 */
import type { Dataset } from "../../lib/data/dataset.ts";
import { FASHION_CLASSES, FASHION_MNIST_DIR, parseIdx } from "../../lib/data/idx.ts";
import { readDataFile } from "../../lib/data/files.ts";
import { UsageError } from "../../lib/params.ts";

/** Where `apt-get install dataset-fashion-mnist` puts the files. */
export const FASHION_DIR = FASHION_MNIST_DIR;

/** Whether the Fashion-MNIST test files are present (false when reading is not permitted). */
export function fashionAvailable(dir = FASHION_DIR): boolean {
  try {
    return Deno.statSync(`${dir}/t10k-images-idx3-ubyte.gz`).isFile &&
      Deno.statSync(`${dir}/t10k-labels-idx1-ubyte.gz`).isFile;
  } catch {
    return false;
  }
}

const loaded = new Map<string, Dataset>();

/** Loads the 10,000 Fashion-MNIST test images (28×28 grey, values in [0, 1]); cached per process. */
export async function loadFashionTest(dir = FASHION_DIR): Promise<Dataset> {
  const hit = loaded.get(dir);
  if (hit) return hit;
  if (!fashionAvailable(dir)) {
    throw new UsageError(
      `Fashion-MNIST is not installed in "${dir}": run "apt-get install -y dataset-fashion-mnist", ` +
        `or use the permuted-digits stand-in (--set transfer.different=permuted-digits)`,
    );
  }
  const imagesPath = `${dir}/t10k-images-idx3-ubyte.gz`, labelsPath = `${dir}/t10k-labels-idx1-ubyte.gz`;
  const images = parseIdx(await readDataFile(imagesPath), imagesPath, 3);
  const labels = parseIdx(await readDataFile(labelsPath), labelsPath, 1);
  const [count, height, width] = images.dims;
  if (labels.dims[0] !== count) throw new Error(`Fashion-MNIST: ${count} images but ${labels.dims[0]} labels`);
  const ds: Dataset = {
    name: "fashion-mnist",
    source: `Fashion-MNIST test set (${count} images) from ${dir}`,
    width,
    height,
    channels: 1,
    classNames: FASHION_CLASSES,
    images: Float32Array.from(images.data, (b) => b / 255),
    labels: new Uint8Array(labels.data),
    count,
  };
  loaded.set(dir, ds);
  return ds;
}

/**
 * The transfer family's data inputs, loaded and validated before any experiment runs: the
 * Fashion-MNIST test files when the very different target is Fashion-MNIST (named or `auto` and
 * installed). The embedded digits need no files.
 */
export async function transferInputs(p: { different: string }): Promise<void> {
  if (p.different === "fashion-mnist" || (p.different === "auto" && fashionAvailable())) await loadFashionTest();
}
