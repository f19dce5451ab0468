/**
 * Experiment parameters: declared once with a value per profile, a range and a sentence of
 * documentation; overridden from the command line with `--set <experiment>.<name>=<value>`.
 * @module
 */
import { unknownName } from "./suggest.ts";

/** The two run profiles: `ci` is fast enough for every commit, `full` is the lecture's scale. */
export type Profile = "ci" | "full";
/** The profiles, in the order the CLI lists them. */
export const PROFILES: readonly Profile[] = ["ci", "full"];

/** A parameter value: numbers, flags, strings from a set of choices, or lists of numbers. */
export type ParamValue = number | boolean | string | number[];

/** How one parameter is declared. The type is that of the `ci` value. */
export interface ParamSpec<V extends ParamValue = ParamValue> {
  /** Value in the `ci` profile. */
  ci: V;
  /** Value in the `full` profile. */
  full: V;
  /** One sentence: what the parameter is, with its unit. */
  doc: string;
  /** Smallest allowed value (numbers and every element of number lists). */
  min?: number;
  /** Largest allowed value. */
  max?: number;
  /** Whether the value (or each element) must be an integer. */
  integer?: boolean;
  /** The allowed strings, for string parameters. */
  choices?: readonly string[];
}

/** A set of parameter declarations, by name. */
export type ParamSpecs = Record<string, ParamSpec>;

/** The resolved values of a set of declarations. */
export type ParamValues<S extends ParamSpecs> = { [K in keyof S]: S[K]["ci"] };

/** A number parameter in one line: `numberParam(ci, full, doc, min, max, integer)`. */
export function numberParam(
  ci: number,
  full: number,
  doc: string,
  min = 0,
  max = 1e9,
  integer = false,
): ParamSpec<number> {
  return { ci, full, doc, min, max, integer };
}

/** A number-list parameter in one line (the bounds apply to every element). */
export function numberListParam(
  ci: number[],
  full: number[],
  doc: string,
  min = 0,
  max = 1e9,
  integer = false,
): ParamSpec<number[]> {
  return { ci, full, doc, min, max, integer };
}

/**
 * The `fault` parameter of a family: `none` in every profile, or the name of a planted bug or wrong
 * belief that a claim's falsifier switches on (`--set <family>.fault=<name>`). Each name is described
 * in `faults` ("scale-1.2": "Xavier-ReLU at 1.2/√Din"), and the doc lists them.
 */
export function faultParam(faults: Readonly<Record<string, string>>): ParamSpec<string> {
  const names = Object.keys(faults);
  if (names.includes("none")) throw new Error(`faultParam: "none" is the absence of a fault, not a fault`);
  return {
    ci: "none",
    full: "none",
    choices: ["none", ...names],
    doc: `A planted bug for the falsifier tests (none in real runs): ${
      names.map((n) => `${n} = ${faults[n]}`).join("; ")
    }.`,
  };
}

