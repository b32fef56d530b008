/**
 * revokeAt "logout" with real login sessions: `login -f USER` on a pseudo-terminal writes its
 * record to a private /run/utmp (a tmpfs in a mount namespace; no logind there), and the
 * agent ends the rights once the person's last session is gone.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import type { AgentHandle } from '../../helpers/agent-process.js';
import { bindEtc } from '../../helpers/namespace-holder.js';
import { run } from '../../helpers/os-users.js';
import { agentRevokingAt, anyTriggerMark, grantOf as grantOfShared } from './revoke-fixture.js';

const canRun =
  process.getuid?.() === 0 && existsSync('/bin/login') && existsSync('/usr/bin/script');

let user: string;
let nsArg: string;
let agent: AgentHandle;
let client: AgentClient;

agentRevokingAt('logout', {
  canRun,
  userPrefix: 'elvlo',
  use: (world) => ({ user, nsArg, agent, client } = world),
  setup: (_user, dir) =>
    [
      bindEtc(`${dir}/etc`),
      'mount -t tmpfs tmpfs /run',
      'install -m 664 /dev/null /run/utmp',
      'echo ready',
      'exec sleep infinity',
    ].join(' && '),
});

/** A real login session (login -f, as root) on a pseudo-terminal; `end` logs out. */
function logIn(): { end: () => void; closed: Promise<void> } {
  const p = spawn('nsenter', [nsArg, '--', 'script', '-qfec', `login -f ${user}`, '/dev/null'], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  return {
    end: () => p.stdin!.write('exit\n'),
    closed: new Promise((r) => p.once('close', () => r())),
  };
}

function sessionsSeen(): boolean {
  return anyTriggerMark<{ seenSession: boolean }>(agent, (m) => m.seenSession);
}

const grantOf = () => grantOfShared(client, user);

describe.skipIf(!canRun)('revokeAt logout', () => {
  it('ends the rights when the last of two login sessions ends, not before', async () => {
    await client.call('admin.grant', { user, level: 'admin', durationSec: 600 });
    const first = logIn();
    const second = logIn();
    await expect.poll(sessionsSeen, { timeout: 15_000, interval: 200 }).toBe(true);
    const utmp = await run('nsenter', [nsArg, '--', 'utmpdump', '/run/utmp']);
    expect(
      utmp.stdout.split('\n').filter((l) => l.startsWith('[7]') && l.includes(user)),
    ).toHaveLength(2);

    first.end();
    await first.closed;
    await new Promise((r) => setTimeout(r, 4500)); // two polls with one session left
    expect(await grantOf()).not.toBeNull();

    second.end();
    await second.closed;
    await expect.poll(grantOf, { timeout: 15_000, interval: 200 }).toBeNull();
    const { events } = await client.call('admin.audit', { user, limit: 20 });
    expect(events.find((e: AuditEvent) => e.type === 'privilege.revoked')).toMatchObject({
      actor: 'agent',
      reason: 'The person logged out (policy revokeAt: logout).',
    });
  }, 90_000);
});
