/** Claims, shard 2 of tests/claim_steps.ts (run side by side by deno test --parallel). */
import { claimTests } from "./claim_steps.ts";

await claimTests(2);
