import { describe, it, expect } from 'vitest';
import {
  choiceFlag,
  parseArgs,
  positiveIntFlag,
  type CommandSpec,
} from '../../../agent/cli/args.js';
import { UsageError } from '../../../agent/cli/usage-error.js';

const grant: CommandSpec = {
  name: 'grant',
  positionals: ['USER'],
  flags: {
    level: { type: 'string' },
    for: { type: 'string', value: 'DURATION' },
    follow: { type: 'boolean', short: 'f' },
  },
};

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as UsageError).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseArgs', () => {
  it('reads positionals, --flag value, --flag=value, short and global flags in any order', () => {
    const a = parseArgs(grant, [
      '--for=10m',
      'sam',
      '--level',
      'admin',
      '-f',
      '--json',
      '--socket',
      '/tmp/s',
    ]);
    expect(a.positionals).toEqual(['sam']);
    expect(a.flags).toEqual({
      for: '10m',
      level: 'admin',
      follow: true,
      json: true,
      socket: '/tmp/s',
    });
  });

  it('treats everything after -- as positionals', () => {
    expect(parseArgs(grant, ['--', '--odd-name']).positionals).toEqual(['--odd-name']);
  });

  it('refuses an unknown flag, naming it and the command', () => {
    expect(usageMessage(() => parseArgs(grant, ['sam', '--lvl', 'admin']))).toBe(
      'unknown flag --lvl for grant.',
    );
    expect(usageMessage(() => parseArgs(grant, ['sam', '-x']))).toBe('unknown flag -x for grant.');
  });

  it('refuses a missing value, a repeated flag, a value on a boolean flag', () => {
    expect(usageMessage(() => parseArgs(grant, ['sam', '--for']))).toBe(
      '--for needs a value (DURATION).',
    );
    expect(usageMessage(() => parseArgs(grant, ['sam', '--for', '--json']))).toBe(
      '--for needs a value (DURATION).',
    );
    expect(usageMessage(() => parseArgs(grant, ['sam', '--for', '1m', '--for', '2m']))).toBe(
      '--for is given more than once.',
    );
    expect(usageMessage(() => parseArgs(grant, ['sam', '--json=yes']))).toBe(
      '--json takes no value.',
    );
  });

  it('refuses a missing or surplus positional', () => {
    expect(usageMessage(() => parseArgs(grant, []))).toBe('grant needs USER.');
    expect(usageMessage(() => parseArgs(grant, ['sam', 'alex']))).toBe(
      'grant does not take "alex".',
    );
  });

  it('lets --help through without the required positionals', () => {
    expect(parseArgs(grant, ['--help']).flags.help).toBe(true);
    expect(parseArgs(grant, ['-h']).flags.help).toBe(true);
  });
});

describe('typed flags', () => {
  it('checks choices and whole numbers', () => {
    const a = parseArgs(
      {
        name: 'audit',
        positionals: [],
        flags: { level: { type: 'string' }, limit: { type: 'string' } },
      },
      ['--level', 'root', '--limit', '0'],
    );
    expect(usageMessage(() => choiceFlag(a, 'level', ['admin', 'passwordless'], 'audit'))).toBe(
      '--level must be admin or passwordless, not "root".',
    );
    expect(usageMessage(() => positiveIntFlag(a, 'limit', 'audit', 200))).toBe(
      '--limit must be a whole number from 1 to 200, not "0".',
    );
    const b = parseArgs({ name: 'audit', positionals: [], flags: { limit: { type: 'string' } } }, [
      '--limit',
      '25',
    ]);
    expect(positiveIntFlag(b, 'limit', 'audit', 200)).toBe(25);
  });
});
