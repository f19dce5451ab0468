/**
 * The falsifiers of the init claims: realistic bugs and wrong beliefs, switched on by `init.fault`
 * (params.ts; planted in nets.ts, deep_net.ts, run.ts, symmetry.ts, conv.ts) or by a setting where the
 * slide's belief does not hold. Most run at width 1024 or 256 and one seed: the point stays, the cost
 * is a few seconds each.
 * @module
 */
import type { Falsifier } from "../../lib/experiment.ts";

/** The falsifiers, by the claim that declares them. */
export const FALSIFIERS: Record<string, Falsifier[]> = {
  C1: [{
    name: "constant init with a tiny jitter",
    description: "The 'constant' W1 gets 1e-3·randn added (to be safe): the symmetry is broken and the units diverge.",
    set: { fault: "constant-jitter", width: "256" },
    seeds: 1,
  }],
  C2: [
    {
      name: "0.01 taken as the variance",
      description: "W = sqrt(0.01)·randn = 0.1·randn: the std table is not the 0.01 net's.",
      set: { fault: "small-var", width: "1024" },
      seeds: 1,
    },
    {
      name: "backward pass through the unscaled randn",
      description: "dL/dx is propagated through the standard-normal matrix instead of W = scale·randn, " +
        "so the 0.01 net's dL/dW is not small.",
      set: { fault: "backward-unscaled", width: "1024" },
      seeds: 1,
    },
  ],
  C3: [{
    name: "0.05 is large at any width",
    description: "The belief that 0.05·randn saturates tanh whatever Din: at width 1024, 0.05·sqrt(1024) = 1.6 " +
      "leaves most activations below 0.9.",
    set: { width: "1024" },
    seeds: 1,
  }],
  C4: [{
    name: "Xavier-tanh at 1.3/√Din",
    description: "The tanh net's weights at 1.3/sqrt(Din) instead of 1/sqrt(Din) (a gain left in).",
    set: { fault: "xavier-tanh-1.3", width: "1024" },
    seeds: 1,
  }],
  C5: [{
    name: "ReLU outputs as inputs",
    description: "The layer's inputs are ReLU outputs (mean > 0): Din·Var(x)·Var(w) misses the mean², " +
      "Var(y) = Din·E[x²]·Var(w).",
    set: { fault: "relu-inputs", width: "256" },
    seeds: 1,
  }],
  C6: [{
    name: "Xavier-ReLU at 1.2/√Din",
    description: "The ReLU net's weights at 1.2/sqrt(Din) instead of 1/sqrt(Din): the std falls by 0.85 per layer.",
    set: { fault: "xavier-relu-1.2", width: "1024" },
    seeds: 1,
  }],
  C7: [{
    name: "the slide's printed Kaiming code",
    description: "The 'corrected' Kaiming net run as the slide prints it, randn/sqrt(Din): it collapses like C6.",
    set: { fault: "kaiming-as-printed", width: "1024" },
    seeds: 1,
  }],
  C8: [{
    name: "conv fan-in k·C_in",
    description: "The conv's std computed from fan-in = kernel_size·C_in (a square forgotten) instead of k²·C_in.",
    set: { fault: "fanin-k", width: "256" },
    seeds: 1,
  }],
};
