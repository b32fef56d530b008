import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../../agent/protocol/line-splitter.js';

describe('LineSplitter', () => {
  it('joins lines split across chunks and handles several per chunk', () => {
    const lines: string[] = [];
    const s = new LineSplitter(
      (l) => lines.push(l),
      () => lines.push('OVERSIZED'),
    );
    s.push(Buffer.from('{"a":'));
    s.push(Buffer.from('1}\n{"b":2}\r\n{"c"'));
    s.push(Buffer.from(':3}\n'));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('keeps multi-byte characters split across chunks intact', () => {
    const lines: string[] = [];
    const s = new LineSplitter(
      (l) => lines.push(l),
      () => undefined,
    );
    const bytes = Buffer.from('"é✓"\n');
    s.push(bytes.subarray(0, 2));
    s.push(bytes.subarray(2));
    expect(lines).toEqual(['"é✓"']);
  });

  it('reports a line over the limit once, without buffering it all', () => {
    let oversized = 0;
    const s = new LineSplitter(
      () => undefined,
      () => oversized++,
      10,
    );
    s.push(Buffer.from('123456'));
    expect(oversized).toBe(0);
    s.push(Buffer.from('78901'));
    expect(oversized).toBe(1);
  });

  it('accepts a line of exactly the limit', () => {
    const lines: string[] = [];
    const s = new LineSplitter(
      (l) => lines.push(l),
      () => lines.push('OVERSIZED'),
      10,
    );
    s.push(Buffer.from('1234567890\n'));
    expect(lines).toEqual(['1234567890']);
  });
});
