/**
 * Reading and writing baselines. A side of a comparison is a baseline file
 * (`reports/baseline/<profile>.json`), a report directory (its `<id>.json` results) or one result
 * file. Bad input is a {@link UsageError}: one line naming the file and the fix (exit 2).
 * @module
 */
import { type Profile, PROFILES, UsageError } from "../params.ts";
import type { ExperimentResult } from "../runner.ts";
import { writeFileAtomic } from "../report/write.ts";
import { snapshot } from "./snapshot.ts";
import { type Baseline, BASELINE_FORMAT, BASELINE_VERSION } from "./types.ts";

/** Where the baseline of a profile lives. */
export function baselinePath(profile: Profile): string {
  return `reports/baseline/${profile}.json`;
}

function bad(path: string, what: string): UsageError {
  return new UsageError(
    `Baseline file "${path}" ${what}: restore the committed one (git checkout -- ${path}) or delete it, ` +
      "then `deno task report` and `deno task baseline --update`",
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Checks the shape of a parsed baseline; throws a UsageError naming the first bad entry. */
export function validateBaseline(path: string, data: unknown): Baseline {
  if (!isRecord(data) || data.format !== BASELINE_FORMAT) throw bad(path, "is not a claimbook baseline");
  if (data.version !== BASELINE_VERSION) {
    throw bad(path, `has version ${JSON.stringify(data.version)}, this claimbook reads version ${BASELINE_VERSION}`);
  }
  if (!PROFILES.includes(data.profile as Profile)) {
    throw bad(path, `has unknown profile ${JSON.stringify(data.profile)}`);
  }
  if (!isRecord(data.environment) || !isRecord(data.experiments)) throw bad(path, "lacks environment or experiments");
  for (const [id, e] of Object.entries(data.experiments)) {
    if (!isRecord(e) || !isRecord(e.claims) || !Array.isArray(e.seeds) || !isRecord(e.params)) {
      throw bad(path, `has a malformed experiment "${id}"`);
    }
    for (const [cid, c] of Object.entries(e.claims)) {
      if (!isRecord(c) || typeof c.status !== "string" || !isRecord(c.numbers) || !isRecord(c.texts)) {
        throw bad(path, `has a malformed claim "${id}/${cid}"`);
      }
      for (const [name, n] of Object.entries(c.numbers)) {
        if (!isRecord(n) || !Number.isFinite(n.value) || !((n.band as number) > 0)) {
          throw bad(path, `has a bad number "${id}/${cid} ${name}" (needs a finite value and a band > 0)`);
        }
      }
    }
  }
  return data as unknown as Baseline;
}

/** Reads and checks a baseline file; `profile`, when given, must be the file's. */
export async function readBaseline(path: string, profile?: Profile): Promise<Baseline> {
  let text;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new UsageError(
        `Baseline file "${path}" does not exist: name an existing one, or make it with \`deno task report\` then \`deno task baseline\``,
      );
    }
    throw bad(path, `cannot be read (${(e as Error).message})`);
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw bad(path, `is not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  const baseline = { ...validateBaseline(path, data), source: path };
  if (profile && baseline.profile !== profile) {
    throw new UsageError(
      `Baseline file "${path}" is of profile ${baseline.profile}, not ${profile}: compare ${profile} runs with ${
        baselinePath(profile)
      }`,
    );
  }
  return baseline;
}

/** The baseline of `path` if the file exists (undefined if not); a bad file throws as {@link readBaseline}. */
export async function readBaselineIfAny(path: string, profile?: Profile): Promise<Baseline | undefined> {
  const there = await Deno.stat(path).then(() => true, (e) => e instanceof Deno.errors.NotFound ? false : true);
  return there ? await readBaseline(path, profile) : undefined;
}

function isResult(v: unknown): v is ExperimentResult {
  return isRecord(v) && typeof v.id === "string" && Array.isArray(v.claims) && isRecord(v.provenance) &&
    typeof v.profile === "string" && isRecord(v.backend);
}

/** The experiment results (`<id>.json`) in a report directory, sorted by id; other JSON files are skipped. */
export async function readResultDir(dir: string): Promise<ExperimentResult[]> {
  const out: ExperimentResult[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (!e.isFile || !e.name.endsWith(".json")) continue;
    const path = `${dir}/${e.name}`;
    let data;
    try {
      data = JSON.parse(await Deno.readTextFile(path));
    } catch (err) {
      throw new UsageError(
        `Result file "${path}" is not valid JSON (${(err as Error).message.split("\n")[0]}): rerun its experiment`,
      );
    }
    if (isResult(data)) out.push(data);
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** The profile of results: `profile` if given, else their only one; throws when they mix profiles. */
function profileOf(path: string, results: readonly ExperimentResult[], profile?: Profile): Profile {
  if (profile) return profile;
  const seen = [...new Set(results.map((r) => r.profile))].sort();
  if (seen.length > 1) {
    throw new UsageError(`"${path}" holds results of profiles ${seen.join(" and ")}: pass --profile to choose one`);
  }
  return seen[0] as Profile;
}

/**
 * One side of a comparison as a snapshot: a report directory, a result file or a baseline file.
 * In a directory, results of another profile than `profile` are left out.
 */
export async function readSide(path: string, profile?: Profile): Promise<Baseline> {
  const info = await Deno.stat(path).catch(() => undefined);
  if (!info) {
    throw new UsageError(`"${path}" does not exist: pass a report directory (e.g. reports) or a baseline file`);
  }
  if (info.isDirectory) {
    const all = await readResultDir(path);
    const p = profileOf(path, all, profile);
    const results = all.filter((r) => r.profile === p);
    if (!results.length) {
      throw new UsageError(
        `"${path}" holds no ${profile ?? ""} experiment results (<id>.json): run deno task report --out ${path}`,
      );
    }
    return snapshot(results, p, path);
  }
  let data;
  try {
    data = JSON.parse(await Deno.readTextFile(path));
  } catch (e) {
    throw bad(path, `is not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  if (isResult(data)) return snapshot([data], profileOf(path, [data], profile), path);
  return await readBaseline(path, profile);
}

/**
 * JSON indented by two spaces, with arrays of plain values and small flat objects (a number's
 * value, band and rule) on one line: short diffs to review.
 */
export function reviewJson(v: unknown, indent = ""): string {
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")) return JSON.stringify(v);
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  const flat = Object.values(v).every((x) => x === null || typeof x !== "object");
  if (flat && Object.keys(v).length <= 4 && JSON.stringify(v).length <= 100) return JSON.stringify(v);
  const inner = indent + "  ";
  const items = Array.isArray(v)
    ? v.map((x) => inner + reviewJson(x, inner))
    : Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) =>
      `${inner}${JSON.stringify(k)}: ${reviewJson(x, inner)}`
    );
  const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
  return items.length ? `${open}\n${items.join(",\n")}\n${indent}${close}` : open + close;
}

/** Writes a baseline atomically (creating its directory) as {@link reviewJson}. */
export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".";
  await Deno.mkdir(dir, { recursive: true });
  await writeFileAtomic(path, reviewJson(baseline) + "\n");
}
