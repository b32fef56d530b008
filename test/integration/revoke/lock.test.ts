/**
 * revokeAt "lock" on Linux without the tray: a real systemd-logind on a private system D-Bus
 * (a mount namespace with its own /run and /etc; the host runs no systemd). systemd is not
 * PID 1 here, so logind cannot create sessions (it asks systemd for each session's scope);
 * it restores them from its own state files in /run/systemd instead, as after a logind
 * restart, and from then on they are real logind sessions. The person's screen locker is
 * played by what GNOME Shell does on lock and unlock: SetLockedHint on their session, called
 * as them. The agent sees it through the real loginctl.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import type { AgentHandle } from '../../helpers/agent-process.js';
import { bindEtc } from '../../helpers/namespace-holder.js';
import { run } from '../../helpers/os-users.js';
import { agentRevokingAt, anyTriggerMark, grantOf as grantOfShared } from './revoke-fixture.js';

const LOGIND = '/lib/systemd/systemd-logind';
const canRun =
  process.getuid?.() === 0 &&
  existsSync(LOGIND) &&
  existsSync('/usr/bin/dbus-daemon') &&
  existsSync('/usr/bin/busctl');
/** The person's graphical session (an id logind gave it before "its restart"). */
const SESSION = '2';
/** Its D-Bus object: ids are escaped in object paths, "2" as "_32" (sd_bus_path_encode). */
const SESSION_PATH = '/org/freedesktop/login1/session/_32';

let user: string;
let nsArg: string;
let agent: AgentHandle;
let client: AgentClient;

agentRevokingAt('lock', {
  canRun,
  userPrefix: 'elvlk',
  use: (world) => ({ user, nsArg, agent, client } = world),
  setup: (user, dir) => {
    const uid = execFileSync('id', ['-u', user]).toString().trim();
    // No VTs and no power keys: this logind must not touch the machine's consoles or power.
    writeFileSync(
      join(dir, 'etc/systemd/logind.conf'),
      '[Login]\nNAutoVTs=0\nReserveVT=0\nKillUserProcesses=no\nHandlePowerKey=ignore\n' +
        'HandleSuspendKey=ignore\nHandleHibernateKey=ignore\nHandleLidSwitch=ignore\n',
    );
    // What logind 252 writes for a GNOME session (session_save(), user_save()); it reads them
    // back at start.
    const session = [
      `UID=${uid}`,
      `USER=${user}`,
      'ACTIVE=1',
      'STATE=active',
      'REMOTE=0',
      'TYPE=wayland',
      'CLASS=user',
      `SCOPE=session-${SESSION}.scope`,
      'DESKTOP=GNOME',
    ].join('\\n');
    const userFile = [`NAME=${user}`, 'STATE=active', `SESSIONS=${SESSION}`].join('\\n');
    // One command a line: with `&&` chains, `&` would put the whole chain in the background and
    // $! would be that subshell's pid, not logind's, which then outlives the test.
    return [
      'set -e',
      bindEtc(`${dir}/etc`),
      'mount -t tmpfs tmpfs /run',
      'mkdir -p /run/dbus /run/systemd/system /run/systemd/sessions /run/systemd/users',
      `printf '${session}\\n' > /run/systemd/sessions/${SESSION}`,
      `printf '${userFile}\\n' > /run/systemd/users/${uid}`,
      'dbus-daemon --system --fork --print-pid',
      `${LOGIND} >/dev/null 2>&1 &`,
      'echo $!',
      `for i in $(seq 100); do loginctl show-session ${SESSION} >/dev/null 2>&1 && break; sleep 0.1; done`,
      'echo ready',
      'exec sleep infinity',
    ].join('\n');
  },
});

/** What the desktop's screen locker does, as the person (org.freedesktop.login1(5)). */
async function setLocked(locked: boolean): Promise<void> {
  const r = await run('nsenter', [
    nsArg,
    '--',
    'runuser',
    '-u',
    user,
    '--',
    'busctl',
    'call',
    'org.freedesktop.login1',
    SESSION_PATH,
    'org.freedesktop.login1.Session',
    'SetLockedHint',
    'b',
    String(locked),
  ]);
  if (r.code !== 0) throw new Error(`SetLockedHint failed: ${r.stderr}`);
  const shown = await run('nsenter', [nsArg, '--', 'loginctl', 'show-session', SESSION]);
  expect(shown.stdout).toContain(`LockedHint=${locked ? 'yes' : 'no'}`);
}

/** The agent has seen the session unlocked during the current grant. */
function seenUnlocked(): boolean {
  return anyTriggerMark<{ unlockedSessions?: string[] }>(
    agent,
    (m) => !!m.unlockedSessions?.includes(SESSION),
  );
}

const grantOf = () => grantOfShared(client, user);

/** The agent's revocations of the person's rights, newest first (admin.audit's order). */
async function revocations(): Promise<AuditEvent[]> {
  const { events } = await client.call('admin.audit', { user, limit: 50 });
  return events.filter((e: AuditEvent) => e.type === 'privilege.revoked');
}

describe.skipIf(!canRun)('revokeAt lock, from logind', () => {
  it('ends the rights when the person locks the screen, with the reason for the tray', async () => {
    await client.call('admin.grant', { user, level: 'admin', durationSec: 600 });
    await expect.poll(seenUnlocked, { timeout: 15_000, interval: 200 }).toBe(true);
    expect(await grantOf()).not.toBeNull();

    await setLocked(true);
    await expect.poll(grantOf, { timeout: 15_000, interval: 200 }).toBeNull();
    expect(await revocations()).toMatchObject([
      {
        actor: 'agent',
        reason: 'The screen was locked (policy revokeAt: lock).',
      },
    ]);
    const status = (await client.call('admin.status', { user })).users[0]!;
    expect(status.ended).toMatchObject({
      reason: 'The screen was locked (policy revokeAt: lock).',
    });
  }, 60_000);

  it('a screen already locked when rights are given ends them only after the next unlock and lock', async () => {
    // Still locked from before: given, e.g., over SSH while away from the desk.
    await client.call('admin.grant', { user, level: 'admin', durationSec: 600 });
    await new Promise((r) => setTimeout(r, 5000)); // two checks with the screen locked
    expect(await grantOf()).not.toBeNull();

    await setLocked(false);
    await expect.poll(seenUnlocked, { timeout: 15_000, interval: 200 }).toBe(true);
    await setLocked(true);
    await expect.poll(grantOf, { timeout: 15_000, interval: 200 }).toBeNull();
    const [latest, earlier] = await revocations();
    expect(latest).toMatchObject({
      actor: 'agent',
      reason: 'The screen was locked (policy revokeAt: lock).',
    });
    expect(latest!.grantId).not.toBe(earlier!.grantId);
  }, 60_000);
});
