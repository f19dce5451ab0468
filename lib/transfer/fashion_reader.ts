/**
 * A minimal private reader of the Fashion-MNIST test set as the Debian package
 * `dataset-fashion-mnist` installs it (gzipped IDX files under /usr/share/datasets/fashion-mnist).
 * Used by the transfer experiment as its "very different" target data when present.
 * @module
 */
import type { Dataset } from "../data/dataset.ts";

/** Where `apt-get install dataset-fashion-mnist` puts the files. */
export const FASHION_DIR = "/usr/share/datasets/fashion-mnist";

/** Fashion-MNIST's class names, by label. */
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

/** Whether the Fashion-MNIST test files are present (false when reading is not permitted). */
export function fashionAvailable(dir = FASHION_DIR): boolean {
  try {
    return Deno.statSync(`${dir}/t10k-images-idx3-ubyte.gz`).isFile &&
      Deno.statSync(`${dir}/t10k-labels-idx1-ubyte.gz`).isFile;
  } catch {
    return false;
  }
}

async function gunzip(path: string): Promise<Uint8Array> {
  const stream = (await Deno.open(path)).readable.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Parses an IDX file (big-endian header: magic with type 0x08 = ubyte and the rank, then the dimensions). */
export function parseIdx(bytes: Uint8Array): { dims: number[]; data: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0 || bytes[2] !== 0x08) {
    throw new Error(`Not an unsigned-byte IDX file (magic ${Array.from(bytes.subarray(0, 4)).join(",")})`);
  }
  const rank = bytes[3];
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const size = dims.reduce((a, b) => a * b, 1);
  const start = 4 + 4 * rank;
  if (bytes.length < start + size) throw new Error(`IDX file is truncated: ${bytes.length - start} of ${size} bytes`);
  return { dims, data: bytes.subarray(start, start + size) };
}

const loaded = new Map<string, Dataset>();

/** Loads the 10,000 Fashion-MNIST test images (28×28 grey, values in [0, 1]); cached per process. */
export async function loadFashionTest(dir = FASHION_DIR): Promise<Dataset> {
  const hit = loaded.get(dir);
  if (hit) return hit;
  if (!fashionAvailable(dir)) {
    throw new Error(
      `Fashion-MNIST is not installed in "${dir}": run "apt-get install -y dataset-fashion-mnist", ` +
        `or use the permuted-digits stand-in (--set transfer.different=permuted-digits)`,
    );
  }
  const images = parseIdx(await gunzip(`${dir}/t10k-images-idx3-ubyte.gz`));
  const labels = parseIdx(await gunzip(`${dir}/t10k-labels-idx1-ubyte.gz`));
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
