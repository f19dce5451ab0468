/**
 * Paired timing against numpy: a numpy process (numpy_paired.py, running the reference's own models)
 * times a window of steps, then the backend times a window of its own, alternately, so both see the
 * same moments of a busy machine. On shared machines the speed of these memory-bound steps changes
 * in phases of seconds (numpy's MLP step: 1.06 ms in one phase, 1.5 ms in the next, within one
 * process), which one-after-the-other runs turn into ratios off by 1.5×.
 * @module
 */
/** The median (the upper middle value of an even count, as the bench always took). */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One window of each side: step times in ms. */
export interface PairedWindow {
  ours: number[];
  numpy: number[];
}

/** The summary of paired windows: medians over all steps, and the median of the windows' ratios. */
export interface PairedTimes {
  ours_ms: number;
  numpy_ms: number;
  /** median over windows of (our median ÷ numpy's median in the window beside it); > 1 is slower */
  ratio: number;
  windows: number;
}

/** Summarises paired windows; throws on none. */
export function pairedTimes(windows: PairedWindow[]): PairedTimes {
  if (windows.length === 0) throw new Error("pairedTimes: no windows");
  return {
    ours_ms: median(windows.flatMap((w) => w.ours)),
    numpy_ms: median(windows.flatMap((w) => w.numpy)),
    ratio: median(windows.map((w) => median(w.ours) / median(w.numpy))),
    windows: windows.length,
  };
}

/** Which numpy workload a benchmark workload pairs with. */
export type NumpyWorkload = "mlp" | "cnn" | "matmul";

/** The numpy process ended or never answered (numpy missing, or it crashed). */
export class NumpyGone extends Error {}

/** A running numpy_paired.py process. */
export class NumpyPartner {
  #child: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #lines: AsyncIterator<string>;

  private constructor(child: Deno.ChildProcess) {
    this.#child = child;
    this.#writer = child.stdin.getWriter();
    this.#lines = child.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(lineSplitter())[Symbol.asyncIterator]();
  }

  /** Starts numpy on the reference at `referencePath`, or returns why it could not. */
  static start(referencePath: string): NumpyPartner | string {
    const script = new URL("./numpy_paired.py", import.meta.url).pathname;
    try {
      const child = new Deno.Command("python3", {
        args: [script, referencePath],
        stdin: "piped",
        stdout: "piped",
        stderr: "inherit",
      }).spawn();
      return new NumpyPartner(child);
    } catch (e) {
      return `python3 could not start: ${e instanceof Error ? e.message : e}`;
    }
  }

  /** Times `k` numpy steps of `workload`; ms per step. */
  async times(workload: NumpyWorkload, k: number): Promise<number[]> {
    const gone = "the numpy process ended (is numpy installed? see its error above)";
    await this.#writer.write(new TextEncoder().encode(`${workload} ${k}\n`)).catch(() => {
      throw new NumpyGone(gone);
    });
    const line = await this.#lines.next();
    if (line.done) throw new NumpyGone(gone);
    return JSON.parse(line.value) as number[];
  }

  /** Ends the numpy process. */
  async close(): Promise<void> {
    await this.#writer.close().catch(() => {});
    await this.#child.status;
  }
}

function lineSplitter(): TransformStream<string, string> {
  let rest = "";
  return new TransformStream({
    transform(chunk, controller) {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop()!;
      for (const p of parts) if (p.trim()) controller.enqueue(p);
    },
    flush(controller) {
      if (rest.trim()) controller.enqueue(rest);
    },
  });
}
