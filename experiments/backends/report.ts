/**
 * The backends experiment's chart (backend × claim agreement) and table (what ran where).
 * @module
 */
import type { Chart, SeedRun, Table } from "../../lib/experiment.ts";
import { fmt } from "../../lib/checks.ts";
import { type Row, VEGA_LITE_SCHEMA } from "../../lib/charts/mod.ts";
import { deviations } from "./deviations.ts";
import type { P } from "./params.ts";
import type { BackendRun, BackendsData } from "./types.ts";

/** The backends experiment's chart: the largest relative difference per backend and claim. */
export function backendsCharts(seedRuns: readonly SeedRun<BackendsData>[], p: P): Chart[] {
  const rows: Row[] = seedRuns.flatMap((r) =>
    deviations(r.data.runs as BackendRun[]).map((d) => ({
      ...d,
      agrees: d.dev <= p.relTolerance ? "agrees" : "differs",
      label: fmt(d.dev, 2),
    }))
  );
  return [{
    title: "Backend × claim: largest relative difference from the reference backend",
    caption: `Reference: the first backend that ran. Tolerance ${fmt(p.relTolerance)}.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      data: { values: rows },
      width: 320,
      height: { step: 34 },
      encoding: {
        x: { field: "claim", type: "nominal", title: "claim" },
        y: { field: "backend", type: "nominal", title: "backend" },
      },
      layer: [
        {
          mark: "rect",
          encoding: {
            color: {
              field: "agrees",
              type: "nominal",
              scale: { domain: ["agrees", "differs"], range: ["#8fd19e", "#f1948a"] },
              title: null,
            },
          },
        },
        { mark: { type: "text", fontSize: 11 }, encoding: { text: { field: "label", type: "nominal" } } },
      ],
    },
  }];
}

/** The backends experiment's table: each backend, its device, and whether it ran and repeated bit-identically. */
export function backendsTables(seedRuns: readonly SeedRun<BackendsData>[]): Table[] {
  const runs = seedRuns[0].data.runs as BackendRun[];
  return [{
    title: "Backends",
    columns: ["backend", "device", "ran", "bit-identical repeat", "init run time (ms)"],
    rows: runs.map((
      r,
    ) => [
      r.name,
      r.device || "—",
      r.unavailable ? `no: ${r.unavailable}` : "yes",
      r.unavailable ? null : r.identical,
      r.unavailable ? null : r.ms,
    ]),
  }];
}