/** An error in user input (a bad flag or value): the CLI prints its message and exits with 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

function describe(spec: ParamSpec): string {
  const v = spec.ci;
  if (typeof v === "boolean") return "true or false";
  if (typeof v === "string") return spec.choices ? spec.choices.join(" | ") : "text";
  const kind = spec.integer ? "integer" : "number";
  const range = spec.min !== undefined || spec.max !== undefined
    ? ` in [${spec.min ?? "-inf"}, ${spec.max ?? "inf"}]`
    : "";
  return Array.isArray(v) ? `comma-separated ${kind}s${range}` : `${kind}${range}`;
}

function checkNumber(name: string, x: number, spec: ParamSpec): void {
  if (!Number.isFinite(x)) throw new UsageError(`Parameter "${name}" must be a finite number, got "${x}"`);
  if (spec.integer && !Number.isInteger(x)) {
    throw new UsageError(`Parameter "${name}" must be an integer, got "${x}"`);
  }
  if ((spec.min !== undefined && x < spec.min) || (spec.max !== undefined && x > spec.max)) {
    throw new UsageError(`Parameter "${name}" is out of range: "${x}"; expected ${describe(spec)}`);
  }
}

/** Validates a value against its declaration; throws a {@link UsageError} naming the bad value. */
export function validateParam(name: string, value: ParamValue, spec: ParamSpec): void {
  const want = spec.ci;
  if (Array.isArray(want)) {
    if (!Array.isArray(value) || value.length === 0) {
      throw new UsageError(`Parameter "${name}" must be ${describe(spec)}, got "${value}"`);
    }
    for (const x of value) checkNumber(name, x, spec);
  } else if (typeof want === "number") {
    if (typeof value !== "number") throw new UsageError(`Parameter "${name}" must be a number, got "${value}"`);
    checkNumber(name, value, spec);
  } else if (typeof want === "boolean") {
    if (typeof value !== "boolean") throw new UsageError(`Parameter "${name}" must be true or false, got "${value}"`);
  } else if (typeof value !== "string" || (spec.choices && !spec.choices.includes(value))) {
    throw new UsageError(`Parameter "${name}" must be one of ${describe(spec)}, got "${value}"`);
  }
}

/** Parses the text of `--set name=text` into the declared type, then validates it. */
export function parseParam(name: string, text: string, spec: ParamSpec): ParamValue {
  const want = spec.ci;
  const num = (s: string) => {
    const x = s.trim() === "" ? NaN : Number(s);
    if (Number.isNaN(x)) {
      throw new UsageError(`Parameter "${name}" expects ${describe(spec)}, got "${text}"`);
    }
    return x;
  };
  let value: ParamValue;
  if (Array.isArray(want)) value = text.split(",").map(num);
  else if (typeof want === "number") value = num(text);
  else if (typeof want === "boolean") {
    if (text !== "true" && text !== "false") {
      throw new UsageError(`Parameter "${name}" expects true or false, got "${text}"`);
    }
    value = text === "true";
  } else value = text;
  validateParam(name, value, spec);
  return value;
}

/**
 * Resolves the values of `specs` for a profile, applying overrides given as text.
 * @param prefix the experiment id, used in messages (`init.width`)
 * @example
 * ```ts
 * const specs = { width: { ci: 64, full: 4096, min: 1, integer: true, doc: "Units per layer." } };
 * resolveParams("init", specs, "ci", { width: "128" }); // { width: 128 }
 * ```
 */
export function resolveParams<S extends ParamSpecs>(
  prefix: string,
  specs: S,
  profile: Profile,
  overrides: Record<string, string> = {},
): ParamValues<S> {
  const out: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = spec[profile];
  for (const [name, text] of Object.entries(overrides)) {
    const spec = specs[name];
    if (!spec) {
      throw new UsageError(
        unknownName("Unknown parameter", `${prefix}.${name}`, Object.keys(specs).map((k) => `${prefix}.${k}`)),
      );
    }
    out[name] = parseParam(`${prefix}.${name}`, text, spec);
  }
  return out as ParamValues<S>;
}

/**
 * Splits repeated `--set id.name=value` flags into overrides per experiment id.
 * Throws a {@link UsageError} for a malformed flag or an id not in `ids`.
 */
export function parseSetFlags(
  flags: readonly string[],
  ids: readonly string[],
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const flag of flags) {
    const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)=(.*)$/s.exec(flag);
    if (!m) {
      throw new UsageError(
        `Malformed --set "${flag}": expected <experiment>.<parameter>=<value>, e.g. init.width=2048`,
      );
    }
    const [, id, name, value] = m;
    if (!ids.includes(id)) throw new UsageError(unknownName("Unknown experiment in --set", id, ids));
    (out[id] ??= {})[name] = value;
  }
  return out;
}

/** The help text of one parameter: `width  integer in [2, 16384]  (ci 4096, full 4096)  Units…`. */
export function describeParam(name: string, spec: ParamSpec): string {
  return `${name} = ${spec.ci} (ci), ${spec.full} (full); ${describe(spec)}. ${spec.doc}`;
}
