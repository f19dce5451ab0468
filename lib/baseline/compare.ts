/**
 * Comparing a new run (or any snapshot) with a baseline: per claim a status change (pass → fail is
 * a regression, fail → pass is news), numbers outside their band (drift), changed texts, claims
 * added or removed; per experiment parameters, seeds and a run time over 1.5× the baseline's; and
 * the environment. Each change is one line a lecturer can read.
 * @module
 */
import { isFailure } from "../runner.ts";
import { fmt } from "../checks.ts";
import { duration } from "../report/format.ts";
import { outside } from "./band.ts";
import type { Baseline, BaselineClaim, BaselineExperiment } from "./types.ts";

/** How much a change matters: a regression fails the run; drift fails it with --strict only. */
export type Severity = "regression" | "drift" | "news" | "info";

/** What changed. */
export type ChangeKind =
  | "status"
  | "number"
  | "text"
  | "claim-added"
  | "claim-removed"
  | "experiment-added"
  | "experiment-missing"
  | "params"
  | "seeds"
  | "time"
  | "environment";

/** One change, with its one-line message. */
export interface Change {
  severity: Severity;
  kind: ChangeKind;
  /** The experiment id ("" for the environment). */
  experiment: string;
  claim?: string;
  /** The number's or field's name. */
  name?: string;
  old?: string;
  new?: string;
  /** The band, in words ("±0.02 (tolerance ±0.02)"). */
  band?: string;
  message: string;
}

/** The outcome of {@link compare}. */
export interface Comparison {
  old: Baseline;
  new: Baseline;
  changes: Change[];
  /** What was compared: experiments and claims on both sides, numbers checked against a band. */
  compared: { experiments: number; claims: number; numbers: number };
}

/** A run time this many times the baseline's is reported. */
export const SLOW_FACTOR = 1.5;

/** Two numbers written with enough digits to tell them apart. */
function pair(a: number, b: number): [string, string] {
  for (let d = 4; d <= 12; d++) if (fmt(a, d) !== fmt(b, d)) return [fmt(a, d), fmt(b, d)];
  return [fmt(a), fmt(b)];
}

function statusChange(where: string, id: string, claim: string, o: BaselineClaim, n: BaselineClaim): Change[] {
  if (o.status === n.status) return [];
  const severity: Severity = !isFailure(o.status) && isFailure(n.status)
    ? "regression"
    : isFailure(o.status) && !isFailure(n.status)
    ? "news"
    : "info";
  const label = severity === "info" ? "status changed" : severity;
  return [{
    severity,
    kind: "status",
    experiment: id,
    claim,
    old: o.status,
    new: n.status,
    message: `${where} ${label}: ${o.status} → ${n.status}${n.summary ? `: ${n.summary}` : ""}`,
  }];
}

function valueChanges(where: string, id: string, claim: string, o: BaselineClaim, n: BaselineClaim): Change[] {
  if (o.measured === undefined || n.measured === undefined) return [];
  const out: Change[] = [];
  const base = { severity: "drift" as const, experiment: id, claim };
  for (const [name, old] of Object.entries(o.numbers)) {
    const now = n.numbers[name];
    if (now === undefined) {
      const text = n.texts[name];
      out.push({
        ...base,
        kind: "number",
        name,
        old: fmt(old.value),
        new: text ?? "absent",
        message: `${where} drift: ${name} ${fmt(old.value)} → ${text ?? "absent"}`,
      });
    } else if (outside(old, now.value)) {
      const [a, b] = pair(old.value, now.value);
      const band = `±${fmt(old.band)} (${old.rule})`;
      out.push({
        ...base,
        kind: "number",
        name,
        old: a,
        new: b,
        band,
        message: `${where} drift: ${name} ${a} → ${b}, outside the band ${band}`,
      });
    }
  }
  for (const name of Object.keys(n.numbers)) {
    if (!(name in o.numbers) && !(name in o.texts) && !o.wallClock?.includes(name)) {
      out.push({
        ...base,
        kind: "number",
        name,
        old: "absent",
        new: fmt(n.numbers[name].value),
        message: `${where} drift: new number ${name} = ${fmt(n.numbers[name].value)}`,
      });
    }
  }
  for (const [name, old] of Object.entries(o.texts)) {
    const now = n.texts[name] ?? (name in n.numbers ? fmt(n.numbers[name].value) : "absent");
    if (now !== old) {
      out.push({
        ...base,
        kind: "text",
        name,
        old,
        new: now,
        message: `${where} drift: ${name} "${old}" → "${now}"`,
      });
    }
  }
  return out;
}

