/**
 * The parameters of the babysitting experiment: the data sizes, the lecture's net and the
 * learning rates and sizes of each sanity check (G1–G5, H1).
 * @module
 */
import { faultParam, type ParamValues } from "../../lib/params.ts";
import { BABYSITTING_FAULTS } from "./faults.ts";
import { dataParamSpecs } from "../../lib/data/prepare.ts";

/** The parameter specs of the babysitting experiment. */
export const params = {
  ...dataParamSpecs({ train: [8000, 8000], val: [1000, 1000], inputs: ["lecture", "lecture"] }),
  hidden: { ci: 50, full: 50, min: 1, max: 4096, integer: true, doc: "Hidden units (the lecture: 50)." },
  initStd: { ci: 1e-4, full: 1e-4, min: 0, max: 1, doc: "Weight init W = initStd·randn (the lecture: 1e-4)." },
  highReg: { ci: 1e3, full: 1e3, min: 0, doc: "The 'crank up regularization' value of G2 (the lecture: 1e3)." },
  overfitN: { ci: 20, full: 20, min: 1, max: 1000, integer: true, doc: "Examples of the overfitting check (G3)." },
  overfitEpochs: { ci: 200, full: 200, min: 1, integer: true, doc: "Full-batch epochs of G3 (the lecture: 200)." },
  overfitLr: { ci: 1e-3, full: 1e-3, min: 0, doc: "Learning rate of G3 (the lecture: 1e-3)." },
  epochs: { ci: 10, full: 10, min: 1, integer: true, doc: "Epochs of each learning-rate run (the lecture: 10)." },
  batchSize: { ci: 100, full: 100, min: 1, integer: true, doc: "Minibatch size (the lecture: 100)." },
  runReg: { ci: 1e-6, full: 1e-6, min: 0, doc: "Regularization of the learning-rate runs (the lecture: 1e-6)." },
  lowLr: { ci: 1e-6, full: 1e-6, min: 0, doc: "The 'too low' learning rate of G4 (the lecture: 1e-6)." },
  lowRepeats: {
    ci: 3,
    full: 3,
    min: 1,
    max: 20,
    integer: true,
    doc: "Independent runs at lowLr (each its own initial weights and batch order), pooled for G4.",
  },
  lectureLr: { ci: 3e-3, full: 3e-3, min: 0, doc: "The 'still too high' rate of G5 (the lecture: 3e-3)." },
  hugeLr: { ci: 1e6, full: 1e6, min: 0, doc: "The 'NaN' learning rate of G5 (the lecture: 1e6)." },
  sweepLrs: {
    ci: [1e-4, 1e-3, 1e-2],
    full: [1e-7, 1e-5, 1e-4, 1e-3, 1e-2, 3e-2],
    min: 0,
    doc: "More learning rates run alongside lowLr, lectureLr and hugeLr to locate the workable range (G5).",
  },
  gradCheckEntries: { ci: 8, full: 40, min: 1, integer: true, doc: "Entries per parameter in the H1 check." },
  gradCheckRows: { ci: 5, full: 20, min: 1, integer: true, doc: "Training examples in the H1 check's loss." },
  gradCheckH: { ci: 1e-5, full: 1e-5, min: 1e-12, max: 1, doc: "Step h of the centred differences (H1)." },
  gradCheckDelta: {
    ci: 1e-6,
    full: 1e-6,
    min: 1e-9,
    max: 1,
    doc: "First-order loss change (nats) of each directional step in the H1 check of the float32 tfjs net.",
  },
  fault: faultParam(BABYSITTING_FAULTS),
};
/** The resolved parameters. */
export type P = ParamValues<typeof params>;
