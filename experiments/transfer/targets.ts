/**
 * The data of the transfer experiment: a source task (digits of some classes) and target tasks
 * with few labelled examples — similar (other digit classes) or very different (Fashion-MNIST
 * when installed, otherwise digits with a fixed random permutation of their pixels).
 * @module
 */
import type { Rng } from "../../lib/rng.ts";
import { createRng } from "../../lib/rng.ts";
import { type Dataset, subset } from "../../lib/data/dataset.ts";

/** The images of `classes` (in that order), relabelled 0, 1, …, in dataset order. */
export function selectClasses(ds: Dataset, classes: readonly number[], name = ds.name): Dataset {
  const idx: number[] = [];
  for (let i = 0; i < ds.count; i++) if (classes.includes(ds.labels[i])) idx.push(i);
  const out = subset(ds, idx, name);
  out.labels = out.labels.map((l) => classes.indexOf(l));
  out.classNames = classes.map((c) => ds.classNames[c]);
  return out;
}

/** The same images with one fixed random permutation of the pixel positions (seed 0, not the run's). */
export function permutePixels(ds: Dataset): Dataset {
  const n = ds.width * ds.height * ds.channels;
  const perm = createRng(0).shuffle(Array.from({ length: n }, (_, i) => i));
  const images = new Float32Array(ds.images.length);
  for (let i = 0; i < ds.count; i++) for (let j = 0; j < n; j++) images[i * n + j] = ds.images[i * n + perm[j]];
  return { ...ds, name: `${ds.name}-permuted`, source: `${ds.source}, pixels permuted`, images };
}

/** A target task: a class-balanced labelled pool (nested sizes) and a test set. */
export interface Target {
  /** Training images ordered so that the first k·classes hold k per class, for every k. */
  pool: Dataset;
  test: Dataset;
}

/** Splits `ds` into a class-balanced pool of `perClass` per class (round-robin order) and `test` images. */
export function makeTarget(ds: Dataset, perClass: number, test: number, rng: Rng): Target {
  const classes = ds.classNames.length;
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  for (const i of rng.shuffle(Array.from({ length: ds.count }, (_, i) => i))) byClass[ds.labels[i]].push(i);
  const short = byClass.findIndex((c) => c.length < perClass);
  if (short >= 0) {
    throw new RangeError(`Class "${ds.classNames[short]}" of "${ds.name}" has fewer than ${perClass} images`);
  }
  const pool: number[] = [];
  for (let k = 0; k < perClass; k++) for (let c = 0; c < classes; c++) pool.push(byClass[c][k]);
  const rest = rng.shuffle(byClass.flatMap((c) => c.slice(perClass)));
  if (rest.length < test) throw new RangeError(`"${ds.name}" has ${rest.length} images left for a test set of ${test}`);
  return { pool: subset(ds, pool), test: subset(ds, rest.slice(0, test)) };
}
