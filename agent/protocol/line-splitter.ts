import { MAX_LINE_BYTES } from './schemas.js';

/**
 * Splits a byte stream into `\n`-terminated lines without ever holding more than
 * MAX_LINE_BYTES of an unfinished line: a longer line is reported once as oversized.
 */
export class LineSplitter {
  private chunks: Buffer[] = [];
  private pending = 0;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOversized: () => void,
    private readonly maxBytes = MAX_LINE_BYTES,
  ) {}

  push(data: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = data.indexOf(0x0a, start);
      if (nl === -1) break;
      const piece = data.subarray(start, nl);
      if (this.pending + piece.length > this.maxBytes) return this.onOversized();
      this.chunks.push(piece);
      const line = Buffer.concat(this.chunks).toString('utf8');
      this.chunks = [];
      this.pending = 0;
      start = nl + 1;
      this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
    const rest = data.subarray(start);
    if (rest.length === 0) return;
    if (this.pending + rest.length > this.maxBytes) return this.onOversized();
    this.chunks.push(Buffer.from(rest));
    this.pending += rest.length;
  }
}
