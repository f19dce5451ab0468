/**
 * The init experiment's charts (std and gradient per layer, activation histograms, Var(y), the
 * C1 loss curves) and its table (the slides' std table against the recursion and the measurement).
 * @module
 */
import type { Chart, SeedRun, Table } from "../../lib/experiment.ts";
import { meanOverSeeds } from "../../lib/checks.ts";
import { histogramFacets, lineChart, type Row, scatterChart } from "../../lib/charts/mod.ts";
import { atLectureSize, LECTURE_STD, type NetName, NETS, stds } from "./nets.ts";
import { predicted } from "./claimed.ts";
import type { P } from "./params.ts";
import type { InitData } from "./types.ts";

/** The init experiment's charts. */
export function initCharts(runs: readonly SeedRun<InitData>[], p: P): Chart[] {
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
}

/** The init experiment's table: the slides' std per layer against the recursion and the measurement. */
export function initTables(runs: readonly SeedRun<InitData>[], p: P): Table[] {
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
}
