import { assert, assertEquals, assertThrows } from "../../lib/std.ts";
import { resolveParams } from "../../lib/params.ts";
import { statusOf } from "../../lib/runner.ts";
import type { SeedRun } from "../../lib/experiment.ts";
import { transferClaims } from "./claims.ts";
import { seedCi, t975 } from "./paired.ts";
import { type P, params } from "./params.ts";
import type { TransferData } from "./types.ts";

const p = resolveParams("transfer", params, "ci", {}) as P;
const e6 = transferClaims[0];

type Acc = Record<string, number>;

/** One seed's data: accuracies by strategy for the similar target's little and much cells. */
function seed(i: number, little: Acc, much: Acc, source = 0.98): SeedRun<TransferData> {
  const cell = (amount: string, acc: Acc) => ({ domain: "similar", amount, acc });
  const data = { sourceAccuracy: source, cells: [cell("little", little), cell("much", much)] };
  return { seed: i, data } as unknown as SeedRun<TransferData>;
}

/** Seeds like the ci profile's (seeds 1–15): linear ≈ scratch, fine-tuning wins with much data, 0.1× worse. */
function typical(n: number, shift = (_i: number) => 0): SeedRun<TransferData>[] {
  return Array.from({ length: n }, (_, i) => {
    const s = shift(i);
    return seed(
      i + 1,
      { "scratch": 0.74 + 0.05 * (i % 2), "linear-top": 0.75 + s, "finetune-all@0.1": 0.8, "finetune-all@1": 0.81 },
      { "scratch": 0.945, "linear-top": 0.89 + 0.002 * i, "finetune-all@0.1": 0.94, "finetune-all@1": 0.96 },
    );
  });
}

const judge = (runs: SeedRun<TransferData>[]) => {
  const v = e6.check(runs, p);
  return { v, status: statusOf(v, e6.knownFailure) };
};

Deno.test("t975: the table, the large-df series, bad degrees of freedom", () => {
  assertEquals(t975(2), 4.303);
  assert(Math.abs(t975(60) - 2.0003) < 1e-3 && Math.abs(t975(120) - 1.9799) < 1e-3, `t975(60) ${t975(60)}`);
  assert(t975(31) < t975(30) && t975(31) > 1.96);
  assertThrows(() => t975(0));
  assertThrows(() => t975(2.5));
});

Deno.test("seedCi: one difference per seed, a Student-t interval, none for one seed", () => {
  const c = seedCi([0.05, 0.07, 0.06]);
  assert(Math.abs(c.mean - 0.06) < 1e-12);
  assert(Math.abs(c.hi - c.lo - 2 * 4.303 * 0.01 / Math.sqrt(3)) < 1e-12);
  assertEquals(seedCi([0.2]), { mean: 0.2, lo: 0.2, hi: 0.2, n: 1 });
  assertThrows(() => seedCi([]));
});

Deno.test("E6 over seeds: the declared parts fail, the premises and the much-data part hold", () => {
  const { v, status } = judge(typical(3));
  assertEquals(v.parts, {
    pretrained: true,
    features: true,
    moreLayers: true,
    linear: false,
    grows: false,
    smallerLr: false,
  });
  assertEquals(status, "expected-fail");
  assert(/scratch is [^,]*, not a gain \(not significant\)/.test(v.summary), v.summary);
  assert(/1× is [^:]*: not a gain/.test(v.summary), v.summary);
});

Deno.test("E6: spread between seeds widens the interval (a pooled per-image interval would not)", () => {
  // Linear minus scratch +12, −10, +4 points: a mean of +2 that three seeds cannot tell from 0.
  const swings = [0.12, -0.1, 0.04];
  const { v } = judge(typical(3, (i) => swings[i] + 0.74 + 0.05 * (i % 2) - 0.75));
  assertEquals(v.parts!.linear, false);
  // The same +3 points in every seed is a gain.
  const { v: steady, status } = judge(typical(3, (i) => 0.03 + 0.74 + 0.05 * (i % 2) - 0.75));
  assertEquals(steady.parts!.linear, true);
  assertEquals(status, "unexpected-pass", "a declared failure that holds is reported");
});

Deno.test("E6: a gain must be significant and ≥ 2 points; a growth of +1.3 just significant (Cooperlake kernels) is not", () => {
  // The growth of the fine-tune gain, little → much, per seed: +0.9, +1.3, +1.7 points (95% CI low ≈ +0.3).
  const growth = (g: number[]) =>
    typical(3).map((r, i) =>
      seed(r.seed, cellAcc(r, "little"), {
        ...cellAcc(r, "much"),
        "finetune-all@0.1": cellAcc(r, "much")["linear-top"] + 0.05 + g[i],
      })
    );
  const near0 = judge(growth([0.009, 0.013, 0.017]));
  assert(seedCi([0.009, 0.013, 0.017]).lo > 0, "the interval excludes 0");
  assertEquals(near0.v.parts!.grows, false);
  assertEquals(near0.status, "expected-fail");
  assert(/not a growth \(significant, but the mean is below 0.02\)/.test(near0.v.summary), near0.v.summary);
  // A growth of 3 ± 0.4 points is one: the declared failure then shows as an unexpected pass.
  const clear = judge(growth([0.026, 0.03, 0.034]));
  assertEquals(clear.v.parts!.grows, true);
  assertEquals(clear.status, "unexpected-pass");
});

Deno.test("E6 rejects its falsifiers' symptoms in one seed: features at chance, a net that never learned", () => {
  const zeros = typical(1).map((r) => seed(1, { ...cellAcc(r, "little"), "linear-top": 0.2 }, cellAcc(r, "much")));
  const a = judge(zeros);
  assertEquals(a.status, "fail");
  assertEquals(a.v.parts!.features, false);
  assert(/premise fails/.test(a.v.summary), a.v.summary);
  const random = typical(1).map((r) => seed(1, cellAcc(r, "little"), cellAcc(r, "much"), 0.21));
  const b = judge(random);
  assertEquals(b.status, "fail");
  assertEquals(b.v.parts!.pretrained, false);
});

Deno.test("E6 with one seed and sound premises is inconclusive, never a pass", () => {
  const { v, status } = judge(typical(1));
  assertEquals(status, "inconclusive");
  assert(v.inconclusive?.includes("at least 2"));
  assert(/1 seed: no interval/.test(v.summary) && !/significant/.test(v.summary), v.summary);
});

Deno.test("E6: fine-tuning that does not beat the linear classifier with much data fails the claim", () => {
  const runs = typical(3).map((r) =>
    seed(r.seed, cellAcc(r, "little"), { ...cellAcc(r, "much"), "finetune-all@1": 0.88 })
  );
  const { v, status } = judge(runs);
  assertEquals(v.parts!.moreLayers, false);
  assertEquals(status, "fail");
  assert(/the linear classifier by [^,]*, not a gain \(not significant\)\./.test(v.summary), v.summary);
});

function cellAcc(r: SeedRun<TransferData>, amount: string): Acc {
  return r.data.cells.find((c) => c.amount === amount)!.acc;
}
