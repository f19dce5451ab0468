import { assert } from "../../lib/std.ts";
import { createRng } from "../../lib/rng.ts";
import { fitPcaColour } from "../../lib/augment/colour.ts";
import type { Dataset } from "../../lib/data/dataset.ts";
import { ksCritical, ksUniform, measureCropSampler, measurePcaFit } from "./fit_checks.ts";

const claimed = { zoom: [0.9, 1.15] as [number, number], pad: 2 };

Deno.test("the crop sampler follows the claimed distribution; a no-op sampler does not", () => {
  const ok = measureCropSampler(createRng(1), 2000, 28, claimed, claimed);
  const crit = ksCritical(2000, 0.001);
  assert(ok.zoomKs < crit && ok.shiftKs < crit && ok.outsideClaimed === 0, JSON.stringify(ok));
  const noop = measureCropSampler(createRng(1), 2000, 28, { zoom: [1, 1], pad: 0 }, claimed);
  assert(noop.zoomKs > 0.4 && noop.shiftKs > 0.4, JSON.stringify(noop));
  const linearish = measureCropSampler(createRng(1), 2000, 28, { zoom: [0.9, 1.15], pad: 4 }, claimed);
  assert(linearish.outsideClaimed > 0);
  assert(Math.abs(ksUniform([0.25, 0.75]) - 0.25) < 1e-12);
});

Deno.test("the PCA fit is checked against the training pixels' covariance", () => {
  const rng = createRng(3);
  const count = 50, px = 16;
  const images = new Float32Array(count * px * 3);
  for (let i = 0; i < images.length; i += 3) {
    const v = rng.next();
    images[i] = v;
    images[i + 1] = 0.5 * v + 0.2 * rng.next();
    images[i + 2] = rng.next() * 0.3;
  }
  const ds = { name: "t", source: "t", count, width: 4, height: 4, channels: 3, images } as unknown as Dataset;
  const good = measurePcaFit(ds, fitPcaColour(ds));
  assert(good.reconstruction < 1e-9 && good.residual < 1e-9, JSON.stringify(good));
  // A fit on the same numbers read in another layout (planar) is consistent with itself, not with the data.
  const planar = new Float32Array(images.length);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < px; p++) {
      for (let c = 0; c < 3; c++) planar[(i * px + p) * 3 + c] = images[i * px * 3 + c * px + p];
    }
  }
  const junk = measurePcaFit(ds, fitPcaColour({ ...ds, images: planar }));
  assert(junk.reconstruction > 0.05, JSON.stringify(junk));
});
