/**
 * Inputs on which kernel overrides are compared with the stock tfjs `cpu` kernels: shapes with
 * transposes, batches, broadcasting, padding, strides, fused bias + activation, NaN/±Inf and
 * ties. The backend's self-check runs the `quick` set; the unit tests run the `full` set. The
 * cases live in one file per kernel group (check_cases_*.ts); this module joins them.
 * @module
 */
import type { KernelCase } from "./check_case.ts";
import { convCases, matMulCases, poolCases } from "./check_cases_conv.ts";
import { elementwiseCases } from "./check_cases_elementwise.ts";
import { shapeCases } from "./check_cases_shape.ts";
import { miscCases } from "./check_cases_misc.ts";

export { type CaseInput, caseRng, caseValues, type KernelCase } from "./check_case.ts";

/** The comparison cases: `quick` for the start-up self-check, `full` for the unit tests. */
export function kernelCases(level: "quick" | "full"): KernelCase[] {
  const full = level === "full";
  return [
    ...matMulCases(full),
    ...convCases(full),
    ...poolCases(full),
    ...elementwiseCases(full),
    ...shapeCases(full),
    ...miscCases(full),
  ];
}
