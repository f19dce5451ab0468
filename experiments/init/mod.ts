/**
 * Weight initialization and activation statistics (claims C1–C8).
 * @module
 */
import { defineExperiment, type SeedRun } from "../../lib/experiment.ts";
import { approx, approxAll, fmt, isMonotone, mean, meanOverSeeds, record } from "../../lib/checks.ts";
import { histogramFacets, lineChart, type Row, scatterChart } from "../../lib/charts/mod.ts";
import { deepNetStats, type LayerStats } from "./deep_net.ts";
import { activationFn, type ActivationName } from "./activations.ts";
import { type SymmetryRun, trainSymmetry, xorData } from "./symmetry.ts";
import { meanFieldStds, moments } from "../../lib/stats.ts";
import type { Rng } from "../../lib/rng.ts";
import type * as tfjs from "@tensorflow/tfjs";

type Tensor4D = tfjs.Tensor4D;

/** The slides' printed std per layer (width 4096, depth 6, batch 16). */
const LECTURE_STD = { small: [0.49, 0.29, 0.18, 0.11, 0.07, 0.05], xavier: [0.63, 0.49, 0.41, 0.36, 0.32, 0.30] };

const params = {
  width: {
    ci: 4096,
    full: 4096,
    min: 8,
    max: 8192,
    integer: true,
    doc: "Hidden size of every layer (Din = Dout); the slides use 4096.",
  },
  depth: { ci: 6, full: 6, min: 2, max: 50, integer: true, doc: "Number of layers; the slides use 6." },
  batch: { ci: 16, full: 16, min: 1, max: 1024, integer: true, doc: "Batch of randn inputs; the slides use 16." },
  smallScale: { ci: 0.01, full: 0.01, min: 0, max: 10, doc: "Weight std of the 'small random numbers' slide (C2)." },
  largeScale: { ci: 0.05, full: 0.05, min: 0, max: 10, doc: "Weight std of the 'increase std' slide (C3)." },
  bins: { ci: 40, full: 40, min: 5, max: 200, integer: true, doc: "Histogram bins per layer." },
  varianceDins: {
    ci: [64, 256, 1024],
    full: [16, 64, 256, 1024, 4096],
    min: 1,
    max: 8192,
    integer: true,
    doc: "Din values of the random linear layers for C5.",
  },
  varianceBatch: { ci: 512, full: 1024, min: 16, max: 8192, integer: true, doc: "Samples (and outputs) per C5 layer." },
  hidden: { ci: 8, full: 16, min: 2, max: 256, integer: true, doc: "Hidden units of the C1 classifier." },
  constant: { ci: 0.5, full: 0.5, min: -10, max: 10, doc: "The constant every C1 weight starts at." },
  steps: { ci: 400, full: 2000, min: 1, max: 100000, integer: true, doc: "Gradient steps of the C1 classifier." },
  lr: { ci: 0.5, full: 0.5, min: 0, max: 100, doc: "Learning rate of the C1 classifier." },
  convChannels: { ci: 16, full: 64, min: 1, max: 512, integer: true, doc: "Input channels of the C8 conv layer." },
  convKernel: { ci: 3, full: 5, min: 1, max: 11, integer: true, doc: "Kernel size of the C8 conv layer." },
};
type P = { [K in keyof typeof params]: (typeof params)[K]["ci"] };

/** The nets of the slides: name → activation and weight std as a function of Din. */
const NETS: Record<string, { act: ActivationName; scale: (din: number, p: P) => number; title: string }> = {
  "small-tanh": { act: "tanh", scale: (_d, p) => p.smallScale, title: "W = 0.01·randn, tanh (C2)" },
  "large-tanh": { act: "tanh", scale: (_d, p) => p.largeScale, title: "W = 0.05·randn, tanh (C3)" },
  "xavier-tanh": { act: "tanh", scale: (d) => 1 / Math.sqrt(d), title: "Xavier randn/sqrt(Din), tanh (C4)" },
  "xavier-relu": { act: "relu", scale: (d) => 1 / Math.sqrt(d), title: "Xavier randn/sqrt(Din), ReLU (C6)" },
  // The Kaiming slide's code, as printed: it still divides by sqrt(Din) (C7).
  "kaiming-as-printed": {
    act: "relu",
    scale: (d) => 1 / Math.sqrt(d),
    title: "Kaiming slide's code as printed, ReLU (C7)",
  },
  "kaiming-corrected": { act: "relu", scale: (d) => Math.sqrt(2 / d), title: "Kaiming std = sqrt(2/Din), ReLU (C7)" },
};
type NetName = keyof typeof NETS;

