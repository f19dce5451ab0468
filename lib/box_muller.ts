/**
 * The Box-Muller transform behind {@link import("./rng.ts").Rng.normals}, for large draws spread
 * over worker threads. The generator's 32-bit draws are made in order on the calling thread (they
 * are cheap); the logarithms, square roots, sines and cosines (about 90% of the time) are computed
 * in blocks that the calling thread and the workers claim from a shared counter. Every block runs
 * the same function on the same draws, so the numbers are the same whichever thread computes them,
 * and the same as with no workers. The calling thread blocks until all blocks are done (the API
 * stays synchronous); workers live for one call.
 * @module
 */

/** Pairs below which no worker is started (starting one costs about 10–20 ms). */
export const PARALLEL_MIN_PAIRS = 1 << 21;
const BLOCK_PAIRS = 1 << 16;
/** After this long waiting for a worker's block, the calling thread computes it itself. */
const STALL_MS = 20_000;

/**
 * out[offset + 2p], out[offset + 2p + 1] = std · (r cos θ, r sin θ) for pairs p in [from, to), with
 * u = raw[2p] / 2^32 (never 0), v = raw[2p + 1] / 2^32, r = sqrt(−2 ln u), θ = 2π v: exactly the
 * operations of the generator's `normal()`. Also the worker's code (sent as its source text).
 */
export function boxMullerBlock(
  raw: Uint32Array,
  out: Float32Array,
  from: number,
  to: number,
  offset: number,
  std: number,
): void {
  for (let p = from; p < to; p++) {
    const u = raw[2 * p] / 4294967296, v = raw[2 * p + 1] / 4294967296;
    const r = Math.sqrt(-2 * Math.log(u)), th = 2 * Math.PI * v;
    out[offset + 2 * p] = std * (r * Math.cos(th));
    out[offset + 2 * p + 1] = std * (r * Math.sin(th));
  }
}

/**
 * Claims blocks from `state[0]` until none is left, computes each into `out` (from `offset`), marks
 * it done by `mark` in `done` and counts it in `state[1]`.
 */
function claimBlocks(
  raw: Uint32Array,
  out: Float32Array,
  offset: number,
  state: Int32Array,
  done: Int32Array,
  mark: number,
  pairs: number,
  std: number,
): void {
  const blocks = done.length;
  for (let b = Atomics.add(state, 0, 1); b < blocks; b = Atomics.add(state, 0, 1)) {
    const from = b * BLOCK_PAIRS;
    boxMullerBlock(raw, out, from, Math.min(pairs, from + BLOCK_PAIRS), offset, std);
    Atomics.store(done, b, mark);
    Atomics.add(state, 1, 1);
    Atomics.notify(state, 1);
  }
}

const workerSource = () =>
  `const BLOCK_PAIRS = ${BLOCK_PAIRS};\n${boxMullerBlock.toString()}\n${claimBlocks.toString()}\n` +
  `self.onmessage = (e) => { const m = e.data; ` +
  `claimBlocks(new Uint32Array(m.raw), new Float32Array(m.out), 0, new Int32Array(m.state), new Int32Array(m.done), 2, ` +
  `m.pairs, m.std); };`;

let sourceUrl: string | undefined;

/** The most worker threads one call starts (0: none; the tests and benchmarks set it). */
export const boxMullerTuning = { maxWorkers: 3 };

/** How many workers to start: one per other core, at most `maxWorkers`; none where workers are unavailable. */
function workerCount(): number {
  if (typeof Worker === "undefined" || typeof SharedArrayBuffer === "undefined") return 0;
  const cores = typeof navigator !== "undefined" ? navigator.hardwareConcurrency ?? 1 : 1;
  return Math.max(0, Math.min(boxMullerTuning.maxWorkers, cores - 1));
}

function startWorkers(count: number): Worker[] {
  const workers: Worker[] = [];
  try {
    sourceUrl ??= URL.createObjectURL(new Blob([workerSource()], { type: "application/javascript" }));
    for (let i = 0; i < count; i++) workers.push(new Worker(sourceUrl, { type: "module" }));
  } catch {
    // no workers here (permissions, platform): the calling thread does every block
  }
  return workers;
}

/** Waits until `state[1]` reaches `blocks`, at most `ms` milliseconds; returns whether it did. */
function waitAll(state: Int32Array, blocks: number, ms: number): boolean {
  const end = performance.now() + ms;
  for (let seen = Atomics.load(state, 1); seen < blocks; seen = Atomics.load(state, 1)) {
    const left = end - performance.now();
    if (left <= 0) return false;
    try {
      Atomics.wait(state, 1, seen, Math.min(left, 50));
    } catch {
      // Atomics.wait is not allowed on this thread: poll
    }
  }
  return true;
}

/**
 * Fills out[offset … offset + 2·pairs) with Box-Muller normals times `std` from the draws that
 * `draw` writes (2 per pair, see {@link boxMullerBlock}), using worker threads for large counts.
 */
export function boxMuller(
  pairs: number,
  draw: (raw: Uint32Array) => void,
  std: number,
  out: Float32Array,
  offset: number,
): void {
  const count = pairs >= PARALLEL_MIN_PAIRS ? workerCount() : 0;
  const workers = count > 0 ? startWorkers(count) : [];
  if (workers.length === 0) {
    const raw = new Uint32Array(2 * pairs);
    draw(raw);
    boxMullerBlock(raw, out, 0, pairs, offset, std);
    return;
  }
  try {
    const raw = new Uint32Array(new SharedArrayBuffer(8 * pairs));
    draw(raw);
    const result = new Float32Array(new SharedArrayBuffer(8 * pairs));
    const blocks = Math.ceil(pairs / BLOCK_PAIRS);
    const state = new Int32Array(new SharedArrayBuffer(8)), done = new Int32Array(new SharedArrayBuffer(4 * blocks));
    const message = { raw: raw.buffer, out: result.buffer, state: state.buffer, done: done.buffer, pairs, std };
    for (const w of workers) w.postMessage(message);
    // This thread writes its blocks straight into `out` (marked 1); the workers' (marked 2) are copied.
    claimBlocks(raw, out, offset, state, done, 1, pairs, std);
    const finished = waitAll(state, blocks, STALL_MS);
    for (let b = 0; b < blocks; b++) {
      const from = b * BLOCK_PAIRS, to = Math.min(pairs, from + BLOCK_PAIRS);
      const mark = Atomics.load(done, b);
      if (mark === 2) out.set(result.subarray(2 * from, 2 * to), offset + 2 * from);
      else if (mark === 0 && !finished) boxMullerBlock(raw, out, from, to, offset, std); // a worker stalled
    }
  } finally {
    for (const w of workers) w.terminate();
  }
}
