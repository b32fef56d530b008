import { describe, expect, it } from 'vitest';
import { errorReport, reportErrorsTo } from '../../../../renderer/src/logic/error-report.js';
import type { RendererErrorReport } from '../../../../preload/api.js';

describe('errorReport', () => {
  it('keeps an Error’s name, message and stack', () => {
    const err = new TypeError('x is undefined');
    const report = errorReport('error', err);
    expect(report).toEqual({
      kind: 'error',
      message: 'TypeError: x is undefined',
      stack: err.stack,
    });
  });

  it('adds React’s component stack under the error’s own', () => {
    const err = new Error('bad');
    err.stack = 'Error: bad\n    at Countdown';
    expect(errorReport('render', err, '\n    at Countdown\n    at App').stack).toBe(
      'Error: bad\n    at Countdown\n\n    at Countdown\n    at App',
    );
  });

  it('describes thrown non-errors', () => {
    expect(errorReport('unhandledrejection', 'nope')).toEqual({
      kind: 'unhandledrejection',
      message: 'nope',
    });
    expect(errorReport('unhandledrejection', { code: 7 }).message).toBe(
      'Non-error value: {"code":7}',
    );
    expect(errorReport('unhandledrejection', undefined).message).toBe('Non-error value: undefined');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(errorReport('error', loop).message).toBe('Non-error value: [object Object]');
  });

  it('cuts long texts to what main accepts instead of losing the report', () => {
    const err = new Error('m'.repeat(5000));
    err.stack = 's'.repeat(20_000);
    const report = errorReport('error', err);
    expect(report.message).toHaveLength(2000);
    expect(report.stack).toHaveLength(8000);
    expect(report.message.endsWith('…')).toBe(true);
  });
});

describe('reportErrorsTo', () => {
  it('sends uncaught errors and unhandled rejections, and survives a failed send', async () => {
    const target = new EventTarget();
    const sent: RendererErrorReport[] = [];
    reportErrorsTo(target as unknown as Window, async (r) => {
      sent.push(r);
      throw new Error('main is gone');
    });
    const error = Object.assign(new Event('error'), { error: new RangeError('too far') });
    target.dispatchEvent(error);
    const rejection = Object.assign(new Event('unhandledrejection'), { reason: 'no answer' });
    target.dispatchEvent(rejection);
    const bare = Object.assign(new Event('error'), { message: 'Script error.' });
    target.dispatchEvent(bare);
    await Promise.resolve();
    expect(sent.map((r) => [r.kind, r.message])).toEqual([
      ['error', 'RangeError: too far'],
      ['unhandledrejection', 'no answer'],
      ['error', 'Script error.'],
    ]);
  });
});
