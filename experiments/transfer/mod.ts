/**
 * Transfer learning with a pretrained net on very small target sets (claim E6).
 * @module
 */
import { defineExperiment, type SeedRun } from "../../lib/experiment.ts";
import { fmt, mean, record, sampleStd, seedsFraction } from "../../lib/checks.ts";
import { lineChart, type Row } from "../../lib/charts/mod.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { type Dataset, subset } from "../../lib/data/dataset.ts";
import { disposeCnn } from "./small_cnn.ts";
import { fashionAvailable, loadFashionTest } from "./fashion_reader.ts";
import { makeTarget, permutePixels, selectClasses } from "./targets.ts";
import { pretrainedNet } from "./pretrain.ts";
import { runStrategy, type Strategy, STRATEGY_NAMES } from "./strategies.ts";
import { DIGIT_AUGMENTATION } from "../../lib/augment/pipeline.ts";
import { type StoredImage, storeImages, toImageGrid } from "../../lib/report/image_grids.ts";

const params = {
  sourceClasses: { ci: [0, 1, 2, 3, 4], full: [0, 1, 2, 3, 4], min: 0, max: 9, integer: true, doc: "Source digits." },
  targetClasses: {
    ci: [5, 6, 7, 8, 9],
    full: [5, 6, 7, 8, 9],
    min: 0,
    max: 9,
    integer: true,
    doc: "Digits of the similar target task.",
  },
  different: {
    ci: "auto",
    full: "auto",
    choices: ["auto", "fashion-mnist", "permuted-digits"],
    doc: "The very different target: Fashion-MNIST (auto: when installed) or target digits with permuted pixels.",
  },
  differentClasses: {
    ci: [0, 1, 2, 3, 4],
    full: [0, 1, 2, 3, 4],
    min: 0,
    max: 9,
    integer: true,
    doc: "Fashion-MNIST classes of the different target.",
  },
  pretrainSize: { ci: 4000, full: 4500, min: 100, max: 4800, integer: true, doc: "Source images for pretraining." },
  channels: {
    ci: [8, 16],
    full: [16, 32],
    min: 1,
    max: 256,
    integer: true,
    doc: "Channels of the CNN's conv 3×3 layers (each with ReLU and 2×2 max-pooling).",
  },
  denseWidth: { ci: 64, full: 128, min: 2, max: 2048, integer: true, doc: "Width of the CNN's hidden dense layer." },
  pretrainSteps: { ci: 300, full: 2000, min: 1, max: 100000, integer: true, doc: "Pretraining SGD steps." },
  pretrainBatch: { ci: 32, full: 64, min: 1, max: 1000, integer: true, doc: "Pretraining mini-batch size." },
  pretrainAugment: {
    ci: true,
    full: true,
    doc: "Pretrain with the digit augmentation (random crops and scales, rotations, elastic), as large models are.",
  },
  lr: { ci: 0.05, full: 0.05, min: 0, max: 10, doc: "The original (pretraining) learning rate; SGD, momentum 0.9." },
  little: {
    ci: 5,
    full: 5,
    min: 1,
    max: 500,
    integer: true,
    doc: "Labelled target images per class, 'very little data'.",
  },
  much: {
    ci: 100,
    full: 300,
    min: 1,
    max: 800,
    integer: true,
    doc: "Labelled target images per class, 'quite a lot'.",
  },
  steps: {
    ci: 80,
    full: 500,
    min: 1,
    max: 100000,
    integer: true,
    doc: "SGD steps (batch 50) of each target training.",
  },
  lrMults: {
    ci: [0.1, 1],
    full: [0.01, 0.03, 0.1, 0.3, 1],
    min: 0,
    max: 10,
    doc: "Learning-rate multipliers of the fine-tuned pretrained layers (the slide: 0.1 of the original).",
  },
  testSize: { ci: 600, full: 2000, min: 50, max: 3000, integer: true, doc: "Test images per target task." },
};
type P = { [K in keyof typeof params]: (typeof params)[K]["ci"] };

type Domain = "similar" | "different";
type Amount = "little" | "much";

interface Cell {
  domain: Domain;
  amount: Amount;
  perClass: number;
  /** Test accuracy by strategy; fine-tuning ones as `finetune-all@0.1`. */
  acc: Record<string, number>;
}

interface TransferData {
  sourceAccuracy: number;
  /** The cache key of the pretrained model (its code, data, recipe and seed). */
  pretrainKey: string;
  differentName: string;
  cells: Cell[];
  samples: StoredImage[];
}

/** The multiplier of `lrMults` nearest the slide's 0.1. */
const slideMult = (p: P) =>
  p.lrMults.reduce((a, b) => (Math.abs(Math.log(b / 0.1)) < Math.abs(Math.log(a / 0.1)) ? b : a));
