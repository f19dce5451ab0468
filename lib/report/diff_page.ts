/**
 * The page `deno task diff A B` writes: the "Changes" section of a comparison as a page of its own.
 * @module
 */
import type { Comparison } from "../baseline/compare.ts";
import { renderPage } from "./build.ts";
import { changesData } from "./changes.ts";

/** Renders the comparison of two report directories or baseline files as a self-contained page. */
export function diffPage(c: Comparison): string {
  return renderPage("changes", `Changes: ${c.new.source} against ${c.old.source}`, {
    ...changesData(c, false),
    page: true,
  });
}
