import { assertEquals } from "./std.ts";
import { editDistance, unknownName } from "./suggest.ts";

Deno.test("suggestions name the closest valid choice", () => {
  assertEquals(editDistance("inti", "init"), 2);
  assertEquals(
    unknownName("Unknown experiment", "inti", ["init", "layers"]),
    'Unknown experiment "inti": did you mean "init"? Valid: init, layers.',
  );
  assertEquals(unknownName("Unknown backend", "zzzzzz", ["cpu"]), 'Unknown backend "zzzzzz": Valid: cpu.');
});
