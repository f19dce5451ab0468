/** Tests of flattening measures into named numbers. */
import { assert, assertEquals } from "../std.ts";
import { belongsTo, flattenMeasure, textNumbers } from "./flatten.ts";

Deno.test("a bare number, an array and a record flatten to named numbers", () => {
  assertEquals(flattenMeasure(2.5).numbers.map((n) => [n.name, n.value]), [["measured", 2.5]]);
  assertEquals(flattenMeasure([0.49, 0.29]).numbers.map((n) => n.name), ["measured[0]", "measured[1]"]);
  const flat = flattenMeasure({ loss: 2.3, per: [1, null, 3], ok: true, nan: null });
  assertEquals(flat.numbers.map((n) => n.name), ["loss", "per[0]", "per[2]"]);
  assertEquals(flat.texts, { "per[1]": "null", ok: "true", nan: "null" });
  assertEquals(flat.numbers[1].group, { key: "per", size: 3, list: false });
});

Deno.test("numbers inside texts are named name#k and the text keeps its shape", () => {
  const flat = flattenMeasure({ steps: "143, 85, 112", SGD: "33.49 → 3.395e-9", neg: "−0.5 / -2" });
  assertEquals(flat.numbers.map((n) => [n.name, n.value]), [
    ["steps#1", 143],
    ["steps#2", 85],
    ["steps#3", 112],
    ["SGD#1", 33.49],
    ["SGD#2", 3.395e-9],
    ["neg#1", -0.5],
    ["neg#2", -2],
  ]);
  assertEquals(flat.texts.SGD, "# → #");
  assert(flat.numbers[0].group!.list, "a comma list is a plain list");
  assert(!flat.numbers[3].group!.list, "an arrow between numbers is not a plain list");
  assertEquals(textNumbers("workable").numbers, []);
});

Deno.test("belongsTo matches a key and its elements only", () => {
  assert(belongsTo("a[1]", "a") && belongsTo("a#2", "a") && belongsTo("a", "a"));
  assert(!belongsTo("ab", "a"));
});
