/**
 * The backends experiment's claim H2: the same numbers on every backend, bit-identical repeats.
 * @module
 */
import type { Claim } from "../../lib/experiment.ts";
import { fmt, record } from "../../lib/checks.ts";
import { deviations } from "./deviations.ts";
import type { P } from "./params.ts";
import type { BackendRun, BackendsData } from "./types.ts";

/** The claim H2 of the backends experiment. */
export const backendsClaims: Claim<BackendsData, P>[] = [
  {
    id: "H2",
    kind: "value",
    statement:
      "The init family's measurements (C2–C8, dL/dW) give the same numbers on every backend that runs (within the stated float32 tolerance), and the same seed on the same backend is bit-identical.",
    falsifiers: [
      {
        name: "repeat seeded with seed + index",
        description: "the second run of a backend is seeded with seed + 1 (a loop counter added to the seed)",
        set: { fault: "seed-per-repeat", backends: "cpu-blas,wasm" },
      },
      {
        name: "an override dropped for later backends",
        description:
          "the backends after the reference run init without the width override, so they measure another net",
        set: { fault: "stale-params", backends: "cpu-blas,wasm" },
      },
    ],
    check(seedRuns, p: P) {
      const all = seedRuns.flatMap((r) => r.data.runs as BackendRun[]);
      const ran = all.filter((r) => !r.unavailable && !r.failed);
      const failed = all.filter((r) => r.failed);
      const names = [...new Set(ran.map((r) => r.name))];
      const devs = seedRuns.flatMap((r) => deviations(r.data.runs as BackendRun[]));
      const worst = Math.max(0, ...devs.map((d) => d.dev));
      const identical = ran.every((r) => r.identical);
      const pass = names.length >= 2 && worst <= p.relTolerance && identical && failed.length === 0;
      return {
        pass,
        measured: record([
          ["backends compared", names.join(", ")],
          ["largest relative difference", worst],
          ["repeat runs bit-identical", identical],
          ["backends that failed", failed.map((r) => r.name).join(", ") || "none"],
        ]),
        expected: record([
          ["backends compared", "≥ 2"],
          ["largest relative difference", `≤ ${fmt(p.relTolerance)}`],
          ["repeat runs bit-identical", true],
          ["backends that failed", "none"],
        ]),
        tolerance: `relative ${fmt(p.relTolerance)} against ${
          ran[0]?.name ?? "the first backend"
        } (values below 1e-3 absolutely, to ${fmt(p.relTolerance * 1e-3)}), on every number behind C2–C8 and dL/dW`,
        summary: (pass ? "Same numbers everywhere: " : "Not the same numbers on every backend: ") +
          `${names.length} backends ran (${names.join(", ")}); the largest difference from ${ran[0]?.name ?? "—"} is ${
            fmt(worst)
          } (relative); ` +
          (identical ? "every repeat was bit-identical." : "some repeat differed.") +
          (failed.length ? ` Failed: ${failed.map((r) => `${r.name} (${r.failed})`).join("; ")}.` : "") +
          (all.some((r) => r.unavailable)
            ? ` Not run: ${all.filter((r) => r.unavailable).map((r) => `${r.name} (${r.unavailable})`).join("; ")}.`
            : ""),
      };
    },
  },
];