function experimentChanges(id: string, o: BaselineExperiment, n: BaselineExperiment): Change[] {
  const out: Change[] = [];
  const info = { severity: "info" as const, experiment: id };
  for (const k of Object.keys({ ...o.params, ...n.params })) {
    const [a, b] = [JSON.stringify(o.params[k]) ?? "absent", JSON.stringify(n.params[k]) ?? "absent"];
    if (a === b) continue;
    out.push({ ...info, kind: "params", name: k, old: a, new: b, message: `${id}: parameter ${k} ${a} → ${b}` });
  }
  if (o.seeds.join() !== n.seeds.join()) {
    out.push({
      ...info,
      kind: "seeds",
      old: o.seeds.join(", "),
      new: n.seeds.join(", "),
      message: `${id}: seeds ${o.seeds.join(", ")} → ${n.seeds.join(", ")}`,
    });
  }
  if (o.durationMs > 0 && n.durationMs > SLOW_FACTOR * o.durationMs) {
    out.push({
      ...info,
      kind: "time",
      old: duration(o.durationMs),
      new: duration(n.durationMs),
      message: `${id}: run time ${duration(o.durationMs)} → ${duration(n.durationMs)} (${
        fmt(n.durationMs / o.durationMs, 2)
      }× the baseline's; reported, not failed)`,
    });
  }
  for (const [claim, oc] of Object.entries(o.claims)) {
    const nc = n.claims[claim];
    const where = `${id}/${claim}`;
    if (!nc) {
      out.push({
        severity: "drift",
        kind: "claim-removed",
        experiment: id,
        claim,
        old: oc.status,
        message: `${where} removed (was ${oc.status} in the baseline)`,
      });
      continue;
    }
    out.push(...statusChange(where, id, claim, oc, nc), ...valueChanges(where, id, claim, oc, nc));
  }
  for (const [claim, nc] of Object.entries(n.claims)) {
    if (!(claim in o.claims)) {
      out.push({ ...info, kind: "claim-added", claim, new: nc.status, message: `${id}/${claim} added (${nc.status})` });
    }
  }
  return out;
}

/**
 * Compares `now` with the baseline `old`. Experiments only in `old` are listed as not in the new
 * run (a partial run removes nothing); experiments only in `now` as added.
 * @example
 * ```ts
 * const c = compare(baseline, snapshot(results, "ci", "reports"));
 * c.changes.filter((x) => x.severity === "regression").map((x) => x.message);
 * ```
 */
export function compare(old: Baseline, now: Baseline): Comparison {
  const changes: Change[] = [];
  for (const field of ["backend", "device", "tfjs", "deno", "os"] as const) {
    if (old.environment[field] !== now.environment[field]) {
      changes.push({
        severity: "info",
        kind: "environment",
        experiment: "",
        name: field,
        old: old.environment[field],
        new: now.environment[field],
        message: `environment: ${field} ${old.environment[field] || "—"} → ${now.environment[field] || "—"}`,
      });
    }
  }
  let experiments = 0, claims = 0, numbers = 0;
  for (const [id, n] of Object.entries(now.experiments)) {
    const o = old.experiments[id];
    if (!o) {
      changes.push({
        severity: "info",
        kind: "experiment-added",
        experiment: id,
        message: `${id}: not in the baseline (${Object.keys(n.claims).length} claims)`,
      });
      continue;
    }
    experiments++;
    for (const [cid, oc] of Object.entries(o.claims)) {
      if (!n.claims[cid]) continue;
      claims++;
      if (n.claims[cid].measured !== undefined) numbers += Object.keys(oc.numbers).length;
    }
    changes.push(...experimentChanges(id, o, n));
  }
  for (const id of Object.keys(old.experiments)) {
    if (!(id in now.experiments)) {
      changes.push({
        severity: "info",
        kind: "experiment-missing",
        experiment: id,
        message: `${id}: in the baseline, not in ${now.source} (not compared)`,
      });
    }
  }
  return { old, new: now, changes, compared: { experiments, claims, numbers } };
}

/** Whether the comparison fails a run: a regression, or with `strict` also drift. */
export function failsRun(c: Comparison, strict: boolean): boolean {
  return c.changes.some((x) => x.severity === "regression" || (strict && x.severity === "drift"));
}

/** The comparison restricted to the given experiments (e.g. the ones this run ran). */
export function only(c: Comparison, ids: readonly string[]): Comparison {
  return { ...c, changes: c.changes.filter((x) => x.experiment === "" || ids.includes(x.experiment)) };
}
