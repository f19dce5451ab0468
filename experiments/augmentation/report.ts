/**
 * The charts, tables and image grids of the augmentation report.
 * @module
 */
import type { Chart, ImageGrid, SeedRun, Table } from "../../lib/experiment.ts";
import { fmt, mean } from "../../lib/checks.ts";
import { lineChart, type Row, scatterChart } from "../../lib/charts/mod.ts";
import { toImageGrid } from "../../lib/report/image_grids.ts";
import type { TtaResult } from "./tta.ts";
import { ttaInterval } from "./paired.ts";
import type { P } from "./params.ts";
import type { AugData } from "./types.ts";

/** The charts: the 6-vs-9 rotation sweep (E1), accuracy with and without augmentation (E4), TTA (E5). */
export function charts(runs: readonly SeedRun<AugData>[]): Chart[] {
  const sweep: Row[] = runs.flatMap((r) =>
    r.data.e1.sweep.map((s) => ({ degrees: s.degrees, accuracy: s.accuracy, seed: String(r.seed) }))
  );
  const sizes: Row[] = runs.flatMap((r) =>
    r.data.sizes.flatMap((s) => [
      { size: s.size, accuracy: s.accNone, training: "no augmentation", seed: r.seed },
      { size: s.size, accuracy: s.accAug, training: "augmentation", seed: r.seed },
    ])
  );
  const tta: Row[] = runs.flatMap((r) => [
    { plain: r.data.tta.augmented.accPlain, tta: r.data.tta.augmented.accTta, model: "trained with augmentation" },
    { plain: r.data.tta.plainModel.accPlain, tta: r.data.tta.plainModel.accTta, model: "trained without" },
  ]);
  return [
    {
      title: "6 vs 9: accuracy against rotation angle (E1)",
      caption: "A classifier of upright 6s and 9s on rotated test digits; 0.5 is chance, below it the label flips.",
      spec: lineChart({
        data: sweep,
        x: "degrees",
        y: "accuracy",
        color: "seed",
        points: true,
        xTitle: "rotation (°)",
      }),
    },
    {
      title: "Held-out accuracy with and without augmentation (E4)",
      caption: "One point per seed and training-set size.",
      spec: scatterChart({ data: sizes, x: "size", y: "accuracy", color: "training", logX: true }),
    },
    {
      title: "Test-time augmentation: accuracy with against without (E5)",
      caption: "One point per seed and model; above the dashed line TTA helps.",
      spec: scatterChart({ data: tta, x: "plain", y: "tta", color: "model", diagonal: true }),
    },
  ];
}

/** The tables: TTA accuracy and cost (E5), the PCA of the colourised digits (E2). */
export function tables(runs: readonly SeedRun<AugData>[], p: P): Table[] {
  const m = (f: (t: TtaResult) => number) => fmt(mean(runs.map((r) => f(r.data.tta.augmented))));
  const pca = runs[0].data.pca;
  return [
    {
      title: `Test-time augmentation, n = ${p.ttaCopies} (E5)`,
      caption:
        "Accuracy delta with its 95% CI (paired over test images, pooled over seeds); times are best of 7 (alternating), " +
        "mean over seeds.",
      columns: ["model", "plain accuracy", "TTA accuracy", "delta", "95% CI"],
      rows: (["augmented", "plainModel", "fullStrength"] as const).map((k) => [
        {
          augmented: `trained with augmentation, copies at ${p.ttaStrength}× strength`,
          plainModel: `trained without, copies at ${p.ttaStrength}× strength`,
          fullStrength: "trained with augmentation, copies at full training strength",
        }[k],
        fmt(mean(runs.map((r) => r.data.tta[k].accPlain))),
        fmt(mean(runs.map((r) => r.data.tta[k].accTta))),
        fmt(ttaInterval(runs, k).mean),
        `[${fmt(ttaInterval(runs, k).lo)}, ${fmt(ttaInterval(runs, k).hi)}]`,
      ]),
    },
    {
      title: "Inference cost of test-time augmentation (E5)",
      columns: ["plain forward (ms)", "n-copy forward (ms)", "making the copies (ms)", "forward ratio"],
      rows: [[
        m((t) => t.ms.plainForward),
        m((t) => t.ms.ttaForward),
        m((t) => t.ms.augment),
        m((t) => t.ms.ttaForward / t.ms.plainForward),
      ]],
    },
    {
      title: "PCA of the colourised digits' RGB pixels (E2)",
      caption: `Seed ${runs[0].seed}; covariance of all pixels of ${p.pcaImages} colourised digits.`,
      columns: ["component", "eigenvalue", "R", "G", "B"],
      rows: pca.eigenvalues.map((v, k) => [k + 1, fmt(v), ...pca.eigenvectors[k].map((x) => fmt(x))]),
    },
  ];
}

/** The image grids: flips, crops and jitter, PCA colour, elastic deformation (seed of the first run). */
export function images(runs: readonly SeedRun<AugData>[], p: P): ImageGrid[] {
  const s = runs[0].data.showcase;
  return [
    toImageGrid(
      "Flips and rotations (E1)",
      "6s and 9s: original, horizontal flip, vertical flip, 180° and small rotations.",
      6,
      s.flips,
    ),
    toImageGrid(
      "Random crops and scales, colour jitter (E2)",
      `Zoom ${
        p.zoom.join("–")
      }, shift ±${p.pad} px (bilinear); brightness ±${p.maxBrightness}, contrast 1 ± ${p.maxContrast}.`,
      5,
      s.cropsJitter,
    ),
    toImageGrid(
      "PCA colour augmentation on colourised digits (E2)",
      `Offsets along the RGB principal components; the last two columns use 10× AlexNet's α std to make the shift visible.`,
      5,
      s.pca,
    ),
    toImageGrid(
      "Elastic deformation (E3)",
      `${p.grid}×${p.grid} grid, offsets N(0, σ²), bicubic interpolation; the third column shows the interpolated field's magnitude for the second, the last the full training pipeline.`,
      5,
      s.elastic,
    ),
  ];
}
