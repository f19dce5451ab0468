/**
 * The benchmark's result table: milliseconds per step (GFLOP/s for the matrix product) on each
 * backend, with the ratio to numpy's time: from the windows timed alternately with numpy's where
 * the backend ran paired ("1.10× paired"), else to numpy's row (reference_numpy.py alone).
 * @module
 */
import type { BackendTimes } from "./measure.ts";
import type { PairedTimes } from "./paired.ts";

/** numpy's line from ../shared/bench/reference_numpy.py. */
export interface NumpyTimes {
  threads: string;
  matmul1024_gflops: number;
  mlp_ms_median: number;
  cnn_ms_median: number;
}

function cell(
  value: number | undefined,
  error: string | undefined,
  reference: number | undefined,
  unit: string,
  paired?: PairedTimes,
) {
  if (value === undefined) return error ? `— (${error.slice(0, 48)})` : "—";
  const shown = unit === "GFLOP/s" ? value.toFixed(1) : value < 10 ? value.toFixed(2) : value.toFixed(1);
  if (paired) return `${shown} (${paired.ratio.toFixed(2)}× paired)`;
  if (reference === undefined) return `${shown}`;
  // for times the ratio is ours / numpy's; for GFLOP/s it is numpy's / ours, so > 1 always means slower
  const ratio = unit === "GFLOP/s" ? reference / value : value / reference;
  return `${shown} (${ratio.toFixed(2)}×)`;
}

/** A markdown table, one row per backend plus numpy's. */
export function benchTable(rows: BackendTimes[], numpy: NumpyTimes | undefined): string {
  const lines = [
    "| backend | MLP step, ms (× numpy) | CNN step, ms (× numpy) | matmul 1024², GFLOP/s (numpy ÷ this) |",
    "|---|---|---|---|",
  ];
  if (numpy) {
    lines.push(
      `| numpy (OpenBLAS threads: ${numpy.threads}) | ${numpy.mlp_ms_median.toFixed(2)} | ${
        numpy.cnn_ms_median.toFixed(1)
      } | ${numpy.matmul1024_gflops.toFixed(1)} |`,
    );
  }
  for (const r of rows) {
    if (r.errors.start) {
      lines.push(`| ${r.backend} | cannot start: ${r.errors.start.slice(0, 90)} | | |`);
      continue;
    }
    lines.push(
      `| ${r.backend} | ${cell(r.mlp_ms, r.errors.mlp_ms, numpy?.mlp_ms_median, "ms", r.paired?.mlp_ms)} | ${
        cell(r.cnn_ms, r.errors.cnn_ms, numpy?.cnn_ms_median, "ms", r.paired?.cnn_ms)
      } | ${
        cell(
          r.matmul1024_gflops,
          r.errors.matmul1024_gflops,
          numpy?.matmul1024_gflops,
          "GFLOP/s",
          r.paired?.matmul1024_gflops,
        )
      } |`,
    );
  }
  return lines.join("\n");
}
