/**
 * The learning-rate checks of the babysitting experiment (G4, G5): how a run is classified
 * (too low, workable, explodes) and the verdicts computed from the runs' epoch tables.
 * @module
 */
import type { Verdict } from "../../lib/experiment.ts";
import { fmt, mean, record } from "../../lib/checks.ts";
import type { EpochRow } from "../../lib/nn/classifier_trainer.ts";
import type { P } from "./params.ts";
import type { BabysitData, LrRun } from "./types.ts";
import { num } from "../../lib/nn/real.ts";

const lossOf = (r: EpochRow) => num(r.trainLoss);

/** The lecture's rough range for the learning rate. */
export const LECTURE_LRS = { lo: 1e-5, hi: 1e-3 };
/** A change of the loss smaller than this (nats) counts as "not going down" (4% of ln 10). */
export const MOVE = 0.1;

/** How a learning-rate run went. */
export type RunStatus = "too low" | "workable" | "explodes" | "NaN/inf";

const bad = (r: EpochRow) => !Number.isFinite(num(r.cost)) || !Number.isFinite(lossOf(r));

/**
 * Classifies a run from its epoch table: `NaN/inf` when a cost goes non-finite, `explodes` when
 * the loss climbs more than {@link MOVE} above its initial value, `too low` when it ends less than
 * {@link MOVE} below it, else `workable`. `trainedFirst`: the loss first fell by {@link MOVE}.
 */
export function classifyRun(run: LrRun): { status: RunStatus; firstBad: number | null; trainedFirst: boolean } {
  const rows = run.rows, start = lossOf(rows[0]);
  const firstBadRow = rows.slice(1).find((r) => bad(r) || lossOf(r) > start + MOVE);
  const before = rows.slice(1, firstBadRow ? firstBadRow.epoch : undefined);
  const trainedFirst = before.some((r) => lossOf(r) < start - MOVE);
  if (firstBadRow) {
    return { status: bad(firstBadRow) ? "NaN/inf" : "explodes", firstBad: firstBadRow.epoch, trainedFirst };
  }
  const last = rows[rows.length - 1];
  return { status: lossOf(last) > start - MOVE ? "too low" : "workable", firstBad: null, trainedFirst };
}

function runAt(d: BabysitData, lr: number): LrRun {
  const r = d.lrRuns.find((x) => x.lr === lr);
  if (!r) throw new Error(`no run at learning rate ${lr}`);
  return r;
}

/**
 * G4: at the low rate the loss barely moves, the accuracy rises above chance, the logits stay tiny; judged per seed
 * over the independent runs at that rate (the sweep's and `lowRepeats − 1` more), their accuracies pooled.
 */
export function g4Verdict(data: BabysitData[], p: P): Verdict {
  const per = data.map((d) => {
    const tables = [runAt(d, p.lowLr).rows, ...(d.lowRepeats ?? [])];
    const ends = tables.map((rows) => ({ first: rows[0], last: rows[rows.length - 1] }));
    const chance = 1 / d.data.classes, runs = tables.length;
    // under "no better than chance", the mean of `runs` accuracies on val examples has sd √(c(1−c)/(val·runs))
    const sd = Math.sqrt(chance * (1 - chance) / (d.data.val * runs));
    return {
      move: Math.max(...ends.map((e) => Math.abs(lossOf(e.last) - lossOf(e.first)))),
      acc0: mean(ends.map((e) => e.first.valAcc)),
      acc: mean(ends.map((e) => e.last.valAcc)),
      bar: chance + 3 * sd,
      range: Math.max(...ends.map((e) => num(e.last.logitRange))),
      epochs: ends[0].last.epoch,
      runs,
    };
  });
  const ok = per.every((x) => x.move <= 0.01 && x.acc >= x.bar && x.acc > x.acc0 && x.range <= 0.01);
  const w = per[0];
  return {
    pass: ok,
    measured: record([
      ["loss change", Math.max(...per.map((x) => x.move))],
      ["val acc, start (mean over runs)", w.acc0],
      ["val acc, end (mean over runs)", Math.min(...per.map((x) => x.acc))],
      ["mean logit range, end", Math.max(...per.map((x) => x.range))],
    ]),
    expected: record([
      ["loss change", "≤ 0.01 (lecture 1.6e-4)"],
      ["val acc, end (mean over runs)", `≥ ${fmt(w.bar)} and above the start (lecture 0.103 → 0.192)`],
      ["mean logit range, end", "≤ 0.01"],
    ]),
    tolerance:
      `every seed, over ${w.runs} independent runs at the low rate (own init and batch order): mean accuracy ` +
      `above chance by 3 binomial sd of the mean of ${w.runs} runs on the validation set; |loss − ln 10| ≤ logit range`,
    summary: `In ${w.epochs} epochs at lr ${fmt(p.lowLr)} the loss moves by at most ${fmt(w.move)} in ${w.runs} runs ` +
      `while validation accuracy goes ${fmt(w.acc0)} → ${fmt(w.acc)} on average: the scores span ${fmt(w.range)} ` +
      `per example` +
      (ok
        ? `, so every softmax probability stays near 1/10 and the loss within ${fmt(w.range)} of ln 10, yet the ` +
          `largest score is already the right class more often than chance.`
        : `; the lecture's picture (tiny scores, a pinned loss, accuracy above chance) does not hold here.`),
  };
}

