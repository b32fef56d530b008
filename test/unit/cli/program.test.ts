import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { elevatectl } from '../../../agent/cli/ctl-commands.js';
import { elevate } from '../../../agent/cli/elevate-commands.js';
import { findCommand, runProgram, type Output } from '../../../agent/cli/program.js';

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('findCommand', () => {
  it('skips global flags before the command and matches two-word commands', () => {
    expect(findCommand(elevatectl, ['--socket', '/s', '--json', 'grant', 'sam'])).toEqual({
      name: 'grant',
      rest: ['--socket', '/s', '--json', 'sam'],
    });
    expect(findCommand(elevatectl, ['policy', 'check', 'p.json'])).toEqual({
      name: 'policy check',
      rest: ['p.json'],
    });
    expect(findCommand(elevatectl, ['--json'])).toBeNull();
  });
});

describe('runProgram without an agent', () => {
  it('exits 2 with a reason and a hint for an unknown command, flag or bad duration', async () => {
    const io = capture();
    expect(await runProgram(elevatectl, ['frobnicate'], io)).toBe(2);
    expect(io.stderr).toEqual([
      'elevatectl: unknown command "frobnicate".',
      "Run 'elevatectl --help' for usage.",
    ]);

    const io2 = capture();
    expect(await runProgram(elevatectl, ['grant', 'sam', '--for', '10 minutes'], io2)).toBe(2);
    expect(io2.stderr[0]).toMatch(/^elevatectl: "10 minutes" is not a duration/);
    expect(io2.stderr[1]).toBe("Run 'elevatectl grant --help' for usage.");

    const io3 = capture();
    expect(await runProgram(elevate, ['request', '10m', '--reson', 'x'], io3)).toBe(2);
    expect(io3.stderr[0]).toBe('elevate: unknown flag --reson for request.');

    const io4 = capture();
    expect(await runProgram(elevatectl, ['policy'], io4)).toBe(2);
    expect(io4.stderr[0]).toBe('elevatectl: policy needs a subcommand (check).');

    const io5 = capture();
    expect(await runProgram(elevatectl, [], io5)).toBe(2);
  });

  it('prints help per command and for the program, exit 0', async () => {
    const io = capture();
    expect(await runProgram(elevatectl, ['grant', '--help'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^Usage: elevatectl grant USER --for DURATION/);
    const io2 = capture();
    expect(await runProgram(elevate, ['--help'], io2)).toBe(0);
    expect(io2.stdout[0]).toContain('watch');
    expect(io2.stdout[0]).toContain(
      'Exit codes: 0 ok, 1 error, 2 usage, 3 not authorised, 4 conflict.',
    );
  });

  it('exits 1 with the sentence when nothing answers at the socket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'elv-cli-'));
    try {
      const socket = join(dir, 'agent.sock');
      const io = capture();
      expect(await runProgram(elevate, ['status', '--socket', socket], io)).toBe(1);
      expect(io.stderr).toEqual([
        `elevate: The Elevate agent is not running (nothing answers at ${socket}).`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