const cellOf = (d: TransferData, domain: Domain, amount: Amount) =>
  d.cells.find((c) => c.domain === domain && c.amount === amount)!;
const meanAcc = (runs: readonly SeedRun<TransferData>[], domain: Domain, amount: Amount, key: string) =>
  mean(runs.map((r) => cellOf(r.data, domain, amount).acc[key]));

/** The strategies of one cell: [key, strategy, lr multiplier]. */
function strategies(p: P): [string, Strategy, number][] {
  const m = slideMult(p);
  return [
    ["scratch", "scratch", 1],
    ["linear-top", "linear-top", 1],
    ["linear-layer1", "linear-layer1", 1],
    [`finetune-top@${m}`, "finetune-top", m],
    ...p.lrMults.map((x): [string, Strategy, number] => [`finetune-all@${x}`, "finetune-all", x]),
  ];
}

async function differentData(p: P, digits: Dataset): Promise<Dataset> {
  const fashion = p.different === "fashion-mnist" || (p.different === "auto" && fashionAvailable());
  if (fashion) return selectClasses(await loadFashionTest(), p.differentClasses);
  return permutePixels(selectClasses(digits, p.targetClasses));
}

export default defineExperiment({
  id: "transfer",
  title: "Transfer learning",
  lecture: ["Transfer Learning with CNNs", "Transfer learning is pervasive!"],
  summary: "Train on a large dataset, then reuse the net on a small dataset of C new classes: with very little data, " +
    "freeze it and train a linear classifier on top; with more data, fine-tune more layers, with a smaller learning rate " +
    "(about 0.1 of the original). The lecture's 2×2 table: similar or very different data, very little or quite a lot. " +
    "Here the 'large dataset' is the embedded digits of the source classes, the net a small CNN (conv 3×3 layers " +
    "with ReLU and 2×2 max-pooling, then a dense ReLU layer and the classifier) pretrained by the project (with the " +
    "digit augmentation, as large models are trained) and cached; the similar target is the other digits, the very " +
    "different one " +
    "Fashion-MNIST when installed (apt-get install dataset-fashion-mnist), otherwise the target digits with a fixed " +
    "random permutation of their pixels (a stand-in with the same labels but none of the spatial structure).",
  params,
  seeds: { ci: 3, full: 10 },
  async run({ tf, params: p, rng, seed, cache, progress }): Promise<TransferData> {
    if (p.channels.length < 1) throw new RangeError("channels must list at least one conv layer");
    const digits = loadEmbeddedMnist();
    const source = selectClasses(digits, p.sourceClasses, "mnist-source");
    const order = rng.fork("source").shuffle(Array.from({ length: source.count }, (_, i) => i));
    const held = Math.min(500, source.count - p.pretrainSize);
    if (held < 50) {
      throw new RangeError(`pretrainSize ${p.pretrainSize} leaves ${held} of ${source.count} source images`);
    }
    progress(0, 5, "pretraining (or cache)");
    const pre = await pretrainedNet(
      tf,
      cache,
      subset(source, order.slice(0, p.pretrainSize)),
      subset(source, order.slice(p.pretrainSize, p.pretrainSize + held)),
      {
        spec: { input: [28, 28, 1], channels: p.channels, dense: [p.denseWidth, p.sourceClasses.length] },
        steps: p.pretrainSteps,
        batch: p.pretrainBatch,
        lr: p.lr,
        seed,
        ...(p.pretrainAugment ? { augment: DIGIT_AUGMENTATION } : {}),
      },
      rng.fork("pretrain"),
    );
    const different = await differentData(p, digits);
    const domains: Record<Domain, Dataset> = {
      similar: selectClasses(digits, p.targetClasses, "mnist-target"),
      different,
    };
    const cells: Cell[] = [];
    const samples: StoredImage[] = [];
    try {
      let k = 1;
      for (const domain of ["similar", "different"] as Domain[]) {
        const target = makeTarget(domains[domain], p.much, p.testSize, rng.fork(`target-${domain}`));
        for (const amount of ["little", "much"] as Amount[]) {
          progress(k++, 5, `${domain} target, ${amount} data`);
          const perClass = amount === "little" ? Math.min(p.little, p.much) : p.much;
          const classes = domains[domain].classNames.length;
          const train = subset(target.pool, Array.from({ length: perClass * classes }, (_, i) => i));
          const acc: Record<string, number> = {};
          for (const [key, strategy, lrMult] of strategies(p)) {
            acc[key] = await runStrategy(tf, pre.net, strategy, train, target.test, {
              steps: p.steps,
              batch: 50,
              lr: p.lr,
              lrMult,
              rng: rng.fork(`${domain}-${amount}-${strategy}`),
            });
          }
          cells.push({ domain, amount, perClass, acc });
        }
        const show = tf.tensor4d(target.pool.images.slice(0, 8 * 784), [8, 28, 28, 1]);
        samples.push(
          ...await storeImages(show, Array.from(target.pool.labels.slice(0, 8), (l) => domains[domain].classNames[l])),
        );
        show.dispose();
      }
      const src = tf.tensor4d(source.images.slice(0, 8 * 784), [8, 28, 28, 1]);
      samples.unshift(...await storeImages(src, Array.from(source.labels.slice(0, 8), (l) => source.classNames[l])));
      src.dispose();
    } finally {
      disposeCnn(pre.net);
    }
    return {
      sourceAccuracy: pre.sourceAccuracy,
      pretrainKey: pre.key,
      differentName: different.source,
      cells,
      samples,
    };
  },
  claims: [
    {
      id: "E6",
      kind: "statistical",
      knownFailure:
        "Measured at ci with the small CNN: fine-tuning all pretrained layers at 0.1× the original learning " +
        "rate is not better than at 1× for the same number of steps (1 of 3 seeds; mean test accuracy 0.948 against " +
        "0.961 at 100 images per class, 80 steps) — in this short budget the larger rate wins, and a CNN pretrained on 4000 " +
        "digits of 5 classes is not one pretrained on ImageNet. The other two parts hold in every seed: a linear " +
        "classifier on the frozen top features beats the same CNN from scratch on 5 images per class (0.769 against " +
        "0.673), and fine-tuning all layers gains more over it as the data grows.",
      statement:
        "Features pretrained on a large dataset, with a linear classifier on top, beat training from scratch on " +
        "a very small similar dataset; fine-tuning more layers helps as the data grows; a smaller fine-tuning learning " +
        "rate (~0.1×) is better than the original.",
      check(runs, p) {
        const m = slideMult(p);
        const at = (d: TransferData, amount: Amount) => cellOf(d, "similar", amount).acc;
        const linear = seedsFraction(runs, (d) => at(d, "little")["linear-top"] > at(d, "little")["scratch"], 0.8);
        const gain = (d: TransferData, amount: Amount) =>
          at(d, amount)[`finetune-all@${m}`] - at(d, amount)["linear-top"];
        const grows = seedsFraction(runs, (d) => gain(d, "much") > gain(d, "little"), 0.8);
        const hasOne = p.lrMults.includes(1) && m !== 1;
        const smaller = seedsFraction(
          runs,
          (d) => hasOne && at(d, "much")[`finetune-all@${m}`] >= at(d, "much")["finetune-all@1"],
          0.8,
        );
        const g = (amount: Amount) => mean(runs.map((r) => gain(r.data, amount)));
        const a = (key: string, amount: Amount) => meanAcc(runs, "similar", amount, key);
        return {
          pass: linear.pass && grows.pass && smaller.pass,
          measured: record([
            ["little: linear on frozen features", a("linear-top", "little")],
            ["little: from scratch", a("scratch", "little")],
            ["linear beats scratch (seeds)", `${linear.held} of ${linear.total}`],
            ["fine-tune-all gain over linear, little", g("little")],
            ["fine-tune-all gain over linear, much", g("much")],
            ["gain grows with data (seeds)", `${grows.held} of ${grows.total}`],
            [`much: fine-tune all at ${m}× lr`, a(`finetune-all@${m}`, "much")],
            ["much: fine-tune all at 1× lr", hasOne ? a("finetune-all@1", "much") : null],
            [`${m}× at least as good (seeds)`, `${smaller.held} of ${smaller.total}`],
          ]),
          expected: record([
            ["linear beats scratch (seeds)", "≥ 80%"],
            ["gain grows with data (seeds)", "≥ 80%"],
            [`${m}× at least as good (seeds)`, "≥ 80% (needs 1 in lrMults)"],
          ]),
          tolerance: `each of the three parts ${linear.rule}; similar target (digits ${p.targetClasses.join(",")}), ` +
            `${p.little} vs ${p.much} images per class`,
          summary: `On ${p.little} images per class, a linear classifier on the frozen top features scores ` +
            `${fmt(a("linear-top", "little"))} against ${
              fmt(a("scratch", "little"))
            } from scratch (${linear.held} of ` +
            `${linear.total} seeds better); fine-tuning all layers gains ${fmt(g("little"))} over it with little and ` +
            `${fmt(g("much"))} with much data; at ${p.much} per class, ${m}× the learning rate gives ` +
            `${fmt(a(`finetune-all@${m}`, "much"))} against ${hasOne ? fmt(a("finetune-all@1", "much")) : "—"} at 1×.`,
        };
      },
    },
  ],
  charts(runs, p) {
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
  },
  tables(runs, p) {
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
  },
  images(runs) {
    return [
      toImageGrid(
        "Source and target data (E6)",
        "Rows: source digits (pretraining), similar target, very different target.",
        8,
        runs[0].data.samples,
      ),
    ];
  },
});
