import { assert } from "../../lib/std.ts";
import { regularizationClaims } from "./claims.ts";
import { type P, params } from "./params.ts";
import type { RegData } from "./types.ts";

const p = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.ci])) as unknown as P;
const claim = (id: string) => regularizationClaims.find((c) => c.id === id)!;
const runs = (data: Partial<RegData>[]) => data.map((d, i) => ({ seed: i + 1, data: d as RegData }));

Deno.test("D2 fails when the zeroed fraction is not 1 − p", () => {
  assert(claim("D2").check(runs([{ d2: { slides: [0.5, 0.501], library: [0.499] } }]), p).pass);
  assert(!claim("D2").check(runs([{ d2: { slides: [0.5, 0.4], library: [0.499] } }]), p).pass);
});

Deno.test("D5 needs the exact digit count and, at 4096 units, the slide's exponent 1233", () => {
  assert(claim("D5").check(runs([{ d5: { log10: 4096 * Math.log10(2), digits: 1234 } }]), p).pass);
  assert(!claim("D5").check(runs([{ d5: { log10: 4096 * Math.log10(2), digits: 1233 } }]), p).pass);
});

const gap = (gap: number, stdErr: number) => ({
  points: [{ samples: 1, gap: 3, stdErr: 3 }, { samples: 1024, gap, stdErr }],
  outputRms: 5,
  singlePass: 3,
  spread: 3,
  agreement: 1,
});

Deno.test("D6 needs a ReLU gap beyond the noise and a linear gap within it", () => {
  assert(claim("D6").check(runs([{ d6: { relu: gap(0.4, 0.1), linear: gap(0.1, 0.1) } }]), p).pass);
  assert(!claim("D6").check(runs([{ d6: { relu: gap(0.1, 0.1), linear: gap(0.1, 0.1) } }]), p).pass);
  assert(!claim("D6").check(runs([{ d6: { relu: gap(0.4, 0.1), linear: gap(0.4, 0.1) } }]), p).pass);
});

Deno.test("D7 fails when dropout does not narrow the gap in enough seeds", () => {
  const net = (train: number, val: number) => ({
    curve: [],
    train: { loss: train, accuracy: 1 },
    val: { loss: val, accuracy: 0.8 },
  });
  const seed = (none: number, drop: number) => ({ d7: { none: net(0, none), dropout: net(0, drop) } });
  assert(claim("D7").check(runs([seed(1, 0.5), seed(1, 0.6), seed(1, 0.7)]), p).pass);
  assert(!claim("D7").check(runs([seed(1, 0.5), seed(1, 1.2), seed(1, 0.7)]), p).pass);
});
