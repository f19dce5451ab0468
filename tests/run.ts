/**
 * `deno task test`: runs `deno test` with the given arguments, after choosing OpenBLAS's kernels
 * once for the whole run. `deno test --parallel` runs the test files as isolates of ONE process, and
 * OpenBLAS and the environment belong to the process: if every isolate chose its kernels itself
 * (load, set `OPENBLAS_CORETYPE`, reload), they would race on `setenv` and `dlclose` and could end on
 * different kernels depending on timing. Here the choice is made in this process and handed to the
 * test process as `OPENBLAS_CORETYPE`, which every isolate then keeps (a user's own value is kept too).
 * @module
 */
import { loadBlas } from "../lib/backends/blas_ffi.ts";

const env: Record<string, string> = { CLAIMBOOK_TEST_RUN: "1" };
const blas = loadBlas();
if (typeof blas !== "string" && blas.coretype) env.OPENBLAS_CORETYPE = blas.coretype;
const child = new Deno.Command("deno", { args: ["test", ...Deno.args], env }).spawn();
Deno.exit((await child.status).code);
