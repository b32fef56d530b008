import { describe, expect, it } from 'vitest';
import { formatRendererError, RendererErrorLog } from '../../../main/renderer-log.js';

describe('formatRendererError', () => {
  it('writes the message on one line and the stack indented under it', () => {
    expect(
      formatRendererError({
        kind: 'error',
        message: 'TypeError: x is undefined',
        stack:
          'TypeError: x is undefined\n    at App (index.js:1:2)\n\n    at render (index.js:3:4)',
      }),
    ).toBe(
      'popover error: TypeError: x is undefined' +
        '\n    | TypeError: x is undefined\n    | at App (index.js:1:2)\n    | at render (index.js:3:4)',
    );
  });

  it('cannot forge a log line or send terminal escapes', () => {
    const line = formatRendererError({
      kind: 'unhandledrejection',
      message: 'boom\r\n[2026-11-30 21:00:00.000] [info] (agent) granted root\u001b[2J\u2028x',
    });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).not.toMatch(/[\p{Cc}\u2028]/u);
    expect(line).toBe(
      'popover unhandledrejection: boom [2026-11-30 21:00:00.000] [info] (agent) granted root [2J x',
    );
    expect(formatRendererError({ kind: 'render', message: '\n' })).toBe(
      'popover render: (no message)',
    );
  });
});

describe('RendererErrorLog', () => {
  it('logs at most N reports a minute, then says how many it left out', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new RendererErrorLog(
      (l) => lines.push(l),
      3,
      () => now,
    );
    for (let i = 0; i < 10; i++) log.report({ kind: 'error', message: `e${i}` });
    expect(lines).toEqual(['popover error: e0', 'popover error: e1', 'popover error: e2']);
    now = 60_000;
    log.report({ kind: 'error', message: 'later' });
    expect(lines.slice(3)).toEqual([
      'popover: 7 more errors were not logged',
      'popover error: later',
    ]);
  });
});
