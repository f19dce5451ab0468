import { assert } from "../std.ts";
import { tuneMalloc } from "./malloc_tuning.ts";

Deno.test({
  name: "malloc tuning takes effect on Linux with glibc, once per process",
  ignore: Deno.build.os !== "linux" || Deno.build.env !== "gnu",
  fn() {
    assert(tuneMalloc(), "mallopt refused the settings");
    assert(tuneMalloc(), "a second call reports the settings as applied");
  },
});
