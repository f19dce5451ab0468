/**
 * The cells of the lecture's 2×2 table: the strategies trained in each cell, the slide's
 * learning-rate multiplier, and lookups of a cell's accuracies in the seeds' data.
 * @module
 */
import type { SeedRun } from "../../lib/experiment.ts";
import { mean } from "../../lib/checks.ts";
import type { Strategy } from "./strategies.ts";
import type { P } from "./params.ts";
import type { Amount, Domain, TransferData } from "./types.ts";

/** The multiplier of `lrMults` nearest the slide's 0.1. */
export const slideMult = (p: P) =>
  p.lrMults.reduce((a, b) => (Math.abs(Math.log(b / 0.1)) < Math.abs(Math.log(a / 0.1)) ? b : a));
/** The cell of a domain and an amount in one seed's data. */
export const cellOf = (d: TransferData, domain: Domain, amount: Amount) =>
  d.cells.find((c) => c.domain === domain && c.amount === amount)!;
/** The mean test accuracy of a strategy key in one cell, over the seeds. */
export const meanAcc = (runs: readonly SeedRun<TransferData>[], domain: Domain, amount: Amount, key: string) =>
  mean(runs.map((r) => cellOf(r.data, domain, amount).acc[key]));

/** The strategies of one cell: [key, strategy, lr multiplier]. */
export function strategies(p: P): [string, Strategy, number][] {
  const m = slideMult(p);
  return [
    ["scratch", "scratch", 1],
    ["linear-top", "linear-top", 1],
    ["linear-layer1", "linear-layer1", 1],
    [`finetune-top@${m}`, "finetune-top", m],
    ...p.lrMults.map((x): [string, Strategy, number] => [`finetune-all@${x}`, "finetune-all", x]),
  ];
}
