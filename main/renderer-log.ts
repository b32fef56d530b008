/**
 * The popover's errors in the app's log file (the `elevate:log` channel): one entry per report,
 * with the page's text made harmless for a line-based log, and at most a few per minute so a
 * page stuck in an error loop cannot fill the disk.
 */
import type { RendererErrorReport } from '../preload/api.js';

/** Control characters out (no forged log lines, no terminal escapes); stack lines indented. */
export function formatRendererError(report: RendererErrorReport): string {
  // Each line on its own, control characters (\p{Cc}: tabs, escapes, stray CRs) as spaces.
  const lines = (text: string): string[] =>
    text
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').trim())
      .filter(Boolean);
  const message = lines(report.message).join(' ') || '(no message)';
  const stack = report.stack
    ? lines(report.stack)
        .map((line) => `\n    | ${line}`)
        .join('')
    : '';
  return `popover ${report.kind}: ${message}${stack}`;
}

export class RendererErrorLog {
  private windowStart = -Infinity;
  private inWindow = 0;
  private dropped = 0;

  constructor(
    private readonly write: (line: string) => void,
    private readonly perMinute = 20,
    private readonly now: () => number = Date.now,
  ) {}

  report(report: RendererErrorReport): void {
    const t = this.now();
    if (t - this.windowStart >= 60_000) {
      if (this.dropped > 0) this.write(`popover: ${this.dropped} more errors were not logged`);
      this.windowStart = t;
      this.inWindow = 0;
      this.dropped = 0;
    }
    if (this.inWindow >= this.perMinute) {
      this.dropped += 1;
      return;
    }
    this.inWindow += 1;
    this.write(formatRendererError(report));
  }
}
