/**
 * Why a result had to be re-run: the differences between the key parts of the last cached run of an
 * experiment and this run's, in words ("experiments/init/nets.ts changed", "seeds 1–3 → 1–5").
 * @module
 */
import type { KeyParts } from "./key.ts";

/** A list of seeds in words: "1–3" when consecutive, else "1, 4, 7". */
export function seedsText(seeds: readonly number[]): string {
  if (seeds.length > 1 && seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1)) {
    return `${seeds[0]}–${seeds[seeds.length - 1]}`;
  }
  return seeds.join(", ");
}

function valueText(v: unknown): string {
  return Array.isArray(v) ? v.join(",") : String(v);
}

/** The reasons `now` differs from `before` (empty when they are equal). */
export function explainChange(before: KeyParts, now: KeyParts): string[] {
  const out: string[] = [];
  const files = [...new Set([...Object.keys(before.modules), ...Object.keys(now.modules)])].sort();
  for (const f of files) {
    if (!(f in before.modules)) out.push(`${f} added to its imports`);
    else if (!(f in now.modules)) out.push(`${f} no longer imported`);
    else if (before.modules[f] !== now.modules[f]) out.push(`${f} changed`);
  }
  if (before.seeds.join() !== now.seeds.join()) out.push(`seeds ${seedsText(before.seeds)} → ${seedsText(now.seeds)}`);
  const names = [...new Set([...Object.keys(before.params), ...Object.keys(now.params)])].sort();
  for (const n of names) {
    const [a, b] = [before.params[n], now.params[n]];
    if (valueText(a) !== valueText(b)) out.push(`${before.experiment}.${n} ${valueText(a)} → ${valueText(b)}`);
  }
  if (before.backend.name !== now.backend.name) out.push(`new backend (${before.backend.name} → ${now.backend.name})`);
  else if (before.backend.device !== now.backend.device) out.push(`new device (${now.backend.device})`);
  if (before.versions.deno !== now.versions.deno) out.push(`Deno ${before.versions.deno} → ${now.versions.deno}`);
  if (before.versions.tfjs !== now.versions.tfjs) out.push(`tfjs ${before.versions.tfjs} → ${now.versions.tfjs}`);
  if (before.versions.lockfile !== now.versions.lockfile) out.push("deno.lock changed (dependencies)");
  if (before.profile !== now.profile) out.push(`profile ${before.profile} → ${now.profile}`);
  return out;
}
