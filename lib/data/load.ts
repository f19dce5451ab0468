/**
 * Chooses a dataset by source name: the embedded MNIST digits (default, no set-up), MNIST-format
 * IDX files, or the CIFAR-10 binary version. Experiments call {@link loadDataset} with their own
 * `data` and `dataDir` parameters; this module, not the experiment, reads the files.
 * @module
 */
import type { Dataset } from "./dataset.ts";
import { loadEmbeddedMnist } from "./mnist.ts";
import { FASHION_MNIST_DIR, loadIdx } from "./idx.ts";
import { loadCifar10 } from "./cifar10.ts";
import { DataError, isDirectory } from "./files.ts";
import { collectFiles, noteFiles } from "./read_log.ts";

/** The dataset sources. */
export const DATA_SOURCES = ["mnist", "idx", "cifar10"] as const;
/** A dataset source: `mnist` (embedded), `idx` (MNIST-format files), `cifar10` (binary batches). */
export type DataSource = (typeof DATA_SOURCES)[number];

const cache = new Map<string, Promise<{ value: Dataset; files: Map<string, string> }>>();

/**
 * Loads a dataset (cached per process). `dir` is the data directory; for `idx` an empty `dir`
 * means Fashion-MNIST at {@link FASHION_MNIST_DIR} when installed. `limit` caps the number of
 * images read from files (in order: training files, then test files); the embedded digits are
 * always loaded whole.
 * @example
 * ```ts
 * const ds = await loadDataset("mnist"); // the 10,000 embedded digits
 * ```
 */
export function loadDataset(source: string, dir = "", o: { limit?: number } = {}): Promise<Dataset> {
  const key = JSON.stringify([source, dir, o.limit ?? null]);
  let p = cache.get(key);
  if (!p) {
    p = collectFiles(() => load(source, dir, o.limit));
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p.then(({ value, files }) => (noteFiles(files), value));
}

async function load(source: string, dir: string, limit?: number): Promise<Dataset> {
  switch (source) {
    case "mnist":
      return loadEmbeddedMnist();
    case "idx": {
      if (dir) return await loadIdx(dir, { limit });
      if (await isDirectory(FASHION_MNIST_DIR)) return await loadIdx(FASHION_MNIST_DIR, { limit });
      throw new DataError(
        `No IDX data directory given and Fashion-MNIST is not installed at ${FASHION_MNIST_DIR}: ` +
          `run "apt-get install dataset-fashion-mnist" or set the experiment's dataDir parameter`,
      );
    }
    case "cifar10":
      if (!dir) throw new DataError(`The cifar10 source needs a data directory (the experiment's dataDir parameter)`);
      return await loadCifar10(dir, { limit });
    default:
      throw new DataError(`Unknown data source "${source}": expected one of ${DATA_SOURCES.join(", ")}`);
  }
}
