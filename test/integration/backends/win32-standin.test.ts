/**
 * The agent with the win32 backend, end to end on Linux: the real agent process runs `net`,
 * `powershell`, `quser` and `logoff`, which here are STAND-INS (test/standins/win32/) replaying
 * the outputs recorded from Microsoft's documentation and public sources. What this proves:
 * the backend's plans, parsers and the agent's lifecycle work together; not that Windows
 * behaves as recorded (README: "Windows: not yet run on Windows").
 */
import { pollUntil } from '../../helpers/until.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent, Snapshot } from '../../../agent/protocol/schemas.js';
import { makeTempDir, type AgentHandle } from '../../helpers/agent-process.js';
import {
  calls,
  connectAsSystem,
  editMachine as edit,
  machineDirIn,
  readMachine,
  startWin32Agent,
  type PretendWindows,
} from '../../helpers/win32-machine.js';

const ENTRA_ROLE = 'S-1-12-1-1234567890-1234567890-1234567890-1234567890';

function machine(overrides: Partial<PretendWindows> = {}): PretendWindows {
  return {
    language: 'en',
    computerName: 'PC01',
    accounts: {
      Administrator: 'S-1-5-21-1-2-3-500',
      alice: 'S-1-5-21-1-2-3-1001',
      'CONTOSO\\bob': 'S-1-5-21-7-8-9-1104',
      'CONTOSO\\dana': 'S-1-5-21-7-8-9-1105',
      'AzureAD\\carol@contoso.com': 'S-1-12-1-111-222-333-444',
      erin: 'S-1-5-21-1-2-3-1002',
      gina: 'S-1-5-21-1-2-3-1003',
      'CONTOSO\\frank': 'S-1-5-21-7-8-9-1106',
    },
    administrators: ['Administrator', 'CONTOSO\\dana', ENTRA_ROLE],
    sessions: [],
    ...overrides,
  };
}

let agent: AgentHandle | null = null;
let client: AgentClient | null = null;
let dir = '';

/** `reuse`: start again in that dir, on the machine the agent before left (m is then null). */
async function start(m: PretendWindows | null, policy?: object, reuse?: string): Promise<void> {
  dir = reuse ?? makeTempDir('elevate-win32-');
  agent = await startWin32Agent(dir, m, policy);
  client = await connectAsSystem(agent);
}

const admins = (): string[] => readMachine(machineDirIn(dir)).administrators;
const grant = (user: string, durationSec = 600): Promise<Snapshot> =>
  client!.call('admin.grant', { user, level: 'admin', durationSec }) as Promise<Snapshot>;
const status = async (user: string): Promise<Snapshot> =>
  ((await client!.call('admin.status', { user })) as { users: Snapshot[] }).users[0]!;
const audit = async (user: string): Promise<AuditEvent[]> =>
  ((await client!.call('admin.audit', { user })) as { events: AuditEvent[] }).events;

async function stop(): Promise<void> {
  client?.close();
  client = null;
  await agent?.stop();
  agent?.cleanup();
  agent = null;
}

const editMachine = (change: (m: PretendWindows) => void): void => edit(machineDirIn(dir), change);

