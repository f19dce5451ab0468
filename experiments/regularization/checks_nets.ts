/**
 * The checks of the trained-net claims: D6 (the Monte-Carlo average over masks approaches the test-time
 * output of a ReLU net, not exactly; exactly for the linear control) and D7 (dropout narrows the
 * train/validation gap: a one-sided sign test over seeds × independent repeats).
 * @module
 */
import type { SeedRun, Verdict } from "../../lib/experiment.ts";
import { fmt, mean, record, seedsNeeded, signTest } from "../../lib/checks.ts";
import type { D7Pair, RegData, TrainedNet } from "./types.ts";

type Runs = readonly SeedRun<RegData>[];

const last = <T>(xs: readonly T[]) => xs[xs.length - 1];

/** "Close" for D6: the ReLU net's RMS gap after all masks at most this fraction of the output's RMS. */
export const D6_CLOSE = 0.25;
/** The level of D7's sign test. */
export const D7_LEVEL = 0.05;

/** D6: approaches (below one pass, ≤ D6_CLOSE of the output), not exact (> 2 se); the linear control ≤ 1.5 se. */
export function d6(runs: Runs): Verdict {
  const rows = runs.map(({ data: { d6 } }) => {
    const relu = last(d6.relu.points), linear = last(d6.linear.points);
    return {
      relu,
      linear,
      d6,
      approaches: relu.gap < d6.relu.singlePass && relu.gap < d6.relu.points[0].gap &&
        relu.gap <= D6_CLOSE * d6.relu.outputRms,
      notExact: relu.gap > 2 * relu.stdErr,
      linearExact: linear.gap <= 1.5 * linear.stdErr,
    };
  });
  const parts = {
    "approaches the test output": rows.every((r) => r.approaches),
    "not exactly (ReLU)": rows.every((r) => r.notExact),
    "exact for the linear control": rows.every((r) => r.linearExact),
  };
  const pass = Object.values(parts).every(Boolean);
  const { relu, linear, d6 } = rows[0];
  const failed = Object.entries(parts).filter(([, ok]) => !ok).map(([k]) => k);
  return {
    pass,
    parts,
    measured: record([
      [`ReLU net: RMS gap after ${relu.samples} masks`, relu.gap],
      ["ReLU net: MC standard error", relu.stdErr],
      ["ReLU net: RMS gap of a single pass", d6.relu.singlePass],
      ["ReLU net: relative gap (gap / output RMS)", relu.gap / d6.relu.outputRms],
      ["linear control: gap / standard error", linear.gap / linear.stdErr],
      ["ReLU net: same predicted class", d6.relu.agreement],
    ]),
    expected: record([
      ["ReLU gap", `> 2 standard errors (not exact); < a single pass's and ≤ ${D6_CLOSE} of the output RMS (close)`],
      ["linear control", "gap ≤ 1.5 standard errors (exact in expectation)"],
    ]),
    tolerance: "every seed. Were the average exact, the RMS gap would be sampling noise alone, ≈ 1 standard error " +
      `(as the linear control should show); 2 is far outside that for thousands of outputs; "close": ≤ ${D6_CLOSE} ` +
      "of the test output's RMS",
    summary: `On the dropout-trained net (seed ${runs[0].seed}), the mean of ${relu.samples} training-time passes ` +
      `is ${fmt(relu.gap)} (RMS logit, ${fmt(relu.gap / d6.relu.outputRms)} of the output) from the test-time ` +
      `output, ${fmt(relu.gap / relu.stdErr)} standard errors; one pass is off by ${fmt(d6.relu.singlePass)}; with ` +
      `the ReLUs removed the gap is ${fmt(linear.gap / linear.stdErr)} standard errors. ` +
      (pass
        ? "The average approaches the test output but not exactly, because the ReLUs are nonlinear; the linear " +
          "control is exact up to sampling noise."
        : `Failed: ${failed.join(", ")}.`),
  };
}

const gap = (n: TrainedNet) => n.val.loss - n.train.loss;

/** D7: dropout's gap below the plain net's, by a one-sided sign test over every (seed, repeat) comparison. */
export function d7(runs: Runs): Verdict {
  const pairs = runs.flatMap((r) =>
    [r.data.d7, ...(r.data.d7More ?? [])].map((pair, k) => ({
      label: `seed ${r.seed}${r.data.d7More?.length ? `, repeat ${k + 1}` : ""}`,
      pair,
    }))
  );
  const t = signTest(
    pairs.map((x, i) => ({ seed: i + 1, data: x.pair })),
    (d: D7Pair) => gap(d.dropout) < gap(d.none),
    D7_LEVEL,
  );
  const n = pairs.length, needed = seedsNeeded(D7_LEVEL);
  const inconclusive = t.inconclusive ? `${n} comparison${n === 1 ? "" : "s"}, the test needs ${needed}` : undefined;
  const m = (f: (d: D7Pair) => number) => mean(pairs.map((x) => f(x.pair)));
  const perPair = Object.fromEntries(pairs.map((x) => [x.label, gap(x.pair.dropout) < gap(x.pair.none)]));
  const gaps = `mean gap ${fmt(m((d) => gap(d.none)))} → ${fmt(m((d) => gap(d.dropout)))}; validation accuracy ` +
    `${fmt(m((d) => d.none.val.accuracy))} → ${fmt(m((d) => d.dropout.val.accuracy))}`;
  return {
    pass: t.pass,
    ...(inconclusive ? { inconclusive } : {}),
    measured: {
      ...(record([
        ["gap without dropout (val − train loss)", m((d) => gap(d.none))],
        ["gap with dropout", m((d) => gap(d.dropout))],
        ["val accuracy without dropout", m((d) => d.none.val.accuracy)],
        ["val accuracy with dropout", m((d) => d.dropout.val.accuracy)],
        ["sign test p-value", t.pValue],
      ]) as Record<string, number>),
      ...perPair,
    },
    expected: "gap with dropout < gap without",
    tolerance: `one-sided sign test at level ${fmt(D7_LEVEL)} over ${n} independent comparisons (${runs.length} ` +
      `seeds × ${n / runs.length} repeats, each its own split, initial weights and masks): held in ${t.held} of ` +
      `${n}, p = ${fmt(t.pValue, 3)} (null hypothesis: holds in at most half of them)`,
    summary: inconclusive
      ? `Dropout narrowed the train/validation loss gap in ${t.held} of ${n} comparisons (${gaps}); too few ` +
        `comparisons for the sign test (${inconclusive}).`
      : t.pass
      ? `Dropout narrowed the train/validation loss gap in ${t.held} of ${n} comparisons (sign test p = ${
        fmt(t.pValue, 3)
      } ≤ ${D7_LEVEL}; ${gaps}).`
      : `Dropout narrowed the train/validation loss gap in only ${t.held} of ${n} comparisons (sign test p = ${
        fmt(t.pValue, 3)
      } > ${D7_LEVEL}): not shown here (${gaps}).`,
  };
}
