import { assertEquals, assertThrows } from "./std.ts";
import { parseSetFlags, resolveParams, UsageError } from "./params.ts";

const specs = {
  width: { ci: 64, full: 4096, min: 8, max: 8192, integer: true, doc: "Units." },
  lr: { ci: 0.1, full: 0.01, min: 0, doc: "Learning rate." },
  act: { ci: "tanh", full: "tanh", choices: ["tanh", "relu"], doc: "Activation." },
  flag: { ci: false, full: true, doc: "A flag." },
  dins: { ci: [1, 2], full: [1, 2, 3], min: 1, integer: true, doc: "List." },
};

Deno.test("profiles give their values and overrides are parsed by type", () => {
  assertEquals(resolveParams("x", specs, "full"), { width: 4096, lr: 0.01, act: "tanh", flag: true, dins: [1, 2, 3] });
  assertEquals(resolveParams("x", specs, "ci", { width: "128", lr: "1e-3", act: "relu", flag: "true", dins: "4,5" }), {
    width: 128,
    lr: 0.001,
    act: "relu",
    flag: true,
    dins: [4, 5],
  });
});

Deno.test("bad values name the parameter, the value and what is allowed", () => {
  assertThrows(
    () => resolveParams("x", specs, "ci", { width: "abc" }),
    UsageError,
    'Parameter "x.width" expects integer in [8, 8192], got "abc"',
  );
  assertThrows(() => resolveParams("x", specs, "ci", { width: "4" }), UsageError, "out of range");
  assertThrows(() => resolveParams("x", specs, "ci", { width: "10.5" }), UsageError, "integer");
  assertThrows(() => resolveParams("x", specs, "ci", { act: "gelu" }), UsageError, "tanh | relu");
  assertThrows(() => resolveParams("x", specs, "ci", { flag: "yes" }), UsageError, "true or false");
  assertThrows(() => resolveParams("x", specs, "ci", { widht: "5" }), UsageError, 'did you mean "x.width"');
  assertThrows(() => resolveParams("x", specs, "ci", { dins: "1,,2" }), UsageError);
});

Deno.test("--set flags are split by experiment and checked", () => {
  assertEquals(parseSetFlags(["init.width=2048", "init.lr=0.1", "opt.rho=0.9"], ["init", "opt"]), {
    init: { width: "2048", lr: "0.1" },
    opt: { rho: "0.9" },
  });
  assertThrows(() => parseSetFlags(["inti.width=1"], ["init"]), UsageError, 'did you mean "init"');
  assertThrows(() => parseSetFlags(["width=1"], ["init"]), UsageError, "Malformed");
});