describe(
  'agent + win32 backend against stand-in Windows tools (one agent)',
  { timeout: 180_000 },
  () => {
    beforeAll(() => start(machine()), 120_000);
    afterAll(stop);

    it('grants, extends and revokes Administrators membership found by SID', async () => {
      const s = await grant('alice');
      expect(s).toMatchObject({ level: 'admin', permanentLevel: 'none' });
      expect(s.platform).toMatchObject({ os: 'win32', logoutHint: 'grant' });
      expect(admins()).toContain('alice');
      // The group was named from S-1-5-32-544, and Get-LocalGroupMember was never used.
      expect(calls(machineDirIn(dir)).flat().join(' ')).toContain("'S-1-5-32-544'");
      expect(calls(machineDirIn(dir)).flat().join(' ')).not.toContain('Get-LocalGroupMember');

      const longer = await grant('alice', 1200);
      expect(Date.parse(longer.grant!.expiresAt)).toBeGreaterThan(Date.parse(s.grant!.expiresAt));
      expect((await audit('alice')).map((e) => e.type)).toContain('privilege.extended');

      const r = (await client!.call('admin.revoke', { user: 'alice' })) as Snapshot;
      expect(r).toMatchObject({ level: 'none', grant: null });
      expect(r.platform.logoutHint).toBe('revoke');
      expect(admins()).toEqual(['Administrator', 'CONTOSO\\dana', ENTRA_ROLE]);
    });

    it('handles domain and Entra ID accounts beside an orphaned Entra SID', async () => {
      await grant('CONTOSO\\bob');
      await grant('AzureAD\\carol@contoso.com');
      expect(admins()).toEqual(
        expect.arrayContaining(['CONTOSO\\bob', 'AzureAD\\carol@contoso.com']),
      );
      await client!.call('admin.revoke', { user: 'CONTOSO\\bob' });
      await client!.call('admin.revoke', { user: 'AzureAD\\carol@contoso.com' });
      expect(admins()).toEqual(['Administrator', 'CONTOSO\\dana', ENTRA_ROLE]);
    });

    it('never removes a permanent admin', async () => {
      expect(await status('CONTOSO\\dana')).toMatchObject({ permanentLevel: 'admin' });
      await expect(grant('CONTOSO\\dana')).rejects.toMatchObject({ code: -32004 });
      await client!.call('admin.grant', {
        user: 'CONTOSO\\dana',
        level: 'passwordless',
        durationSec: 60,
      });
      await client!.call('admin.revoke', { user: 'CONTOSO\\dana' });
      expect(admins()).toContain('CONTOSO\\dana');
      expect(await status('CONTOSO\\dana')).toMatchObject({
        level: 'admin',
        permanentLevel: 'admin',
      });
    });

    it('refuses unknown accounts and reports a refusal in one sentence, changing nothing', async () => {
      editMachine((m) => (m.denyChanges = true));
      await expect(grant('nobody')).rejects.toMatchObject({ code: -32003 });
      const refused = await grant('gina').catch((e: { code: number; message: string }) => e);
      expect(refused).toMatchObject({ code: -32010 });
      expect((refused as { message: string }).message).toMatch(/Access is denied/);
      editMachine((m) => (m.denyChanges = false));
      expect(admins()).not.toContain('gina');
      expect((await status('gina')).grant).toBeNull();
    });
    it('keeps the hint until the person logged out and in, and clears it at once for nobody logged on', async () => {
      editMachine((m) => (m.sessions = [{ user: 'erin', id: 1, logonTime: '11/30/2026 9:02 AM' }]));
      await grant('erin');
      const hinted = await pollUntil(
        () => audit('erin'),
        (e) => e.some((x) => x.type === 'logout.hinted'),
        { withinMs: 30_000 },
      );
      expect(hinted.find((e) => e.type === 'logout.hinted')?.detail).toMatchObject({
        hint: 'grant',
        sessions: 1,
      });
      expect((await status('erin')).platform.logoutHint).toBe('grant');

      // Log out and back in: same session slot, new logon time.
      editMachine((m) => (m.sessions = [{ user: 'erin', id: 1, logonTime: '11/30/2026 9:40 AM' }]));
      const cleared = await pollUntil(
        () => status('erin'),
        (s) => s.platform.logoutHint === null,
        { withinMs: 30_000 },
      );
      expect(cleared.platform.logoutHint).toBeNull();
      expect((await audit('erin')).find((e) => e.type === 'logout.done')?.detail).toEqual({
        hint: 'grant',
        how: 'logged-out',
      });

      // Nobody logged on as frank: his next logon gets the right token, nothing to wait for.
      await grant('CONTOSO\\frank');
      const frank = await pollUntil(
        () => status('CONTOSO\\frank'),
        (s) => s.platform.logoutHint === null,
        { withinMs: 30_000 },
      );
      expect(frank.platform.logoutHint).toBeNull();
      expect((await audit('CONTOSO\\frank')).find((e) => e.type === 'logout.done')?.detail).toEqual(
        {
          hint: 'grant',
          how: 'not-logged-on',
        },
      );
    });
  },
);

