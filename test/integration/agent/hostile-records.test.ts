/**
 * Records against a hostile local user (docs/threat-model.md): what users type reaches an
 * admin's terminal as text, never as terminal commands, and no huge event (an old agent's
 * megabyte command line) makes the trail unreadable. The admin's side is the real elevatectl.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { createUser, deleteUser, runClientAs } from '../../helpers/os-users.js';
import { ELEVATECTL, run } from '../cli/cli-harness.js';

/** What a terminal would act on, or that would reorder what the admin reads. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('records a hostile user cannot abuse', () => {
  let mallory: string;
  const agents: AgentHandle[] = [];

  beforeAll(() => {
    mallory = createUser('mal');
  });

  afterAll(async () => {
    for (const a of agents) {
      await a.stop();
      a.cleanup();
    }
    deleteUser(mallory);
  });

  it("shows a reason full of terminal controls to the admin as visible text, not as the terminal's commands", async () => {
    const agent = await startAgentProcess({
      policy: {
        version: 1,
        defaults: { selfServe: false, approvalRequired: true, requireReason: true },
      },
    });
    agents.push(agent);
    // OSC title change, C1 CSI (U+009B) colour, a bidi override that reverses what follows.
    const reason = 'install \u001b]0;owned\u0007 tools \u009b2J now \u202egnp.exe \u2066x\u2069';
    const out = await runClientAs(
      mallory,
      agent.dir,
      agent.socket,
      `return (await client.call('request.create', { kind: 'elevate', level: 'admin', durationSec: 600, reason: args.reason })).request.state;`,
      { args: { reason } },
    );
    expect(out.result).toBe('pending');
    for (const args of [
      ['audit'],
      ['requests'],
      ['status', mallory],
      ['audit', '--json'],
      ['requests', '--json'],
    ]) {
      const r = await run(ELEVATECTL, ['--socket', agent.socket, ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(RAW_CONTROLS);
      expect(r.stdout, args.join(' ')).toContain('\\u001b]0;owned\\u0007');
      // Tables cut long reasons; the rest is there in full.
      if (args[0] === 'audit' || args.includes('--json')) {
        expect(r.stdout, args.join(' ')).toContain('\\u009b2J');
        expect(r.stdout, args.join(' ')).toContain('\\u202egnp.exe');
      }
    }
    // The JSON output still says exactly what was typed.
    const json = await run(ELEVATECTL, ['--socket', agent.socket, 'requests', '--json']);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain(JSON.stringify(reason).slice(1, -1));
  });

  it('keeps `elevatectl audit` working over a trail with a 17 MB line and more than one page', async () => {
    const dir = makeTempDir();
    mkdirSync(join(dir, 'state'), { recursive: true, mode: 0o711 });
    const at = (i: number): string => new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString();
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      lines.push(
        JSON.stringify({
          id: `e_seed${i}`,
          at: at(i),
          type: 'request.cancelled',
          user: mallory,
          actor: mallory,
          reason: 'x'.repeat(200),
        }),
      );
    }
    // What an agent that stored whole command lines could leave behind.
    lines.push(
      JSON.stringify({
        id: 'e_huge',
        at: at(20_000),
        type: 'privilege.used',
        user: mallory,
        grantId: 'g_old',
        actor: mallory,
        detail: { command: `/usr/bin/echo ${'A'.repeat(17 * 1024 * 1024)}` },
      }),
    );
    writeFileSync(join(dir, 'state', 'audit.jsonl'), lines.join('\n') + '\n', { mode: 0o600 });
    const agent = await startAgentProcess({ dir });
    agents.push(agent);

    const r = await run(ELEVATECTL, ['--socket', agent.socket, 'audit', '--limit', '10000']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('privilege.used');
    expect(r.stdout).toMatch(/Older events were left out; see them with --before e_seed\d+\./);
    const json = await run(ELEVATECTL, [
      '--socket',
      agent.socket,
      'audit',
      '--json',
      '--limit',
      '10000',
    ]);
    const first = JSON.parse(json.stdout) as {
      events: { id: string; detail?: { command?: string } }[];
      next?: string;
    };
    const huge = first.events.find((e) => e.id === 'e_huge');
    expect(huge?.detail?.command?.length).toBeLessThan(5000);
    expect(huge?.detail?.command).toMatch(/more characters\)$/);
    expect(first.next).toBeDefined();
    // The next page goes on exactly where the first stopped.
    const second = await run(ELEVATECTL, [
      '--socket',
      agent.socket,
      'audit',
      '--json',
      '--limit',
      '3',
      '--before',
      first.next!,
    ]);
    const next = JSON.parse(second.stdout) as { events: { id: string }[] };
    const n = Number(first.next!.slice('e_seed'.length));
    expect(next.events.map((e) => e.id)).toEqual([n - 1, n - 2, n - 3].map((i) => `e_seed${i}`));
  });
});
