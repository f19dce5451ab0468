/** Falsifiers, shard 2 of tests/falsifier_steps.ts (run side by side by deno test --parallel). */
import { falsifierTests } from "./falsifier_steps.ts";

await falsifierTests(2);
