/**
 * The claims E1–E5 of the augmentation experiment: the behaviour claims (claims_behaviour.ts) and
 * the statistical ones (claims_statistical.ts).
 * @module
 */
import type { Claim } from "../../lib/experiment.ts";
import { behaviourClaims } from "./claims_behaviour.ts";
import { statisticalClaims } from "./claims_statistical.ts";
import type { P } from "./params.ts";
import type { AugData } from "./types.ts";

/** The claims E1–E5: label preservation, what each augmentation does, and the gains of augmentation and TTA. */
export const augmentationClaims: Claim<AugData, P>[] = [...behaviourClaims, ...statisticalClaims];
