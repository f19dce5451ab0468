import { assert, assertMatch, assertRejects, assertThrows } from "./std.ts";
import { assertBackendName, BackendUnavailable, initBackend } from "./backend.ts";
import { UsageError } from "./params.ts";

Deno.test("an unknown backend name is a usage error listing the choices", () => {
  assertThrows(() => assertBackendName("gpu"), UsageError, "Valid: auto, tensorflow-gpu");
});

Deno.test("a backend named explicitly that cannot start is an error with the fix, never a fallback", async () => {
  const e = await assertRejects(() => initBackend("tensorflow-gpu"), BackendUnavailable);
  assertMatch(
    (e as Error).message,
    /Backend "tensorflow-gpu" cannot start: .*(deno install --allow-scripts|failed to load)/,
  );
});

Deno.test("auto starts a backend and records why each better one was refused", async () => {
  const info = await initBackend("auto");
  assert(info.name.length > 0 && info.device.length > 0);
  for (const r of info.refused) assert(r.reason.length > 0, `no reason for ${r.name}`);
  assert(info.refused.some((r) => r.name === "tensorflow-gpu"));
  await assertRejects(
    () => initBackend(info.name === "cpu" ? "wasm" : "cpu"),
    Error,
    "one process runs on one backend",
  );
});
