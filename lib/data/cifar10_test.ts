import { assert, assertEquals, assertRejects } from "../std.ts";
import { CIFAR_RECORD, loadCifar10 } from "./cifar10.ts";
import { DataError } from "./files.ts";

/** One record: a label and 3,072 pixel bytes where channel c of pixel p is (p + 100·c) mod 256. */
function record(label: number): Uint8Array {
  const r = new Uint8Array(CIFAR_RECORD);
  r[0] = label;
  for (let c = 0; c < 3; c++) for (let p = 0; p < 1024; p++) r[1 + c * 1024 + p] = (p + 100 * c) % 256;
  return r;
}

function batch(labels: number[]): Uint8Array {
  const out = new Uint8Array(labels.length * CIFAR_RECORD);
  labels.forEach((l, i) => out.set(record(l), i * CIFAR_RECORD));
  return out;
}

async function fixture(files: Record<string, Uint8Array>, sub = ""): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "claimbook-cifar-" });
  if (sub) await Deno.mkdir(`${dir}/${sub}`);
  for (const [n, b] of Object.entries(files)) await Deno.writeFile(`${dir}/${sub ? sub + "/" : ""}${n}`, b);
  return dir;
}

/** Asserts that `p` rejects with a one-line DataError whose message matches `re`. */
async function rejectsOneLine(p: Promise<unknown>, re: RegExp): Promise<void> {
  const e = await assertRejects(() => p, DataError);
  assert(!e.message.includes("\n") && re.test(e.message), `unexpected message: ${e.message}`);
}

Deno.test("loadCifar10 decodes records to NHWC, training batches before the test batch", async () => {
  const dir = await fixture({
    "test_batch.bin": batch([9]),
    "data_batch_2.bin": batch([2]),
    "data_batch_1.bin": batch([1, 0]),
  }, "cifar-10-batches-bin");
  const ds = await loadCifar10(dir);
  assertEquals([ds.count, ds.width, ds.height, ds.channels], [4, 32, 32, 3]);
  assertEquals(Array.from(ds.labels), [1, 0, 2, 9]);
  // Pixel p = 33 (row 1, column 1), channel 2: (33 + 200) / 255.
  assertEquals(ds.images[33 * 3 + 2], Math.fround(233 / 255));
  assertEquals(ds.images[33 * 3 + 0], Math.fround(33 / 255));
  assertEquals(ds.classNames[0], "airplane");
  assertEquals((await loadCifar10(dir, { limit: 3 })).count, 3);
});

Deno.test("loadCifar10: truncated files, bad labels, missing files give one-line errors", async () => {
  const truncated = await fixture({ "data_batch_1.bin": batch([1, 2]).subarray(0, CIFAR_RECORD + 5) });
  await rejectsOneLine(loadCifar10(truncated), /data_batch_1.bin" is truncated or corrupt: 3078 bytes/);
  const badLabel = await fixture({ "data_batch_1.bin": batch([1, 10]) });
  await rejectsOneLine(loadCifar10(badLabel), /has label 10 in record 1, out of range 0–9/);
  const empty = await fixture({ "readme.txt": new Uint8Array(1) });
  await rejectsOneLine(loadCifar10(empty), /has no data_batch_\*\.bin or test_batch\.bin files/);
  await rejectsOneLine(loadCifar10("/no/such/cifar"), /"\/no\/such\/cifar" does not exist/);
});
