import { assert, assertEquals } from "../std.ts";
import { renderSvg } from "../report/svg.ts";
import { simpleValues, withBaselineLayer } from "./chart_layer.ts";
import type { Chart } from "../experiment.ts";
import { VEGA_LITE_SCHEMA } from "../charts/schema.ts";

const line = {
  $schema: VEGA_LITE_SCHEMA,
  data: { values: [{ step: 0, loss: 2.3 }, { step: 1, loss: 1.9 }] },
  mark: "line",
  encoding: { x: { field: "step", type: "quantitative" }, y: { field: "loss", type: "quantitative" } },
} as unknown as Chart["spec"];

Deno.test("a simple chart gets the baseline's series as a dashed, faded first layer, and still renders", async () => {
  assertEquals(simpleValues(line)?.length, 2);
  const layered = withBaselineLayer(line, [{ step: 0, loss: 2.3 }, { step: 1, loss: 2.1 }]) as unknown as {
    layer: { mark: { strokeDash?: number[]; type?: string }; data: { values: unknown[] } }[];
  };
  assertEquals(layered.layer.length, 2);
  assertEquals(layered.layer[0].mark.strokeDash, [4, 3]);
  assertEquals(layered.layer[1].data.values.length, 2);
  const svg = await renderSvg(layered as unknown as Chart["spec"]);
  assert((svg.match(/<path/g) ?? []).length >= 2, "both series are drawn");
});

Deno.test("composite or large charts are left alone", () => {
  const composite = { ...line, layer: [] } as unknown as Chart["spec"];
  assertEquals(simpleValues(composite), undefined);
  assertEquals(withBaselineLayer(composite, []), composite);
  const big = { ...line, data: { values: Array.from({ length: 601 }, (_, i) => ({ step: i, loss: 1 })) } };
  assertEquals(simpleValues(big as unknown as Chart["spec"]), undefined);
});

Deno.test("an experiment page draws the baseline's series as a second layer in the chart it kept", async () => {
  const { experimentPage } = await import("../report/build.ts");
  const { fakeResult } = await import("./fixtures_test_util.ts");
  const exp = {
    id: "demo",
    title: "Demo",
    lecture: [],
    summary: "",
    params: {},
    seeds: { ci: 1, full: 1 },
    run: () => Promise.resolve({}),
    claims: [],
    charts: () => [{ title: "Loss per step (A1)", spec: line }],
  };
  const result = { ...fakeResult("demo", [{ id: "A1", status: "pass", measured: 1 }]), runs: [{ seed: 1, data: {} }] };
  const baseline = { experiments: { demo: { claims: {}, charts: { "Loss per step (A1)": [{ step: 0, loss: 2 }] } } } };
  const comparison = { old: baseline, new: baseline, changes: [], compared: { experiments: 1, claims: 0, numbers: 0 } };
  const page = await experimentPage(exp as never, result, [], comparison as never);
  assert(page.includes("Dashed and faded: the baseline&#39;s values."));
  const without = await experimentPage(exp as never, result, []);
  assert(!without.includes("Dashed and faded"));
});
