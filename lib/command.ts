/**
 * What every command-line program of the project shares: parsing errors become usage errors, and a
 * usage error ends the program with one line ("error: …") and exit code 2.
 * @module
 */
import { UsageError } from "./params.ts";

/** Runs `parse` (e.g. a `parseArgs` call); an unknown or malformed option becomes a UsageError naming it. */
export function parsedOrUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split("\n")[0]}. Run with --help for the options`);
  }
}

/**
 * Runs a program's `main` on the command line's arguments and exits with its code; a UsageError is
 * printed as one line and exits 2, any other error is thrown (a bug, with its stack).
 * @example
 * ```ts
 * if (import.meta.main) await runCommand(main);
 * ```
 */
export async function runCommand(main: (args: string[]) => Promise<number>): Promise<never> {
  try {
    Deno.exit(await main(Deno.args));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`error: ${e.message}`);
    Deno.exit(2);
  }
}
