/** `--jobs` splits a long experiment's seeds over the workers; the combined result is a serial run's. */
import { assert, assertEquals } from "../lib/std.ts";
import { main } from "../lib/cli.ts";
import { loadBlas } from "../lib/backends/blas_ffi.ts";

const quiet = { out: () => {}, err: () => {} };

Deno.test({
  name: "--jobs 2 splits a long experiment's seeds over the workers and gives a serial run's result",
  ignore: typeof loadBlas() === "string",
  async fn() {
    const dir = await Deno.makeTempDir();
    const common = ["--backend", "cpu-blas", "--fresh", "--baseline", "none", "--cache", `${dir}/cache`, "--quiet"];
    // the registry's own experiments only run in workers; "optimizers" is quick, here with 3 seeds
    common.push("--seeds", "3");
    // exit 1 (a claim that 3 seeds cannot show) is a result like any other: both runs must agree
    const serial = await main([...common, "--jobs", "1", "--out", `${dir}/serial`, "optimizers"], quiet);
    assert(serial === 0 || serial === 1, `exit ${serial}`);
    const earlier = JSON.parse(Deno.readTextFileSync(`${dir}/serial/optimizers.json`));
    // an earlier result that makes optimizers longer than half a worker's fair share: it is split
    Deno.mkdirSync(`${dir}/par`);
    earlier.provenance.durationMs = 10 ** 6;
    Deno.writeTextFileSync(`${dir}/par/optimizers.json`, JSON.stringify(earlier));
    const lines: string[] = [];
    const io = { out: () => {}, err: (l: string) => void lines.push(l) };
    assertEquals(
      await main([...common.filter((f) => f !== "--quiet"), "--jobs", "2", "--out", `${dir}/par`, "optimizers"], io),
      serial,
    );
    const [a, b] = [`${dir}/serial`, `${dir}/par`].map((d) =>
      JSON.parse(Deno.readTextFileSync(`${d}/optimizers.json`))
    );
    assertEquals({ ...b, provenance: undefined }, { ...a, provenance: undefined });
    assertEquals(b.provenance.seedMs.length, 3);
    assert(lines.some((l) => /2 worker processes/.test(l)), lines.join("\n"));
    assert(lines.includes("  optimizers: seeds run in parallel (seed 1, seed 2, seed 3)"), lines.join("\n"));
    assert(![...Deno.readDirSync(`${dir}/par`)].some((e) => e.name === ".parts"), "the parts are removed");
    await Deno.remove(dir, { recursive: true });
  },
});
