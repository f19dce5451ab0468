import { assert, assertEquals, assertRejects, assertThrows } from "../std.ts";
import { loadIdx, parseIdx } from "./idx.ts";
import { DataError } from "./files.ts";

/** The bytes of an IDX file of unsigned bytes with the given dimensions. */
function idx(dims: number[], data: number[], magic = [0, 0, 8, dims.length]): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  out.set(magic, 0);
  const view = new DataView(out.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const s = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(s).arrayBuffer());
}

/** A directory with 3 training images of 2×2 pixels and 1 test image; `edit` may break files. */
async function fixture(
  edit: (files: Record<string, Uint8Array>) => void | Promise<void> = () => {},
  name = "idx",
): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: `claimbook-${name}-` });
  const files: Record<string, Uint8Array> = {
    "train-images-idx3-ubyte": idx([3, 2, 2], [0, 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8]),
    "train-labels-idx1-ubyte": idx([3], [7, 0, 9]),
    "t10k-images-idx3-ubyte": idx([1, 2, 2], [9, 9, 9, 9]),
    "t10k-labels-idx1-ubyte": idx([1], [3]),
  };
  await edit(files);
  for (const [n, b] of Object.entries(files)) await Deno.writeFile(`${dir}/${n}`, b);
  return dir;
}

/** Asserts that `p` rejects with a one-line DataError whose message matches `re`. */
/** Asserts that `fn` throws a one-line DataError whose message matches `re`. */
function throwsOneLine(fn: () => unknown, re: RegExp): void {
  const e = assertThrows(fn, DataError);
  assert(!e.message.includes("\n") && re.test(e.message), `unexpected message: ${e.message}`);
}

async function rejectsOneLine(p: Promise<unknown>, re: RegExp): Promise<void> {
  const e = await assertRejects(() => p, DataError);
  assert(!e.message.includes("\n") && re.test(e.message), `unexpected message: ${e.message}`);
}

Deno.test("parseIdx reads the dimensions and data of a valid file", () => {
  const r = parseIdx(idx([2], [7, 3]), "x");
  assertEquals(r.dims, [2]);
  assertEquals(Array.from(r.data), [7, 3]);
});

Deno.test("loadIdx loads training then test files, pixels scaled to [0, 1]", async () => {
  const ds = await loadIdx(await fixture());
  assertEquals([ds.count, ds.width, ds.height, ds.channels], [4, 2, 2, 1]);
  assertEquals(Array.from(ds.labels), [7, 0, 9, 3]);
  assertEquals(ds.images[1], 1);
  assert(Math.abs(ds.images[2] - 0.2) < 1e-7);
  assertEquals(ds.classNames[9], "9");
});

Deno.test("loadIdx reads gzip files and names Fashion-MNIST classes", async () => {
  const dir = await fixture(async (f) => {
    for (const k of Object.keys(f)) {
      f[`${k}.gz`] = await gzip(f[k]);
      delete f[k];
    }
  }, "fashion");
  const ds = await loadIdx(dir, { limit: 2 });
  assertEquals(ds.count, 2);
  assertEquals(ds.name, "fashion-mnist");
  assertEquals(ds.classNames[9], "Ankle boot");
});

Deno.test("loadIdx: a missing directory is a one-line error naming it", async () => {
  await rejectsOneLine(loadIdx("/no/such/claimbook-dir"), /"\/no\/such\/claimbook-dir" does not exist/);
});

Deno.test("loadIdx: a truncated image file is named", async () => {
  const dir = await fixture((f) => {
    f["train-images-idx3-ubyte"] = f["train-images-idx3-ubyte"].subarray(0, 20);
  });
  await rejectsOneLine(loadIdx(dir), /train-images-idx3-ubyte" is truncated: .*12 data bytes, found 4/);
});

Deno.test("loadIdx: a wrong magic number is named", async () => {
  const dir = await fixture((f) => {
    f["train-labels-idx1-ubyte"] = idx([3], [1, 2, 3], [0x12, 0x34, 8, 1]);
  });
  await rejectsOneLine(loadIdx(dir), /train-labels-idx1-ubyte" has a wrong magic number 0x12340801/);
});

Deno.test("loadIdx: a label out of range is named with its index", async () => {
  const dir = await fixture((f) => {
    f["train-labels-idx1-ubyte"] = idx([3], [1, 12, 3]);
  });
  await rejectsOneLine(loadIdx(dir), /has label 12 at index 1, out of range 0–9/);
});

Deno.test("loadIdx: a corrupt gzip file is named", async () => {
  const dir = await fixture(async (f) => {
    const gz = await gzip(f["train-images-idx3-ubyte"]);
    delete f["train-images-idx3-ubyte"];
    f["train-images-idx3-ubyte.gz"] = gz.subarray(0, gz.length - 12);
  });
  await rejectsOneLine(loadIdx(dir), /train-images-idx3-ubyte.gz" is not a valid gzip file/);
});

Deno.test("loadIdx: labels that do not match the images, or are missing, are named", async () => {
  const short = await fixture((f) => {
    f["train-labels-idx1-ubyte"] = idx([2], [1, 2]);
  });
  await rejectsOneLine(loadIdx(short), /has 2 labels for 3 images/);
  const missing = await fixture((f) => {
    delete f["t10k-labels-idx1-ubyte"];
  });
  await rejectsOneLine(loadIdx(missing), /has t10k-images-idx3-ubyte but not its labels file/);
  const empty = await Deno.makeTempDir();
  await rejectsOneLine(loadIdx(empty), /has no image\/label files/);
});

Deno.test("parseIdx: a file with trailing bytes or the wrong rank is rejected", () => {
  throwsOneLine(() => parseIdx(idx([2], [1, 2, 3]), "f"), /"f" is corrupt: dimensions 2 need 2 data bytes, found 3/);
  throwsOneLine(() => parseIdx(idx([2], [1, 2]), "f", 3), /has 1 dimension\(s\).*expected 3/);
  throwsOneLine(() => parseIdx(new Uint8Array([0, 0]), "f"), /truncated: 2 bytes, no header/);
});
