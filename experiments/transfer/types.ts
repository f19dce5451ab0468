/**
 * The data one seed of the transfer family produces.
 * @module
 */
import type { StoredImage } from "../../lib/report/image_grids.ts";

/** The target domain: similar to the source or very different. */
export type Domain = "similar" | "different";
/** The amount of labelled target data: very little or quite a lot. */
export type Amount = "little" | "much";

/** One cell of the lecture's 2×2 table: a domain and an amount, with every strategy's accuracy. */
export interface Cell {
  domain: Domain;
  amount: Amount;
  perClass: number;
  /** Test accuracy by strategy; fine-tuning ones as `finetune-all@0.1`. */
  acc: Record<string, number>;
  /** Per strategy key, per test image: "1" when classified correctly, else "0" (for per-image analyses; E6 is judged per seed). */
  correct: Record<string, string>;
  /** Training steps each strategy executed (counted in the training loop), by strategy key. */
  steps: Record<string, number>;
}

/** What one seed produces. */
export interface TransferData {
  sourceAccuracy: number;
  /** The cache key of the pretrained model (its code, data, recipe and seed). */
  pretrainKey: string;
  differentName: string;
  cells: Cell[];
  samples: StoredImage[];
}
