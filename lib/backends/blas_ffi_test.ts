import { assertEquals } from "../std.ts";
import { blasThreading, blasThreadLimit, threadsFor } from "./blas_ffi.ts";

Deno.test("threadsFor: one BLAS thread below 256³ multiply-adds (skinny training products), all threads above", () => {
  assertEquals(blasThreading.minWork, 256 ** 3);
  assertEquals(threadsFor(6272, 8, 72, 4), 1);
  assertEquals(threadsFor(3072, 50, 100, 4), 1);
  assertEquals(threadsFor(256, 256, 256, 4), 4);
  assertEquals(threadsFor(16, 4096, 4096, 2), 2);
  assertEquals(threadsFor(16, 4096, 4096, 1), 1);
});

Deno.test("blasThreadLimit: one thread unless OPENBLAS_NUM_THREADS says otherwise", () => {
  const before = Deno.env.get("OPENBLAS_NUM_THREADS");
  try {
    Deno.env.delete("OPENBLAS_NUM_THREADS");
    assertEquals(blasThreadLimit(), 1);
    Deno.env.set("OPENBLAS_NUM_THREADS", "3");
    assertEquals(blasThreadLimit(), 3);
    Deno.env.set("OPENBLAS_NUM_THREADS", "zero");
    assertEquals(blasThreadLimit(), 1);
  } finally {
    if (before === undefined) Deno.env.delete("OPENBLAS_NUM_THREADS");
    else Deno.env.set("OPENBLAS_NUM_THREADS", before);
  }
});