/** What one seed of the init experiment measures. */
export interface InitData {
  nets: Record<string, LayerStats[]>;
  variance: { din: number; varX: number; varW: number; varY: number }[];
  symmetry: { constant: SymmetryRun; random: SymmetryRun };
  conv: {
    fanInRight: number;
    fanInWrong: number;
    inputVar: number;
    he: Record<string, number>;
    glorot: Record<string, number>;
  };
}

const stds = (runs: readonly SeedRun<InitData>[], net: NetName) =>
  meanOverSeeds(runs.map((r) => r.data.nets[net].map((l) => l.std)));
const predicted = (net: NetName, p: P) =>
  meanFieldStds(activationFn[NETS[net].act], (d) => NETS[net].scale(d, p), p.width, p.depth);
const atLectureSize = (p: P) => p.width === 4096 && p.depth === 6;

/** C2 and C4: measured stds against the variance recursion, and the lecture's table at its size. */
function stdTableCheck(
  runs: readonly SeedRun<InitData>[],
  p: P,
  net: NetName,
  lecture: number[],
  lectureApplies: boolean,
) {
  const measured = stds(runs, net);
  const theory = approxAll(measured, predicted(net, p), { abs: 0.02, rel: 0.1 });
  const slide = lectureApplies ? approxAll(measured, lecture, { abs: 0.02 }) : undefined;
  return {
    pass: theory.pass && (slide?.pass ?? true),
    measured: theory.measured,
    expected: slide ? slide.expected : theory.expected,
    tolerance: slide
      ? `±0.02 per layer against the slide's table, and ${theory.tolerance} against the variance recursion ${
        JSON.stringify(theory.expected)
      }`
      : `${theory.tolerance} per layer against the variance recursion (the slide's table is for width 4096, depth 6 only)`,
  };
}

