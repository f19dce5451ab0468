/**
 * Flattening a verdict's `measured` value into named numbers and texts, the units a baseline
 * stores and compares. Names: `measured` (a bare number), `measured[2]` (an array's element),
 * `key` and `key[2]` (a record's entry and its array's element), and `name#k` for the k-th number
 * written inside a text ("143, 85, 112" gives `key#1`, `key#2`, `key#3`); the text itself is kept
 * with its numbers replaced by "#", so that a changed wording is seen too.
 * @module
 */
import type { Measure } from "../experiment.ts";

/** The list a number belongs to (an array, or the numbers of one text). */
export interface NumberGroup {
  /** The list's own name ("steps without BatchNorm"). */
  key: string;
  /** How many numbers it holds. */
  size: number;
  /** Whether it is a text of numbers and separators only ("143, 85, 112"); an array is not (it may be per layer). */
  list: boolean;
}

/** One named number of a measure. */
export interface FlatNumber {
  name: string;
  value: number;
  group?: NumberGroup;
}

/** A measure, flattened. */
export interface FlatMeasure {
  numbers: FlatNumber[];
  /** Non-numeric values by name: texts (numbers as "#"), "true"/"false", "null", "NaN". */
  texts: Record<string, string>;
}

const NUMBER = /[-+−]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?/gi;
const LIST_ONLY = /^[\s,;/[\]()]*$/;

/** Parses one number as written in a measure's text (accepts the Unicode minus). */
function parseNumber(text: string): number {
  return Number(text.replace("−", "-"));
}

/** The text with every number replaced by "#" (its shape), and the numbers it holds. */
export function textNumbers(text: string): { shape: string; numbers: number[] } {
  const numbers = [...text.matchAll(NUMBER)].map((m) => parseNumber(m[0]));
  return { shape: text.replace(NUMBER, "#"), numbers };
}

function addScalar(out: FlatMeasure, name: string, v: unknown, group?: NumberGroup): void {
  if (typeof v === "number" && Number.isFinite(v)) {
    out.numbers.push(group ? { name, value: v, group } : { name, value: v });
  } else if (typeof v === "string") {
    const { shape, numbers } = textNumbers(v);
    out.texts[name] = shape;
    const inner: NumberGroup = { key: name, size: numbers.length, list: LIST_ONLY.test(shape.replaceAll("#", "")) };
    numbers.forEach((n, k) => out.numbers.push({ name: `${name}#${k + 1}`, value: n, group: inner }));
  } else {
    out.texts[name] = String(v);
  }
}

function addList(out: FlatMeasure, name: string, list: readonly unknown[]): void {
  const group: NumberGroup = { key: name, size: list.length, list: false };
  list.forEach((v, i) => addScalar(out, `${name}[${i}]`, v, group));
}

/**
 * Flattens a measure into named numbers and texts.
 * @example
 * ```ts
 * flattenMeasure({ "steps": "143, 85", "ratio": 1.5 }).numbers.map((n) => n.name); // ["steps#1", "steps#2", "ratio"]
 * ```
 */
export function flattenMeasure(measured: Measure | undefined): FlatMeasure {
  const out: FlatMeasure = { numbers: [], texts: {} };
  if (measured === undefined) return out;
  if (Array.isArray(measured)) addList(out, "measured", measured);
  else if (measured !== null && typeof measured === "object") {
    for (const [key, v] of Object.entries(measured)) {
      if (Array.isArray(v)) addList(out, key, v);
      else addScalar(out, key, v);
    }
  } else addScalar(out, "measured", measured);
  return out;
}

/** Whether `name` is `key` itself or one of its elements/numbers (`key[2]`, `key#1`). */
export function belongsTo(name: string, key: string): boolean {
  return name === key || name.startsWith(`${key}[`) || name.startsWith(`${key}#`);
}
