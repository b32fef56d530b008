import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(await runProgram(elevatectl, ['grant', 'sam', '--for', '10'], io2)).toBe(2);
    expect(io2.stderr[0]).toBe(
      'elevatectl: "10" has no unit: write 10m for 10 minutes, 10h for hours or 10s for seconds.',
    );
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
        `elevate: The Elevate agent is not running: nothing is at ${socket}. Start it (e.g. 'sudo systemctl start elevate-agent'), or give the agent's socket with --socket PATH or ELEVATE_SOCKET (the agent prints 'elevate-agent listening on PATH' when it starts; a service's unit file names it after --socket).`,
      ]);
      // A path that is not a socket at all (a typo pointing at the state file, say).
      const file = join(dir, 'state.json');
      writeFileSync(file, '{}');
      const io2 = capture();
      expect(await runProgram(elevatectl, ['status', '--socket', file], io2)).toBe(1);
      expect(io2.stderr[0]).toMatch(
        new RegExp(
          `^elevatectl: (${file} is not the Elevate agent's socket|Nothing answers at ${file})`,
        ),
      );
      expect(io2.stderr[0]).toContain('--socket PATH or ELEVATE_SOCKET');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the version from every command and subcommand', async () => {
    const version = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8'),
    ).version;
    for (const [program, argv] of [
      [elevate, ['--version']],
      [elevate, ['request', '--version']],
      [elevatectl, ['policy', 'check', '--version']],
      [elevatectl, ['code', 'approve', '--version']],
    ] as const) {
      const io = capture();
      expect(await runProgram(program, [...argv], io)).toBe(0);
      expect(io.stdout).toEqual([`${program.name} ${version}`]);
    }
  });

  it('prints help for a command group too', async () => {
    const io = capture();
    expect(await runProgram(elevatectl, ['code', '--help'], io)).toBe(0);
    expect(io.stdout[0]).toContain('code approve');
    expect(io.stdout[0]).toContain('code device-key');
  });

  it('says how to list request IDs when approve is given a user name', async () => {
    const { decisionRefusal } = await import('../../../agent/cli/next-step.js');
    const { RpcError, ErrorCode } = await import('../../../agent/protocol/errors.js');
    const err = decisionRefusal(
      new RpcError(ErrorCode.NotFound, 'There is no pending request with that id.'),
      'sam',
      'elevatectl',
    ) as Error;
    expect(err.message).toBe(
      `"sam" is not a request ID (approve and deny take the ID, not a user name). List the waiting requests and their IDs with 'elevatectl requests'.`,
    );
  });
});
