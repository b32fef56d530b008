/**
 * The end-of-session check and privilege.used on Windows, end to end on Linux: the real agent
 * runs `net`, `powershell` and `wevtutil`, here STAND-INS (test/standins/win32/, never shipped)
 * replaying the outputs recorded in test/fixtures/win32/ (each cites its source).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent, Snapshot } from '../../../agent/protocol/schemas.js';
import { makeTempDir, type AgentHandle } from '../../helpers/agent-process.js';
import {
  connectAsSystem,
  editMachine,
  machineDirIn,
  readMachine,
  startWin32Agent,
  type PretendWindows,
} from '../../helpers/win32-machine.js';

const ALICE = 'S-1-5-21-1-2-3-1001';
let agent: AgentHandle | null = null;
let client: AgentClient | null = null;
let dir = '';

const edit = (change: (m: PretendWindows) => void): void => editMachine(machineDirIn(dir), change);
const audit = async (): Promise<AuditEvent[]> =>
  ((await client!.call('admin.audit', { user: 'alice' })) as { events: AuditEvent[] }).events;
const session = async (): Promise<Snapshot['lastSession']> =>
  ((await client!.call('admin.status', { user: 'alice' })) as { users: Snapshot[] }).users[0]!
    .lastSession;

beforeAll(async () => {
  dir = makeTempDir('elevate-win32-check-');
  agent = await startWin32Agent(dir, {
    language: 'en',
    computerName: 'PC01',
    accounts: {
      root: 'S-1-5-21-1-2-3-1000',
      Administrator: 'S-1-5-21-1-2-3-500',
      alice: ALICE,
      erin: 'S-1-5-21-1-2-3-1002',
    },
    administrators: ['Administrator'],
    sessions: [],
    builtinAdminEnabled: false,
  });
  client = await connectAsSystem(agent);
}, 120_000);

afterAll(async () => {
  client?.close();
  await agent?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Windows end-of-session check (stand-in tools)', { timeout: 120_000 }, () => {
  it('reports a new admin, a new account, the built-in Administrator enabled, and elevated programs', async () => {
    await client!.call('admin.grant', { user: 'alice', level: 'admin', durationSec: 600 });
    const now = new Date().toISOString();
    edit((m) => {
      m.accounts['mallory'] = 'S-1-5-21-1-2-3-1066';
      m.administrators.push('mallory');
      m.builtinAdminEnabled = true;
      const event = {
        at: now,
        subjectSid: 'S-1-5-18',
        targetSid: ALICE,
        parent: 'C:\\Windows\\explorer.exe',
      };
      m.processEvents = [
        {
          ...event,
          recordId: 101,
          elevation: '%%1937',
          name: 'C:\\Windows\\regedit.exe',
          commandLine: '"C:\\Windows\\regedit.exe"',
        },
        // Limited token: not a use of admin rights.
        {
          ...event,
          recordId: 102,
          elevation: '%%1938',
          subjectSid: ALICE,
          targetSid: 'S-1-0-0',
          name: 'C:\\Windows\\System32\\notepad.exe',
          commandLine: 'notepad',
        },
        // Someone else's elevation.
        {
          ...event,
          recordId: 103,
          elevation: '%%1937',
          targetSid: 'S-1-5-21-1-2-3-1002',
          name: 'C:\\Windows\\System32\\cmd.exe',
          commandLine: 'cmd',
        },
      ];
    });
    await client!.call('admin.revoke', { user: 'alice' });

    const events = await audit();
    const drift = events.find((e) => e.type === 'drift.detected');
    expect(drift?.detail).toMatchObject({
      kind: 'admin-rights',
      action: 'reported',
      groupMembers: [{ group: 'Administrators', user: 'mallory' }],
      newAccounts: ['mallory'],
      builtinAdministratorEnabled: true,
    });
    const used = events.filter((e) => e.type === 'privilege.used');
    expect(used.map((e) => e.detail)).toEqual([
      {
        command: 'C:\\Windows\\regedit.exe',
        commandLine: '"C:\\Windows\\regedit.exe"',
        parent: 'C:\\Windows\\explorer.exe',
        eventRecordId: 101,
      },
    ]);
    expect(await session()).toMatchObject({ commands: 1, drift: { found: 3, removed: 0 } });
    // Report only: nothing was removed.
    expect(readMachine(machineDirIn(dir)).administrators).toContain('mallory');
  });

  it('says how to turn process auditing on when Windows recorded none', async () => {
    await client!.call('admin.grant', { user: 'alice', level: 'admin', durationSec: 600 });
    await client!.call('admin.revoke', { user: 'alice' });
    expect(agent!.output()).toContain(
      `Windows recorded no process creation during alice's session, so the programs they ran elevated are unknown; turn "Audit Process Creation" on: auditpol /set /subcategory:"Process Creation" /success:enable.`,
    );
    expect(await session()).toMatchObject({ commands: 0, drift: { found: 0, removed: 0 } });
  });
});
