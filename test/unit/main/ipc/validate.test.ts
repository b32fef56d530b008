import { describe, expect, it } from 'vitest';
import {
  InvalidIpcArgumentError,
  IPC_CHANNELS,
  isIpcChannel,
  validateIpcArgument,
} from '../../../../main/ipc/validate.js';

describe('validateIpcArgument', () => {
  it('covers every channel of the contract', () => {
    expect(IPC_CHANNELS.sort()).toEqual([
      'elevate:cancel-request',
      'elevate:enter-approval-code',
      'elevate:fit-content',
      'elevate:get-history',
      'elevate:get-state',
      'elevate:hide-popover',
      'elevate:log',
      'elevate:log-out-now',
      'elevate:request-elevation',
      'elevate:request-more-time',
      'elevate:set-open-at-login',
      'elevate:stop-now',
    ]);
    expect(isIpcChannel('elevate:stop-now')).toBe(true);
    expect(isIpcChannel('toString')).toBe(false);
  });

  it('passes valid arguments through unchanged', () => {
    const input = { level: 'admin', durationSec: 600, reason: 'install BBEdit' };
    expect(validateIpcArgument('elevate:request-elevation', input)).toEqual(input);
    expect(validateIpcArgument('elevate:get-history', 20)).toBe(20);
    expect(validateIpcArgument('elevate:stop-now', undefined)).toBeUndefined();
    expect(validateIpcArgument('elevate:fit-content', { height: 412 })).toEqual({ height: 412 });
    const report = { kind: 'render', message: 'TypeError: x', stack: 'at App' };
    expect(validateIpcArgument('elevate:log', report)).toEqual(report);
  });

  it('bounds what the popover may write to the log', () => {
    const log = (arg: unknown) => () => validateIpcArgument('elevate:log', arg);
    expect(log({ kind: 'error', message: 'x'.repeat(2000) })).not.toThrow();
    expect(log({ kind: 'error', message: 'x'.repeat(2001) })).toThrow(/elevate:log: message/);
    expect(log({ kind: 'error', message: 'x', stack: 'y'.repeat(8001) })).toThrow(/stack/);
    expect(log({ kind: 'info', message: 'x' })).toThrow(/kind/);
    expect(log({ kind: 'error', message: 'x', level: 'warn' })).toThrow(InvalidIpcArgumentError);
    expect(log('a plain string')).toThrow(InvalidIpcArgumentError);
  });

  it('refuses bad arguments with a sentence naming the field', () => {
    const bad: Array<[Parameters<typeof validateIpcArgument>[0], unknown, RegExp]> = [
      ['elevate:request-elevation', { level: 'root', durationSec: 600, reason: '' }, /level/],
      ['elevate:request-elevation', { level: 'admin', durationSec: -1, reason: '' }, /durationSec/],
      ['elevate:request-more-time', { durationSec: 600, reason: 'x'.repeat(1001) }, /reason/],
      ['elevate:request-more-time', { durationSec: 600, reason: 'ok', extra: 1 }, /invalid value/],
      ['elevate:get-history', 10_000, /get-history/],
      ['elevate:fit-content', { height: -5 }, /height/],
      ['elevate:fit-content', { height: 1e9 }, /height/],
      ['elevate:fit-content', { height: 400.5 }, /height/],
      ['elevate:fit-content', { height: 400, width: 9000 }, /invalid value/],
      ['elevate:fit-content', 400, /fit-content/],
      ['elevate:cancel-request', '', /cancel-request/],
      ['elevate:enter-approval-code', 'X'.repeat(65), /enter-approval-code/],
      ['elevate:set-open-at-login', 'yes', /set-open-at-login/],
      ['elevate:stop-now', { sneaky: true }, /stop-now/],
    ];
    for (const [channel, arg, message] of bad) {
      expect(() => validateIpcArgument(channel, arg)).toThrow(InvalidIpcArgumentError);
      expect(() => validateIpcArgument(channel, arg)).toThrow(message);
    }
  });
});
