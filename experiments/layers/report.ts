/**
 * Charts and tables of the layers family, including a measured version of Wu & He's figure.
 * @module
 */
import type { Chart, SeedRun, Table } from "../../lib/experiment.ts";
import { lineChart, type Row, scatterChart } from "../../lib/charts/mod.ts";
import { heatmapFacets, labelledHeatmap } from "../../lib/charts/mod.ts";
import { fmt, mean } from "../../lib/checks.ts";
import { type NormName, NORMS, poolKey } from "./norms.ts";
import { outputSize } from "./claims.ts";
import type { P } from "./params.ts";
import type { LayersData } from "./types.ts";

type Runs = readonly SeedRun<LayersData>[];

const NORM_TITLE: Record<NormName, string> = {
  batch: "Batch Norm",
  layer: "Layer Norm",
  instance: "Instance Norm",
  group: "Group Norm",
};

/** Windowed (moving mean) loss curve. */
function windowed(losses: number[], window: number): number[] {
  return losses.map((_, i) => mean(losses.slice(Math.max(0, i - window + 1), i + 1)));
}

/** The charts: Wu & He's figure measured, the mean/var matrix, conv sizes, BatchNorm's spread, A5's curves. */
export function layersCharts(runs: Runs, p: P): Chart[] {
  const d = runs[0].data, seed = runs[0].seed;
  const [, , , c] = d.a3.shape;
  const title = (n: NormName) => n === "group" ? `${NORM_TITLE[n]} (G = ${d.a3.groups})` : NORM_TITLE[n];
  const cells: Row[] = NORMS.flatMap((norm) =>
    d.a3.changed[norm].flatMap((row, n) =>
      row.map((changed, k) => ({
        norm: title(norm),
        sample: n,
        channel: k,
        cell: n === 0 && k === 0 ? "perturbed cell" : changed ? "shares μ, σ" : "independent",
        expected: poolKey(norm, n, k, c, d.a3.groups) === poolKey(norm, 0, 0, c, d.a3.groups),
      }))
    )
  );
  const holds: Row[] = NORMS.flatMap((norm) =>
    NORMS.map((pool) => {
      const s = d.a3.stats[norm][pool];
      const ok = s.maxAbsMean <= 1e-3 && s.maxVarDev <= 1e-2;
      return {
        output: title(norm),
        "statistics over": `${title(pool)}'s sets`,
        result: ok ? "mean 0, var 1" : "not standardized",
        label: ok ? "✓" : `|μ| ≤ ${fmt(s.maxAbsMean, 2)}`,
      };
    })
  );
  const sizes: Row[] = d.a1.map((s) => ({ formula: outputSize(s), measured: s.out[0], setting: s.setting }));
  const spread: Row[] = runs.flatMap((r) =>
    r.data.a4.flatMap((a) => [
      { batch: a.batch, value: a.pattern.trainSpread / a.pattern.outputRms, mode: `training, seed ${r.seed}` },
    ])
  );
  const trace = d.a4[0];
  const bnTrace: Row[] = trace.pattern.trainTrace.flatMap((v, i) => [
    { batch: i + 1, output: v, mode: "training (batch statistics)" },
    { batch: i + 1, output: trace.pattern.inferenceTrace[i], mode: "inference (running statistics)" },
  ]);
  const curves: Row[] = (["plain", "batchNorm"] as const).flatMap((k) =>
    windowed(d.a5[k].losses, p.window).map((l, i) => ({
      step: i + 1,
      loss: l,
      net: k === "plain" ? "without BatchNorm" : "BatchNorm after conv",
    }))
  );
  return [
    {
      title: "A3: which axes each normalization pools (Wu & He's figure, measured)",
      caption: `Seed ${seed}; ${d.a3.shape.join("×")} feature maps (N×H×W×C) of real digits. One input element of ` +
        "sample 0, channel 0 was changed; a cell (sample, channel) is coloured where any of its H·W outputs changed, " +
        "i.e. where it shares the perturbed element's mean and variance.",
      spec: heatmapFacets({
        data: cells,
        x: "channel",
        y: "sample",
        color: "cell",
        facet: "norm",
        xTitle: "channel C",
        yTitle: "sample N",
        order: NORMS.map(title),
        domain: ["perturbed cell", "shares μ, σ", "independent"],
        range: ["#e45756", "#4c78a8", "#eeeeee"],
      }),
    },
    {
      title: "A3: where each norm's output has mean 0 and variance 1",
      caption: "Rows: the normalized output; columns: the sets over which its mean and variance are measured. A norm " +
        "also standardizes unions of its own sets (InstanceNorm's output is standardized everywhere).",
      spec: labelledHeatmap({
        data: holds,
        x: "statistics over",
        y: "output",
        color: "result",
        text: "label",
        domain: ["mean 0, var 1", "not standardized"],
        range: ["#9ecae9", "#eeeeee"],
      }),
    },
    {
      title: "A1: conv output width, measured vs (W − F + 2P)/S + 1",
      caption: `Input widths ${p.sizes.join(", ")}; the dashed line is equality.`,
      spec: scatterChart({ data: sizes, x: "formula", y: "measured", color: "setting", diagonal: true }),
    },
    {
      title: "A4: BatchNorm in training mode: spread of one sample's output across batches",
      caption: "RMS std of the fixed sample's normalized features across random batches, relative to their size. " +
        "At inference the spread is exactly 0.",
      spec: lineChart({
        data: spread,
        x: "batch",
        y: "value",
        color: "mode",
        logX: true,
        logY: true,
        points: true,
        yTitle: "spread / output RMS",
      }),
    },
    {
      title: `A4: one feature of one digit in ${p.bnBatches} random batches of ${trace.batch}`,
      caption: `Seed ${seed}.`,
      spec: lineChart({ data: bnTrace, x: "batch", y: "output", color: "mode", yTitle: "normalized value" }),
    },
    {
      title: "A5: training loss of the classic conv net, with and without BatchNorm",
      caption:
        `Seed ${seed}; mean minibatch loss over the last ${p.window} steps; training stops at the target ${p.target}.`,
      spec: lineChart({ data: curves, x: "step", y: "loss", color: "net", yTitle: "training loss (windowed)" }),
    },
  ];
}

