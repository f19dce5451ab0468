/**
 * Reading data files for the dataset loaders: whole files, optionally gzip-compressed, with
 * one-line errors that name the file and say what is wrong.
 * @module
 */

import { UsageError } from "../params.ts";
import { noteFile } from "./read_log.ts";

/** A problem with a data file or directory: a usage error, so the CLI prints the one line and exits with 2. */
export class DataError extends UsageError {
  override name = "DataError";
}

/** Whether `path` is an existing directory. */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isDirectory;
  } catch {
    return false;
  }
}

/** Throws a {@link DataError} unless `dir` is an existing directory. */
export async function requireDirectory(dir: string, what: string): Promise<void> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(dir);
  } catch {
    throw new DataError(`${what} directory "${dir}" does not exist`);
  }
  if (!info.isDirectory) throw new DataError(`${what} path "${dir}" is not a directory`);
}

/** The names of the files in `dir`, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) if (e.isFile) names.push(e.name);
  return names.sort();
}

/** Whether the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip bytes; a corrupt or truncated stream becomes a {@link DataError} naming `file`. */
export async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(
      new DecompressionStream("gzip"),
    );
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new DataError(
      `File "${file}" is not a valid gzip file (corrupt or truncated): ${e instanceof Error ? e.message : e}`,
    );
  }
}

/** Reads a file, decompressing it when it is gzip (by its magic number, whatever its name). */
export async function readDataFile(path: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (e) {
    throw new DataError(`Cannot read "${path}": ${e instanceof Error ? e.message : e}`);
  }
  await noteFile(path, bytes);
  if (isGzip(bytes)) return await gunzip(bytes, path);
  if (path.endsWith(".gz")) throw new DataError(`File "${path}" ends in .gz but is not gzip-compressed`);
  return bytes;
}

/** Joins a directory and a file name. */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}
