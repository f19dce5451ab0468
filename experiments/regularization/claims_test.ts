import { assert, assertEquals } from "../../lib/std.ts";
import { regularizationClaims } from "./claims.ts";
import { type P, params } from "./params.ts";
import type { RegData } from "./types.ts";
import { trainedSteps } from "./run.ts";
import type { ExpectationResult, NeuronResult } from "./dropout_measures.ts";

const p = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.ci])) as unknown as P;
const claim = (id: string) => regularizationClaims.find((c) => c.id === id)!;
const runs = (data: Partial<RegData>[]) => data.map((d, i) => ({ seed: i + 1, data: d as RegData }));
const fractions = (f: number[]) => ({ slides: f, library: f });

Deno.test("D2 fails when the zeroed fraction is not 1 − p", () => {
  const asym = (f: number[]) => ({ keep: p.asymKeep, d2: fractions(f) }) as RegData["asym"];
  assert(claim("D2").check(runs([{ d2: { slides: [0.5, 0.501], library: [0.499] }, asym: asym([0.8]) }]), p).pass);
  assert(!claim("D2").check(runs([{ d2: { slides: [0.5, 0.4], library: [0.499] }, asym: asym([0.8]) }]), p).pass);
});

Deno.test("D2 rejects keep and drop swapped, which looks right at p = 0.5 (the asymmetric p shows it)", () => {
  // Swapped masks zero p instead of 1 − p: the same 0.5 at p = 0.5, but 0.2 instead of 0.8 at p = 0.2.
  const v = claim("D2").check(runs([{ d2: fractions([0.5]), asym: { keep: 0.2, d2: fractions([0.2]) } as never }]), p);
  assert(!v.pass);
  assert(!/every pass within/.test(v.summary), v.summary);
});

const neuron = (keep: number, mcMean: number): NeuronResult => {
  const a = [0.1, 1.6, -1.5, 0].map((x) => x),
    probs = [keep * keep, keep * (1 - keep), (1 - keep) * keep, (1 - keep) ** 2];
  const exact = a.reduce((s, x, i) => s + probs[i] * x, 0);
  const sd = Math.sqrt(a.reduce((s, x, i) => s + probs[i] * x * x, 0) - exact * exact);
  return {
    masks: [[1, 1], [1, 0], [0, 1], [0, 0]].map((m, i) => ({ mask: m as [number, number], prob: probs[i], a: a[i] })),
    exact,
    exactStd: sd,
    mc: [{ samples: 20000, mean: mcMean, stdErr: sd / Math.sqrt(20000) }],
  };
};

Deno.test("D3 rejects Monte-Carlo masks that keep with 1 − p at the asymmetric p, and says so", () => {
  const data = (asymMean: number) =>
    runs([{ d3: neuron(0.5, 0.05), asym: { keep: 0.2, d3: neuron(0.2, asymMean) } as never }]);
  assert(claim("D3").check(data(0.02), p).pass);
  const v = claim("D3").check(data(0.08), p); // 0.8·(w1·x + w2·y): keep and drop swapped
  assert(!v.pass);
  assert(/do not keep/.test(v.summary), v.summary);
});

const expectation = (keep: number, o: { inverted?: number; rate?: number } = {}): ExpectationResult => ({
  meanZ2: { vanilla: 1, inverted: o.inverted ?? 1 },
  wrongZ2: { vanilla: 400, inverted: 100 },
  library: {
    rate: o.rate ?? 1 - keep,
    keptMaxRelErr: 0,
    zeroFraction: o.rate ?? 1 - keep,
    testMaxDiff: 0,
    sameMaskTwice: true,
  },
});

Deno.test("D4 rejects inverted dropout without 1/p and a library rate of p; the summary follows the verdict", () => {
  const data = (d4: ExpectationResult, asym: ExpectationResult) =>
    runs([{ d4, asym: { keep: 0.2, d4: asym } as never }]);
  const ok = claim("D4").check(data(expectation(0.5), expectation(0.2)), p);
  assert(ok.pass && /unbiased up to sampling noise/.test(ok.summary), ok.summary);
  const noRescale = claim("D4").check(data(expectation(0.5, { inverted: 100 }), expectation(0.2, { inverted: 64 })), p);
  assert(!noRescale.pass);
  assert(!/unbiased up to sampling noise/.test(noRescale.summary), noRescale.summary);
  assertEquals(noRescale.parts?.["inverted unbiased"], false);
  // rate = p looks right at p = 0.5; only the asymmetric p shows it.
  const rate = claim("D4").check(data(expectation(0.5, { rate: 0.5 }), expectation(0.2, { rate: 0.2 })), p);
  assert(!rate.pass);
  assertEquals(rate.parts?.["library is inverted dropout"], false);
});

