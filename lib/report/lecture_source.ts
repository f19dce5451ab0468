/**
 * Finding and reading the lecture's text file for the lecture view (`--lecture PATH`). By default it
 * is `../shared/lecture/04-cnn-training.txt` beside the repository, used when present; a path given
 * explicitly that cannot be read is a usage error.
 * @module
 */
import { UsageError } from "../params.ts";

/** The lecture's text file: where it was read from, and its text. */
export interface LectureSource {
  path: string;
  text: string;
}

/** The default lecture text file: `../shared/lecture/04-cnn-training.txt` next to the repository. */
export const DEFAULT_LECTURE = new URL("../../../shared/lecture/04-cnn-training.txt", import.meta.url);

/**
 * Reads the lecture's text: `path` if given (a usage error if unreadable), else the default file if
 * it exists (undefined if not).
 * @example
 * ```ts
 * const lecture = await readLecture(undefined); // the default file, or undefined
 * ```
 */
export async function readLecture(path: string | undefined): Promise<LectureSource | undefined> {
  if (path === undefined) {
    try {
      return { path: "../shared/lecture/04-cnn-training.txt", text: await Deno.readTextFile(DEFAULT_LECTURE) };
    } catch {
      return undefined;
    }
  }
  try {
    return { path, text: await Deno.readTextFile(path) };
  } catch (e) {
    throw new UsageError(`Cannot read the lecture file "${path}" (--lecture): ${(e as Error).message.split("\n")[0]}`);
  }
}
