/**
 * "Did you mean" suggestions for error messages.
 * @module
 */

/** Levenshtein edit distance between two strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Formats the tail of an error about an unknown name: a close match if there is one, then the
 * valid choices.
 * @example
 * ```ts
 * unknownName("Unknown experiment", "inti", ["init", "layers"]);
 * // 'Unknown experiment "inti": did you mean "init"? Valid: init, layers.'
 * ```
 */
export function unknownName(what: string, name: string, valid: readonly string[]): string {
  const best = [...valid].sort((x, y) => editDistance(name, x) - editDistance(name, y))[0];
  const hint = best !== undefined && editDistance(name, best) <= Math.max(2, name.length / 3)
    ? ` did you mean "${best}"?`
    : "";
  return `${what} "${name}":${hint} Valid: ${valid.join(", ") || "(none)"}.`;
}