Deno.test("D5 needs the exact digit count and, at 4096 units, the slide's exponent 1233", () => {
  assert(claim("D5").check(runs([{ d5: { log10: 4096 * Math.log10(2), digits: 1234 } }]), p).pass);
  assert(!claim("D5").check(runs([{ d5: { log10: 4096 * Math.log10(2), digits: 1233 } }]), p).pass);
  assert(!claim("D5").check(runs([{ d5: { log10: 4096 * Math.log(2), digits: 1234 } }]), p).pass);
});

const gap = (gap: number, stdErr: number) => ({
  points: [{ samples: 1, gap: 3, stdErr: 3 }, { samples: 1024, gap, stdErr }],
  outputRms: 5,
  singlePass: 3,
  spread: 3,
  agreement: 1,
});

Deno.test("D6 needs a ReLU gap beyond the noise and a linear gap within it; the summary follows the verdict", () => {
  const ok = claim("D6").check(runs([{ d6: { relu: gap(0.4, 0.1), linear: gap(0.1, 0.1) } }]), p);
  assert(ok.pass && /not exactly/.test(ok.summary), ok.summary);
  assert(!claim("D6").check(runs([{ d6: { relu: gap(0.1, 0.1), linear: gap(0.1, 0.1) } }]), p).pass);
  const linearOff = claim("D6").check(runs([{ d6: { relu: gap(0.4, 0.1), linear: gap(0.4, 0.1) } }]), p);
  assert(!linearOff.pass);
  assert(!/sampling noise/.test(linearOff.summary) && /Failed: exact for the linear control/.test(linearOff.summary));
  // Without the 1/p rescaling the average does not approach the test output at all (most of its RMS).
  assert(!claim("D6").check(runs([{ d6: { relu: gap(2.9, 0.1), linear: gap(0.1, 0.1) } }]), p).pass);
});

const net = (train: number, val: number) => ({
  curve: [],
  train: { loss: train, accuracy: 1 },
  val: { loss: val, accuracy: 0.8 },
});
const pair = (none: number, drop: number) => ({ none: net(0, none), dropout: net(0, drop) });
const seed = (...drops: number[]) => ({ d7: pair(1, drops[0]), d7More: drops.slice(1).map((d) => pair(1, d)) });

Deno.test("D7 is a sign test at 0.05 over seeds × repeats: 6 of 6 pass, 5 of 6 fail, 3 are inconclusive", () => {
  const all = claim("D7").check(runs([seed(0.5, 0.6), seed(0.7, 0.8), seed(0.6, 0.9)]), p);
  assert(all.pass && !all.inconclusive, all.summary);
  const miss = claim("D7").check(runs([seed(0.5, 0.6), seed(0.7, 1.2), seed(0.6, 0.9)]), p);
  assert(!miss.pass && !miss.inconclusive && /only 5 of 6/.test(miss.summary), miss.summary);
  const few = claim("D7").check(runs([seed(0.5), seed(0.6), seed(0.7)]), p);
  assert(!few.pass && few.inconclusive, few.summary);
});

Deno.test("trainedSteps counts every D7 net's recorded Adam steps, and 0 for empty curves", () => {
  // A net trained for `steps` steps, its loss recorded every 2 steps and at the last one (0-based steps).
  const trained = (steps: number) => ({
    ...net(0.1, 0.2),
    curve: Array.from({ length: steps }, (_, s) => s).filter((s) => s % 2 === 0 || s === steps - 1)
      .map((step) => ({ step, loss: 1 })),
  });
  const twoNets = (steps: number) => ({ none: trained(steps), dropout: trained(steps) });
  const data = (steps: number) =>
    runs([{ d7: twoNets(steps), d7More: [twoNets(steps)] }, { d7: twoNets(steps), d7More: [] }]);
  assertEquals(trainedSteps(data(7)), 6 * 7);
  assertEquals(trainedSteps(data(0)), 0);
});
