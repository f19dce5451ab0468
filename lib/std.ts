/**
 * The one place where claimbook takes assertions and argument parsing from the runtime.
 *
 * JSR (`@std/assert`, `@std/cli`) is not reachable from every build machine, so the project uses
 * Deno's built-in Node compatibility modules. Swap this file to move to `@std` later.
 * @module
 */
export {
  deepEqual as assertEquals,
  equal as assertStrictEqual,
  match as assertMatch,
  ok as assert,
  rejects as assertRejects,
  throws as assertThrows,
} from "node:assert/strict";
export { parseArgs } from "node:util";
