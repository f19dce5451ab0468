/**
 * The momentum optimizers as the studies build them, with the planted bugs of the falsifier tests
 * (`fault` parameter): the update's sign (momentum-sign) and Nesterov's look-ahead
 * (nesterov-no-lookahead). With fault "none" they are the lib/ optimizers unchanged.
 * @module
 */
import { momentum, type MomentumOptions, type VelocityState } from "../../lib/nn/optim/momentum.ts";
import { nesterov } from "../../lib/nn/optim/nesterov.ts";
import { atParams, type Optimizer } from "../../lib/nn/optim/types.ts";

/** SGD + momentum (EMA form); fault "momentum-sign" applies the step as weights += α·vel. */
export function slideMomentum(o: MomentumOptions, fault = "none"): Optimizer<VelocityState> {
  return momentum(fault === "momentum-sign" ? { ...o, lr: -o.lr } : o);
}

/** Nesterov momentum; fault "nesterov-no-lookahead" takes the gradient at θ instead of θ − αρv. */
export function slideNesterov(o: MomentumOptions, fault = "none"): Optimizer<VelocityState> {
  const opt = nesterov(o);
  return fault === "nesterov-no-lookahead" ? { ...opt, gradientPoint: atParams } : opt;
}
