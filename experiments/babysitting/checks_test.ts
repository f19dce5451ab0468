import { assertEquals } from "../../lib/std.ts";
import { classifyRun } from "./checks.ts";
import type { EpochRow } from "../../lib/nn/classifier_trainer.ts";
import { real } from "../../lib/nn/real.ts";

const rows = (losses: number[]): EpochRow[] =>
  losses.map((l, epoch) => ({
    epoch,
    cost: real(l),
    trainAcc: 0.5,
    valAcc: 0.5,
    lr: 1e-3,
    trainLoss: real(l),
    logitRange: 1,
  }));

Deno.test("classifyRun: too low, workable, explodes, NaN/inf, from the loss per epoch", () => {
  assertEquals(classifyRun({ lr: 1e-6, rows: rows([2.3026, 2.3025, 2.302]) }).status, "too low");
  assertEquals(classifyRun({ lr: 1e-3, rows: rows([2.3026, 1.5, 0.8]) }).status, "workable");
  const up = classifyRun({ lr: 3e-3, rows: rows([2.3026, 1.8, 2.6, 2.9]) });
  assertEquals([up.status, up.firstBad, up.trainedFirst], ["explodes", 2, true]);
  const nan = classifyRun({ lr: 1e6, rows: rows([2.3026, NaN]) });
  assertEquals([nan.status, nan.firstBad, nan.trainedFirst], ["NaN/inf", 1, false]);
  assertEquals(classifyRun({ lr: 1e-2, rows: rows([2.3026, 1.2, Infinity]) }).status, "NaN/inf");
});
