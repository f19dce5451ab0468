import { assert, assertEquals } from "../std.ts";
import { suiteTable, type SuiteTimes } from "./suite.ts";

Deno.test("suiteTable totals only the families every backend ran and gives ratios to the first backend", () => {
  const rows: SuiteTimes[] = [
    {
      backend: "fast",
      families: [{ id: "a", seconds: 2, outcome: "pass", ok: true }, {
        id: "b",
        seconds: 3,
        outcome: "pass",
        ok: true,
      }],
    },
    {
      backend: "slow",
      families: [{ id: "a", seconds: 10, outcome: "pass", ok: true }, {
        id: "b",
        seconds: 0.1,
        outcome: "x",
        ok: false,
      }],
    },
  ];
  const lines = suiteTable(rows).split("\n");
  assertEquals(lines[2], "| a | 2.0 | 10.0 |");
  assertEquals(lines[3], "| b | 3.0 | cannot run |");
  assertEquals(lines[4], "| total (1 families every backend ran) | 2.0 (1.0×) | 10.0 (5.0×) |");
  assert(lines[0].includes("fast s") && lines[0].includes("slow s"));
});