export default defineExperiment({
  id: "init",
  title: "Weight initialization and activation statistics",
  lecture: [
    "Weight Initialization",
    "Weight Initialization: Activation Statistics",
    "Weight Initialization: Xavier Initialization",
    "Weight Initialization: What about ReLU?",
    "Weight Initialization: Kaiming / MSRA Initialization",
  ],
  summary: "A 6-layer net of width 4096 (x = act(x·W), batch 16 of randn inputs) shows what the weight scale does to " +
    "the activations: 0.01·randn makes them shrink to zero, 0.05·randn saturates tanh, Xavier (1/sqrt(Din)) keeps " +
    "tanh nets well scaled but lets ReLU nets collapse, and Kaiming (sqrt(2/Din)) fixes ReLU. Constant initialization " +
    "never breaks the symmetry between hidden units. For conv layers, Din = kernel_size² · input_channels.",
  params,
  seeds: { ci: 2, full: 10 },
  async run({ tf, params: p, rng, progress }): Promise<InitData> {
    const names = Object.keys(NETS) as NetName[];
    const total = names.length + 3;
    progress(0, total, "drawing weights");
    // Common random numbers: every net scales the same standard-normal matrices.
    const wr = rng.fork("weights");
    const normals = Array.from(
      { length: p.depth },
      () => tf.tensor2d(wr.normals(p.width * p.width), [p.width, p.width]),
    );
    const input = tf.tensor2d(rng.fork("input").normals(p.batch * p.width), [p.batch, p.width]);
    const upstream = tf.tensor2d(rng.fork("upstream").normals(p.batch * p.width), [p.batch, p.width]);
    const nets = {} as Record<NetName, LayerStats[]>;
    try {
      for (const [i, name] of names.entries()) {
        progress(i, total, name);
        const net = NETS[name];
        const range: [number, number] = net.act === "tanh" ? [-1, 1] : [0, 3];
        nets[name] = await deepNetStats(tf, {
          activation: net.act,
          normals,
          scale: (d) => net.scale(d, p),
          input,
          upstream,
          histRange: range,
          bins: p.bins,
        });
      }
    } finally {
      tf.dispose([...normals, input, upstream]);
    }
    progress(names.length, total, "Var(y) = Din·Var(x)·Var(w)");
    const variance = [];
    const vr = rng.fork("variance");
    for (const din of p.varianceDins) {
      const tensors = tf.tidy(() => {
        const x = tf.mul(tf.tensor2d(vr.normals(p.varianceBatch * din), [p.varianceBatch, din]), 1.5);
        const w = tf.mul(tf.tensor2d(vr.normals(din * p.varianceBatch), [din, p.varianceBatch]), 0.05);
        return [x, w, tf.matMul(x, w)];
      });
      // Variances in float64 on the host, so the measurement does not depend on a backend's float32 sums.
      const v = await Promise.all(tensors.map(async (t) => moments(await t.data()).std ** 2));
      tf.dispose(tensors);
      variance.push({ din, varX: v[0], varW: v[1], varY: v[2] });
    }
    progress(names.length + 1, total, "constant vs random init");
    const sr = rng.fork("symmetry");
    const xor = xorData(sr, 200, 0.3);
    const opts = { hidden: p.hidden, steps: p.steps, lr: p.lr, every: Math.max(1, Math.floor(p.steps / 50)) };
    const symmetry = {
      constant: await trainSymmetry(tf, xor, {
        w1: new Array(2 * p.hidden).fill(p.constant),
        w2: new Array(p.hidden).fill(p.constant),
      }, opts),
      random: await trainSymmetry(tf, xor, {
        w1: Array.from(sr.normals(2 * p.hidden, 1 / Math.sqrt(2))),
        w2: Array.from(sr.normals(p.hidden, 1 / Math.sqrt(p.hidden))),
      }, opts),
    };
    progress(names.length + 2, total, "conv fan-in");
    const conv = await convFanIn(tf, rng.fork("conv"), p);
    return { nets, variance, symmetry, conv };
  },
  claims: [
    {
      id: "C1",
      kind: "behaviour",
      statement:
        "With constant initialization every hidden unit stays identical through training, so the net cannot fit more than a one-unit model (noisy XOR).",
      check(runs) {
        const diff = Math.max(...runs.map((r) => r.data.symmetry.constant.maxUnitDiff));
        const accC = mean(runs.map((r) => r.data.symmetry.constant.accuracy));
        const accR = mean(runs.map((r) => r.data.symmetry.random.accuracy));
        return {
          pass: diff <= 1e-6 && accC <= 0.8 && accR >= accC + 0.15,
          measured: record([["max unit difference", diff], ["accuracy, constant init", accC], [
            "accuracy, random init",
            accR,
          ]]),
          expected: record([
            ["max unit difference", 0],
            ["accuracy, constant init", "≤ 0.8 (one unit: ≤ 0.75 on XOR)"],
            ["accuracy, random init", "≥ constant + 0.15"],
          ]),
          tolerance: "unit difference ≤ 1e-6 (float32 rounding); accuracies as stated, mean over seeds",
          summary: `After training, hidden units differ by at most ${fmt(diff)}; constant init reaches ${
            fmt(accC)
          } accuracy against ${fmt(accR)} for random init.`,
        };
      },
    },
    {
      id: "C2",
      kind: "value",
      statement:
        "With W = 0.01·randn and tanh, the activations tend to zero layer by layer: std 0.49, 0.29, 0.18, 0.11, 0.07, 0.05 on the slide, mean ≈ 0. (The slide's 'dL/dW all zero' is reported, not judged: see the gradient chart.)",
      check(runs, p) {
        const t = stdTableCheck(runs, p, "small-tanh", LECTURE_STD.small, atLectureSize(p) && p.smallScale === 0.01);
        const g = (n: NetName) => meanOverSeeds(runs.map((r) => r.data.nets[n].map((l) => l.gradMeanAbs)));
        const ratio = g("small-tanh").map((x, i) => x / g("xavier-tanh")[i]);
        const meanAbs = Math.max(...runs.flatMap((r) => r.data.nets["small-tanh"].map((l) => Math.abs(l.mean))));
        return {
          ...t,
          pass: t.pass && meanAbs < 0.02,
          tolerance: `${t.tolerance}; |mean| < 0.02 in every layer`,
          summary: `Measured std per layer ${JSON.stringify(t.measured)}, largest |mean| ${fmt(meanAbs)}. ` +
            `Mean |dL/dW| is ${fmt(Math.min(...ratio))}–${
              fmt(Math.max(...ratio))
            } × Xavier's per layer: small, but not zero at this depth.`,
        };
      },
    },
    {
      id: "C3",
      kind: "behaviour",
      statement:
        "With W = 0.05·randn and tanh, activations saturate (most |a| near 1) and the local gradients 1 − a² are near zero.",
      check(runs) {
        const sat = meanOverSeeds(runs.map((r) => r.data.nets["large-tanh"].map((l) => l.saturated)));
        const local = meanOverSeeds(runs.map((r) => r.data.nets["large-tanh"].map((l) => l.localGrad)));
        const xavierLocal = meanOverSeeds(runs.map((r) => r.data.nets["xavier-tanh"].map((l) => l.localGrad)));
        return {
          pass: sat.every((s) => s > 0.5) && local.every((g, i) => g < 0.5 * xavierLocal[i]),
          measured: record([["fraction |a| > 0.9, min over layers", Math.min(...sat)], [
            "mean local gradient, max over layers",
            Math.max(...local),
          ]]),
          expected: record([["fraction |a| > 0.9, min over layers", "> 0.5"], [
            "mean local gradient, max over layers",
            `< half of Xavier's (${fmt(Math.min(...xavierLocal) / 2)})`,
          ]]),
          tolerance: "every layer, mean over seeds",
          summary: `Between ${fmt(Math.min(...sat))} and ${
            fmt(Math.max(...sat))
          } of activations have |a| > 0.9; mean 1 − a² is at most ${fmt(Math.max(...local))}.`,
        };
      },
    },
    {
      id: "C4",
      kind: "value",
      statement:
        "Xavier init (randn/sqrt(Din)) with tanh keeps activations well scaled: std 0.63, 0.49, 0.41, 0.36, 0.32, 0.30 on the slide.",
      check(runs, p) {
        const t = stdTableCheck(runs, p, "xavier-tanh", LECTURE_STD.xavier, atLectureSize(p));
        return { ...t, summary: `Measured std per layer ${JSON.stringify(t.measured)}.` };
      },
    },
    {
      id: "C5",
      kind: "value",
      statement: "For y = Wx with independent zero-mean x and w, Var(y) = Din · Var(x) · Var(w).",
      check(runs) {
        const rows = runs.flatMap((r) => r.data.variance);
        const ratios = rows.map((v) => v.varY / (v.din * v.varX * v.varW));
        const worst = ratios.reduce((a, b) => (Math.abs(b - 1) > Math.abs(a - 1) ? b : a));
        return {
          ...approx(worst, 1, { rel: 0.05 }),
          measured: record([["worst Var(y) / (Din·Var(x)·Var(w))", worst], ["layers", rows.length]]),
          tolerance: "±5% for every Din and seed",
          summary: `Over Din ∈ {${
            [...new Set(rows.map((v) => v.din))].join(", ")
          }}, Var(y)/(Din·Var(x)·Var(w)) stays within ${fmt(Math.abs(worst - 1) * 100)}% of 1.`,
        };
      },
    },
    {
      id: "C6",
      kind: "behaviour",
      statement: "Xavier init with ReLU: activations collapse towards zero, the std falling by about 1/√2 per layer.",
      check(runs, p) {
        const s = stds(runs, "xavier-relu");
        const ratios = s.slice(1).map((x, i) => x / s[i]);
        const expectedRatios = predicted("xavier-relu", p).slice(1).map((x, i, a) =>
          x / (i === 0 ? predicted("xavier-relu", p)[0] : a[i - 1])
        );
        const r = approxAll(ratios, expectedRatios, { rel: 0.05 });
        return {
          pass: isMonotone(s, "decreasing") && r.pass,
          measured: r.measured,
          expected: r.expected,
          tolerance: `std strictly decreasing; layer-to-layer ratios ${r.tolerance} of the recursion's`,
          summary: `Std per layer ${JSON.stringify(s.map((x) => Number(x.toPrecision(3))))}: each layer keeps ${
            fmt(mean(ratios))
          } of the previous one's std on average.`,
        };
      },
    },
    {
      id: "C7",
      kind: "erratum",
      statement:
        "The Kaiming slide's code still divides by sqrt(Din) while its text says std = sqrt(2/Din): as printed it collapses like C6; with sqrt(2/Din) the std stays constant.",
      check(runs) {
        const printed = stds(runs, "kaiming-as-printed"), fixed = stds(runs, "kaiming-corrected");
        const collapse = printed[printed.length - 1] / printed[0];
        const spread = Math.max(...fixed) / Math.min(...fixed);
        return {
          pass: collapse < 0.5 && spread < 1.2,
          measured: record([["as printed: last/first std", collapse], ["corrected: max/min std", spread]]),
          expected: record([["as printed: last/first std", "< 0.5 (collapse)"], [
            "corrected: max/min std",
            "< 1.2 (constant)",
          ]]),
          tolerance: "as stated, mean over seeds",
          summary: `As printed the std falls to ${
            fmt(collapse)
          } of layer 1's by the last layer; with sqrt(2/Din) it varies by a factor ${fmt(spread)} only.`,
        };
      },
    },
    {
      id: "C8",
      kind: "value",
      statement:
        "For conv layers Din = kernel_size² · input_channels: std 1/sqrt(k²·C_in) keeps the activation variance, and tfjs's He/Glorot initializers use that fan-in.",
      check(runs, p) {
        const c = runs.map((r) => r.data.conv);
        const keep = mean(c.map((x) => x.fanInRight / x.inputVar));
        const wrong = mean(c.map((x) => x.fanInWrong / x.inputVar));
        const k2 = p.convKernel ** 2;
        const heK = mean(c.map((x) => x.he.ratioKernel)), heC = mean(c.map((x) => x.he.ratioChannels));
        const glorot = mean(c.map((x) => x.glorot.ratio));
        const wantK = ((p.convKernel + 2) / p.convKernel) ** 2;
        const wantGlorot = 1 / 3; // fan_in / ((fan_in + fan_out)/2) / 2 with C_out = 2·C_in
        const tol = { rel: 0.1 };
        const checks = [
          approx(keep, 1, tol),
          approx(wrong, k2, tol),
          approx(heK, wantK, tol),
          approx(heC, 4, tol),
          approx(glorot, wantGlorot, tol),
        ];
        return {
          pass: checks.every((x) => x.pass),
          measured: record([
            ["Var(out)/Var(in), std 1/sqrt(k²C)", keep],
            ["same, std 1/sqrt(C)", wrong],
            ["He var ratio k vs k+2", heK],
            ["He var ratio C vs 4C", heC],
            ["Glorot/He var", glorot],
          ]),
          expected: record([
            ["Var(out)/Var(in), std 1/sqrt(k²C)", 1],
            ["same, std 1/sqrt(C)", k2],
            ["He var ratio k vs k+2", wantK],
            ["He var ratio C vs 4C", 4],
            ["Glorot/He var", wantGlorot],
          ]),
          tolerance: "±10% each, mean over seeds",
          summary: `With std 1/sqrt(k²·C_in) the conv keeps ${
            fmt(keep)
          } of the input variance; leaving out k² multiplies it by ${
            fmt(wrong)
          }. tfjs's initializer variances scale as fan-in = k²·C_in predicts.`,
        };
      },
    },
  ],
  charts(runs, p) {
    const stdRows: Row[] = [];
    for (const name of Object.keys(NETS) as NetName[]) {
      stds(runs, name).forEach((s, i) => stdRows.push({ layer: i + 1, std: s, net: name, source: "measured" }));
      predicted(name, p).forEach((s, i) =>
        stdRows.push({ layer: i + 1, std: s, net: name, source: "variance recursion" })
      );
    }
    const gradRows: Row[] = [];
    for (const name of Object.keys(NETS) as NetName[]) {
      meanOverSeeds(runs.map((r) => r.data.nets[name].map((l) => l.gradMeanAbs))).forEach((g, i) =>
        gradRows.push({ layer: i + 1, grad: g, net: name })
      );
    }
    const hist = (name: NetName) => {
      const rows: Row[] = [];
      runs[0].data.nets[name].forEach((l, i) => {
        const w = (l.hist.hi - l.hist.lo) / l.hist.fractions.length;
        l.hist.fractions.forEach((f, b) =>
          rows.push({
            layer: `Layer ${i + 1} (std ${l.std.toFixed(2)})`,
            lo: l.hist.lo + b * w,
            hi: l.hist.lo + (b + 1) * w,
            fraction: f,
          })
        );
      });
      return {
        title: `Activations per layer: ${NETS[name].title}`,
        caption: `Seed ${runs[0].seed}; as on the slides.`,
        spec: histogramFacets({ data: rows, facet: "layer", xTitle: "activation" }),
      };
    };
    const sym = runs[0].data.symmetry;
    const every = Math.max(1, Math.floor(p.steps / 50));
    const lossRows: Row[] = [
      ...sym.constant.losses.map((l, i) => ({ step: i * every, loss: l, init: `constant ${p.constant}` })),
      ...sym.random.losses.map((l, i) => ({ step: i * every, loss: l, init: "random" })),
    ];
    return [
      {
        title: "Activation std per layer",
        caption: "Solid: measured (mean over seeds); dashed: the variance recursion of the Xavier derivation.",
        spec: lineChart({
          data: stdRows,
          x: "layer",
          y: "std",
          color: "net",
          dash: "source",
          points: true,
          yTitle: "std of activations",
        }),
      },
      ...(["small-tanh", "large-tanh", "xavier-tanh", "xavier-relu", "kaiming-corrected"] as NetName[]).map(hist),
      {
        title: "Gradient size per layer",
        caption: "Mean |dL/dW| for a fixed random upstream gradient.",
        spec: lineChart({
          data: gradRows,
          x: "layer",
          y: "grad",
          color: "net",
          logY: true,
          points: true,
          yTitle: "mean |dL/dW|",
        }),
      },
      {
        title: "Var(y) against Din·Var(x)·Var(w)",
        caption: "Random linear layers; the dashed line is equality.",
        spec: scatterChart({
          data: runs.flatMap((r) =>
            r.data.variance.map((v) => ({ predicted: v.din * v.varX * v.varW, measured: v.varY, Din: String(v.din) }))
          ),
          x: "predicted",
          y: "measured",
          color: "Din",
          logX: true,
          logY: true,
          diagonal: true,
        }),
      },
      {
        title: "Training from constant vs random init (noisy XOR)",
        caption: `Seed ${runs[0].seed}; full-batch gradient descent.`,
        spec: lineChart({ data: lossRows, x: "step", y: "loss", color: "init", yTitle: "cross-entropy loss" }),
      },
    ];
  },
  tables(runs, p) {
    const small = stds(runs, "small-tanh"), xavier = stds(runs, "xavier-tanh");
    const ps = predicted("small-tanh", p), px = predicted("xavier-tanh", p);
    return [{
      title: "Activation std per layer: slide vs measured",
      caption: atLectureSize(p)
        ? "The slides' printed values, the variance recursion and the measurement (mean over seeds)."
        : "The slides' values are for width 4096 and depth 6; shown for reference only.",
      columns: [
        "layer",
        "0.01 slide",
        "0.01 recursion",
        "0.01 measured",
        "Xavier slide",
        "Xavier recursion",
        "Xavier measured",
      ],
      rows: small.map((
        s,
        i,
      ) => [
        i + 1,
        LECTURE_STD.small[i] ?? null,
        Number(ps[i].toFixed(3)),
        Number(s.toFixed(3)),
        LECTURE_STD.xavier[i] ?? null,
        Number(px[i].toFixed(3)),
        Number(xavier[i].toFixed(3)),
      ]),
    }];
  },
});

