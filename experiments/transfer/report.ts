/**
 * Charts, tables and images of the transfer family: accuracy against target data size, the
 * lecture's 2×2 table with measured accuracies, and the source and target samples (E6).
 * @module
 */
import type { Chart, ImageGrid, SeedRun, Table } from "../../lib/experiment.ts";
import { fmt, mean, sampleStd } from "../../lib/checks.ts";
import { lineChart, type Row } from "../../lib/charts/mod.ts";
import { toImageGrid } from "../../lib/report/image_grids.ts";
import { STRATEGY_NAMES } from "./strategies.ts";
import { cellOf, meanAcc, slideMult, strategies } from "./cells.ts";
import type { P } from "./params.ts";
import type { Amount, Domain, TransferData } from "./types.ts";

/** The charts: accuracy against images per class in each domain, and against the lr multiplier. */
export function transferCharts(runs: readonly SeedRun<TransferData>[], p: P): Chart[] {
  const rows = (domain: Domain): Row[] =>
    strategies(p).flatMap(([key]) =>
      (["little", "much"] as Amount[]).map((amount) => ({
        "images per class": cellOf(runs[0].data, domain, amount).perClass,
        accuracy: meanAcc(runs, domain, amount, key),
        strategy: key,
      }))
    );
  const lrRows: Row[] = (["similar", "different"] as Domain[]).flatMap((domain) =>
    (["little", "much"] as Amount[]).flatMap((amount) =>
      p.lrMults.map((x) => ({
        "lr multiplier": x,
        accuracy: meanAcc(runs, domain, amount, `finetune-all@${x}`),
        cell: `${domain}, ${amount} data`,
      }))
    )
  );
  const chart = (domain: Domain) => ({
    title: `Test accuracy against target data size: ${domain} target (E6)`,
    caption: `Mean over ${runs.length} seeds. ${domain === "different" ? runs[0].data.differentName : "Digits"}.`,
    spec: lineChart({
      data: rows(domain),
      x: "images per class",
      y: "accuracy",
      color: "strategy",
      points: true,
      logX: true,
    }),
  });
  return [
    chart("similar"),
    chart("different"),
    {
      title: "Fine-tuning all layers: learning-rate multiplier of the pretrained layers (E6)",
      caption: "The new head always trains at the original rate; mean over seeds.",
      spec: lineChart({ data: lrRows, x: "lr multiplier", y: "accuracy", color: "cell", points: true, logX: true }),
    },
  ];
}

/** The tables: the lecture's 2×2 table with measured accuracies, and every strategy in every cell. */
export function transferTables(runs: readonly SeedRun<TransferData>[], p: P): Table[] {
  const m = slideMult(p);
  const cellText = (domain: Domain, amount: Amount, advice: string) => {
    const keys = ["linear-top", "linear-layer1", `finetune-top@${m}`, `finetune-all@${m}`, "scratch"];
    const best = keys.reduce((a, b) => (meanAcc(runs, domain, amount, b) > meanAcc(runs, domain, amount, a) ? b : a));
    return `${advice} — ` + keys.map((k) => `${k} ${fmt(meanAcc(runs, domain, amount, k), 3)}`).join(", ") +
      `; best: ${best}`;
  };
  const d0 = runs[0].data;
  const perClass = (amount: Amount) => cellOf(d0, "similar", amount).perClass;
  const keys = strategies(p).map(([key]) => key);
  return [
    {
      title: "The lecture's table, with measured test accuracies (E6)",
      caption: `Lecture's advice in each cell, then mean test accuracy over ${runs.length} seeds. Similar: digits ` +
        `${p.targetClasses.join(",")}; different: ${d0.differentName}. Source model: digits ` +
        `${p.sourceClasses.join(",")}, held-out accuracy ${fmt(mean(runs.map((r) => r.data.sourceAccuracy)))}.`,
      columns: ["", "very similar dataset", "very different dataset"],
      rows: [
        [
          `very little data (${perClass("little")} per class)`,
          cellText("similar", "little", "Use linear classifier on top layer"),
          cellText("different", "little", "You're in trouble… try linear classifier from different stages"),
        ],
        [
          `quite a lot of data (${perClass("much")} per class)`,
          cellText("similar", "much", "Finetune a few layers"),
          cellText("different", "much", "Finetune a larger number of layers"),
        ],
      ],
    },
    {
      title: "Every strategy in every cell (E6)",
      caption: "Mean ± std of test accuracy over seeds. " +
        Object.entries(STRATEGY_NAMES).map(([k, v]) => `${k}: ${v}`).join("; ") + ".",
      columns: ["target", "images per class", ...keys],
      rows: (["similar", "different"] as Domain[]).flatMap((domain) =>
        (["little", "much"] as Amount[]).map((amount) => [
          domain,
          perClass(amount),
          ...keys.map((k) => {
            const xs = runs.map((r) => cellOf(r.data, domain, amount).acc[k]);
            return `${fmt(mean(xs), 3)} ± ${fmt(sampleStd(xs), 2)}`;
          }),
        ])
      ),
    },
  ];
}

/** The image grid: source digits, the similar and the very different target. */
export function transferImages(runs: readonly SeedRun<TransferData>[]): ImageGrid[] {
  return [
    toImageGrid(
      "Source and target data (E6)",
      "Rows: source digits (pretraining), similar target, very different target.",
      8,
      runs[0].data.samples,
    ),
  ];
}
