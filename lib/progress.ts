/**
 * Progress on stderr: one redrawn line per experiment while it runs on a terminal, nothing when
 * stderr is not a terminal (CI logs stay clean; the CLI prints a summary line per experiment).
 * @module
 */

/** Receives progress from the runner. */
export interface ProgressSink {
  /** An experiment starts. */
  start(id: string, seeds: number): void;
  /** Progress inside seed `seedIndex` of the running experiment (fraction of that seed done). */
  update(seedIndex: number, fraction: number, label?: string): void;
  /** The experiment is done; clears the line. */
  done(): void;
}

/** A sink that shows nothing. */
export const silentProgress: ProgressSink = { start() {}, update() {}, done() {} };

/** A bar on stderr, redrawn at most every 100 ms; silent when stderr is not a terminal. */
export function terminalProgress(stream = Deno.stderr): ProgressSink {
  if (!stream.isTerminal()) return silentProgress;
  const enc = new TextEncoder();
  let id = "", seeds = 1, last = 0;
  const write = (s: string) => stream.writeSync(enc.encode(s));
  return {
    start(name, n) {
      id = name;
      seeds = n;
      last = 0;
      this.update(0, 0);
    },
    update(seedIndex, fraction, label) {
      const now = performance.now();
      if (now - last < 100 && fraction < 1) return;
      last = now;
      const total = (seedIndex + Math.min(1, Math.max(0, fraction))) / seeds;
      const width = 24, full = Math.round(total * width);
      const bar = "█".repeat(full) + "░".repeat(width - full);
      const text = `  ${id}  ${bar} ${String(Math.round(total * 100)).padStart(3)}%  seed ${seedIndex + 1}/${seeds}${
        label ? `  ${label}` : ""
      }`;
      const cols = (() => {
        try {
          return Deno.consoleSize().columns;
        } catch {
          return 100;
        }
      })();
      write(`\r\x1b[2K${text.slice(0, cols - 1)}`);
    },
    done() {
      write("\r\x1b[2K");
    },
  };
}