/** G5: the huge rate gives NaN/inf at once, high rates explode, and the workable range is found. */
export function g5Verdict(data: BabysitData[], p: P): Verdict {
  const per = data.map((d) => {
    const cls = d.lrRuns.map((r) => ({ lr: r.lr, ...classifyRun(r) }));
    const huge = runAt(d, p.hugeLr).rows[1];
    const work = cls.filter((c) => c.status === "workable").map((c) => c.lr);
    const lo = work.length ? Math.min(...work) : NaN, hi = work.length ? Math.max(...work) : NaN;
    const ordered = work.length > 0 &&
      cls.every((c) =>
        c.lr < lo
          ? c.status === "too low"
          : c.lr > hi
          ? c.status === "explodes" || c.status === "NaN/inf"
          : c.status === "workable"
      );
    const lecture = cls.find((c) => c.lr === p.lectureLr)!;
    // The upper end is a stability limit (sharp); the lower one a patience limit (it moves with the epochs).
    const upper = cls.find((c) => c.lr === LECTURE_LRS.hi);
    return {
      upperOk: upper?.status === "workable",
      upperStatus: upper ? upper.status : "not tried",
      cls,
      hugeBad: huge !== undefined && bad(huge),
      hugeCost: huge ? num(huge.cost) : NaN,
      lo,
      hi,
      ordered,
      lecture,
      lectureSetup: d.data.name === "cifar10" && d.data.D === 3072,
    };
  });
  const decade = (x: number, ref: number) => Math.abs(Math.log10(x) - Math.log10(ref)) <= 1 + 1e-9;
  const parts = {
    "NaN at the huge rate": per.every((x) => x.hugeBad),
    "ordered": per.every((x) => x.ordered),
    "range within a decade": per.every((x) => decade(x.lo, LECTURE_LRS.lo) && decade(x.hi, LECTURE_LRS.hi)),
    "the lecture's upper end trains": per.every((x) => x.upperOk),
    "the lecture's rate explodes (CIFAR-10)": per.every((x) =>
      !x.lectureSetup || x.lecture.status === "explodes" || x.lecture.status === "NaN/inf"
    ),
  };
  const ok = Object.values(parts).every(Boolean);
  const w = per[0];
  const exploding = w.cls.filter((c) => c.status === "explodes" || c.status === "NaN/inf");
  const lectureWords = w.lecture.status === "workable"
    ? `trains without exploding here (${
      w.lectureSetup ? "a failure in the lecture's own setup" : "not the lecture's CIFAR-10"
    })`
    : `is "${w.lecture.status}" (first bad epoch ${w.lecture.firstBad ?? "—"}${
      w.lecture.trainedFirst ? ", after training at first" : ""
    })`;
  return {
    pass: ok,
    parts,
    measured: record([
      [`cost at lr ${fmt(p.hugeLr)}, epoch 1`, fmt(w.hugeCost)],
      [`lr ${fmt(LECTURE_LRS.hi)} (the lecture's upper end)`, w.upperStatus],
      [`lr ${fmt(p.lectureLr)}`, w.lecture.status],
      ["workable from", w.lo],
      ["workable to", w.hi],
      ["ordered too low < workable < explodes", w.ordered],
    ]),
    expected: record([
      [`cost at lr ${fmt(p.hugeLr)}, epoch 1`, "NaN or Inf"],
      [`lr ${fmt(p.lectureLr)}`, w.lectureSetup ? "explodes" : "explodes on CIFAR-10 (reported only)"],
      [`lr ${fmt(LECTURE_LRS.hi)} (the lecture's upper end)`, "workable"],
      ["workable from", LECTURE_LRS.lo],
      ["workable to", LECTURE_LRS.hi],
    ]),
    tolerance: `every seed; each end of the workable range within one decade of the lecture's, and the lecture's ` +
      `upper end ${fmt(LECTURE_LRS.hi)} itself workable (the upper end is a stability limit, sharp; the lower one ` +
      `depends on the epoch budget); "goes down": the ` +
      `sampled training loss falls by ≥ ${MOVE} nats; "explodes": it turns NaN/Inf or climbs ${MOVE} above the start`,
    summary: `lr ${fmt(p.hugeLr)} gives cost ${fmt(w.hugeCost)} in epoch 1; lr ${fmt(p.lectureLr)} ${lectureWords}; ` +
      `the lecture's upper end ${fmt(LECTURE_LRS.hi)} is ${w.upperStatus}; ` +
      `the rates tried go ${w.cls.map((c) => `${fmt(c.lr)}: ${c.status}`).join(", ")}, so the workable range is ` +
      `[${fmt(w.lo)}, ${fmt(w.hi)}]${
        exploding.length ? `; the first exploding rate is ${fmt(Math.min(...exploding.map((c) => c.lr)))}` : ""
      }.`,
  };
}
