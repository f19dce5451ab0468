/**
 * The one place where claimbook takes assertions and argument parsing from the runtime.
 *
 * JSR (`@std/assert`, `@std/cli`) is not reachable from every build machine, so the project uses
 * Deno's built-in Node compatibility modules, with `assertThrows`/`assertRejects` written to the
 * `@std/assert` signature (class, then a substring of the message). Swap this file to move to `@std`.
 * @module
 */
import { AssertionError } from "node:assert";
export { deepEqual as assertEquals, match as assertMatch, ok as assert } from "node:assert/strict";
export { parseArgs } from "node:util";

// deno-lint-ignore no-explicit-any
type ErrorClass = new (...args: any[]) => Error;

function verify(thrown: unknown, ErrorType?: ErrorClass, msgIncludes?: string): Error {
  const e = thrown as Error;
  if (!(thrown instanceof Error)) {
    throw new AssertionError({ message: `Expected an Error to be thrown, got ${String(thrown)}` });
  }
  const isType = !ErrorType || thrown instanceof ErrorType;
  if (!isType) {
    throw new AssertionError({
      message: `Expected error to be instance of "${ErrorType?.name}", but was "${e.name}": ${e.message}`,
    });
  }
  if (msgIncludes !== undefined && !e.message.includes(msgIncludes)) {
    throw new AssertionError({ message: `Expected error message to include "${msgIncludes}", but got "${e.message}"` });
  }
  return e;
}

/** Asserts that `fn` throws (an instance of `ErrorType` whose message includes `msgIncludes`); returns the error. */
export function assertThrows(fn: () => unknown, ErrorType?: ErrorClass, msgIncludes?: string): Error {
  try {
    fn();
  } catch (e) {
    return verify(e, ErrorType, msgIncludes);
  }
  throw new AssertionError({ message: "Expected function to throw" });
}

/** Asserts that `fn` rejects (an instance of `ErrorType` whose message includes `msgIncludes`); returns the error. */
export async function assertRejects(
  fn: () => PromiseLike<unknown>,
  ErrorType?: ErrorClass,
  msgIncludes?: string,
): Promise<Error> {
  try {
    await fn();
  } catch (e) {
    return verify(e, ErrorType, msgIncludes);
  }
  throw new AssertionError({ message: "Expected function to reject" });
}
