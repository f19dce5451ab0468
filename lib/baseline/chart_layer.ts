/**
 * The baseline as a second layer in the charts: the baseline keeps the data of each experiment's
 * simple charts (one view: `mark`, `encoding` and inline `data.values`, up to {@link MAX_ROWS} rows),
 * and the experiment page draws them again, dashed and faded, under the current run's series.
 * @module
 */
import type { Chart, Experiment } from "../experiment.ts";
import type { ExperimentResult } from "../runner.ts";

/** Charts with more rows than this are not kept in the baseline (the file stays reviewable). */
export const MAX_ROWS = 600;

type View = Record<string, unknown> & { data?: { values?: unknown[] }; mark?: unknown; encoding?: unknown };

/** The rows of a chart with one view and inline data, or undefined for any other chart. */
export function simpleValues(spec: Chart["spec"]): unknown[] | undefined {
  const v = spec as unknown as View;
  const composite = ["layer", "facet", "concat", "hconcat", "vconcat", "repeat"].some((k) => k in v);
  const values = v.data?.values;
  if (composite || !v.mark || !v.encoding || !Array.isArray(values) || values.length > MAX_ROWS) return undefined;
  return values;
}

/** The data of each simple chart of an experiment's result, by chart title. */
export function chartData(exp: Pick<Partial<Experiment>, "charts">, r: ExperimentResult): Record<string, unknown[]> {
  if (r.error || !r.runs?.length || !exp.charts) return {};
  const out: Record<string, unknown[]> = {};
  for (const ch of exp.charts(r.runs, r.params)) {
    const values = simpleValues(ch.spec);
    if (values) out[ch.title] = values;
  }
  return out;
}

/** The chart with the baseline's rows drawn as a second, dashed and faded layer under the current ones. */
export function withBaselineLayer(spec: Chart["spec"], baselineValues: readonly unknown[]): Chart["spec"] {
  const v = spec as unknown as View;
  if (!simpleValues(spec)) return spec;
  const { data, mark, encoding, ...rest } = v;
  const markDef = typeof mark === "string" ? { type: mark } : mark as Record<string, unknown>;
  return {
    ...rest,
    layer: [
      { data: { values: baselineValues }, mark: { ...markDef, opacity: 0.35, strokeDash: [4, 3] }, encoding },
      { data, mark, encoding },
    ],
  } as unknown as Chart["spec"];
}
