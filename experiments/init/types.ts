/**
 * The data one seed of the init experiment produces.
 * @module
 */
import type { LayerStats } from "./deep_net.ts";
import type { SymmetryRun } from "./symmetry.ts";

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