/** Tables: A1's sizes, and A4's numbers for the common pattern. */
export function layersTables(runs: Runs, p: P): Table[] {
  const d = runs[0].data;
  return [
    {
      title: "A1: conv output sizes",
      caption:
        `Measured from tf.layers (zeroPadding2d + conv2d 'valid', or 'same' where no symmetric P fits), K = ${p.filters}.`,
      columns: ["setting", "W", "padding", "(W − F + 2P)/S + 1", "measured output"],
      rows: d.a1.map((s) => [s.setting, s.w, s.padding, outputSize(s), s.out.join("×")]),
    },
    {
      title: "A4: BatchNorm, training adds randomness, testing averages",
      caption: `Mean over ${runs.length} seeds, ${p.bnBatches} random batches per size. Gap: RMS of (mean of the ` +
        "training-mode outputs − inference output), with the sampling noise of that mean.",
      columns: [
        "batch size",
        "training spread",
        "inference spread",
        "gap to inference output",
        "std error",
        "output RMS",
      ],
      rows: d.a4.map((_, i) => {
        const m = (f: (x: LayersData["a4"][number]["pattern"]) => number) =>
          Number(fmt(mean(runs.map((r) => f(r.data.a4[i].pattern)))));
        return [
          d.a4[i].batch,
          m((x) => x.trainSpread),
          m((x) => x.inferenceMaxDiff),
          m((x) => x.gap),
          m((x) => x.stdErr),
          m((x) => x.outputRms),
        ];
      }),
    },
  ];
}