/** C8: conv variance with the right and the wrong fan-in, and tfjs's initializer variances. */
async function convFanIn(tf: typeof tfjs, rng: Rng, p: P): Promise<InitData["conv"]> {
  const k = p.convKernel, c = p.convChannels, size = 4 * k + 12, batch = 8;
  const x = tf.tensor4d(rng.normals(batch * size * size * c), [batch, size, size, c]);
  const z = tf.tensor4d(rng.normals(k * k * c * c), [k, k, c, c]);
  const varOf = async (t: tfjs.Tensor) => {
    const out = moments(await t.data()).std ** 2; // float64 on the host, as for C5
    t.dispose();
    return out;
  };
  const inputVar = await varOf(x.clone());
  const convScaled = (std: number) => tf.tidy(() => tf.conv2d(x, tf.mul(z, std) as Tensor4D, 1, "valid"));
  const fanInRight = await varOf(convScaled(1 / Math.sqrt(k * k * c)));
  const fanInWrong = await varOf(convScaled(1 / Math.sqrt(c)));
  tf.dispose([x, z]);
  const init = async (kind: "heNormal" | "glorotNormal", shape: number[]) =>
    await varOf(tf.initializers[kind]({ seed: rng.seedInt() }).apply(shape));
  const base = [k, k, c, 2 * c];
  const heBase = await init("heNormal", base);
  return {
    inputVar,
    fanInRight,
    fanInWrong,
    he: {
      ratioKernel: heBase / (await init("heNormal", [k + 2, k + 2, c, 2 * c])),
      ratioChannels: heBase / (await init("heNormal", [k, k, 4 * c, 2 * c])),
    },
    glorot: { ratio: (await init("glorotNormal", base)) / heBase },
  };
}