describe(
  'agent + win32 backend against stand-in Windows tools (own agents)',
  { timeout: 180_000 },
  () => {
    afterEach(stop);

    it('works with the localised group name (German Windows)', async () => {
      await start(machine({ language: 'de' }));
      await grant('alice');
      expect(admins()).toContain('alice');
      expect(calls(machineDirIn(dir))).toContainEqual([
        'net',
        'localgroup',
        'Administratoren',
        'alice',
        '/add',
      ]);
      await client!.call('admin.revoke', { user: 'alice' });
      expect(admins()).not.toContain('alice');
    });
    it('ends a grant on time, and after kill -9 before it listens again', async () => {
      await start(machine());
      await grant('alice', 1);
      const ended = await pollUntil(
        () => audit('alice'),
        (e) => e.some((x) => x.type === 'privilege.restored'),
        { withinMs: 30_000 },
      );
      expect(ended.map((e) => e.type)).toContain('privilege.expired');
      expect(admins()).not.toContain('alice');

      await grant('CONTOSO\\bob', 2);
      const reuse = dir;
      client!.close();
      await agent!.kill9();
      expect(admins()).toContain('CONTOSO\\bob');
      await new Promise((r) => setTimeout(r, 2500));
      agent = null;
      await start(null, undefined, reuse);
      // Recovery ran before the agent listened.
      expect(admins()).not.toContain('CONTOSO\\bob');
      expect((await status('CONTOSO\\bob')).grant).toBeNull();
    });
    it('under windowsLogoffAtEnd "force" from Group Policy, counts down then logs the session off', async () => {
      // The registry (Group Policy) wins over the JSON file, which asks for the hint only.
      await start(
        machine({
          sessions: [{ user: 'alice', id: 3, logonTime: '11/30/2026 9:02 AM' }],
          policies: {
            WindowsLogoffAtEnd: ['REG_SZ', 'force'],
            WindowsLogoffCountdownSec: ['REG_DWORD', '0x2'],
          },
        }),
        { version: 1, defaults: { windowsLogoffAtEnd: 'hint', windowsLogoffCountdownSec: 600 } },
      );
      await grant('alice');
      await pollUntil(
        () => audit('alice'),
        (e) => e.some((x) => x.type === 'logout.hinted'),
        { withinMs: 30_000 },
      );
      const revokedAt = Date.now() - 1000;
      await client!.call('admin.revoke', { user: 'alice' });
      const counting = await pollUntil(
        () => status('alice'),
        (s) => s.platform.logoffAt !== undefined,
        { withinMs: 30_000 },
      );
      expect(counting.platform).toMatchObject({ logoutHint: 'revoke' });
      // 2 s from Group Policy, not the file's 600 s.
      expect(Date.parse(counting.platform.logoffAt!) - revokedAt).toBeLessThan(60_000);
      expect(Date.parse(counting.platform.logoffAt!)).toBeGreaterThanOrEqual(revokedAt);
      const done = await pollUntil(
        () => status('alice'),
        (s) => s.platform.logoutHint === null,
        { withinMs: 30_000 },
      );
      expect(done.platform).toMatchObject({ os: 'win32', logoutHint: null });
      expect(done.platform.logoffAt).toBeUndefined();
      expect(readMachine(machineDirIn(dir)).loggedOff).toEqual([
        { user: 'alice', id: 3, logonTime: '11/30/2026 9:02 AM' },
      ]);
      expect((await audit('alice')).find((e) => e.type === 'logout.done')?.detail).toEqual({
        hint: 'revoke',
        how: 'forced',
      });
    });
  },
);
