import { assertRejects, assertThrows } from "./std.ts";
import { AssertionError } from "node:assert";

Deno.test("assertThrows checks the class and the message, and fails otherwise", async () => {
  assertThrows(
    () => {
      throw new RangeError("bad width");
    },
    RangeError,
    "width",
  );
  const miss = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof AssertionError) return;
    }
    throw new Error("expected an AssertionError");
  };
  miss(() => assertThrows(() => {}));
  miss(() =>
    assertThrows(() => {
      throw new RangeError("x");
    }, TypeError)
  );
  miss(() =>
    assertThrows(
      () => {
        throw new RangeError("x");
      },
      RangeError,
      "y",
    )
  );
  await assertRejects(() => Promise.reject(new Error("nope")), Error, "nope");
  await assertRejects(() => assertRejects(() => Promise.resolve()), AssertionError);
});
