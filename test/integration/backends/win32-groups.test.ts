/**
 * Policy rules by group and admins through a group on Windows, end to end on Linux: the real
 * agent with the win32 backend asks `powershell` for a person's groups (an S4U token's groups for
 * a domain account, local groups for a local one), here a STAND-IN (test/standins/win32/, never
 * shipped) answering from a pretend machine. A person in a rule's group gets rights at once,
 * one outside it waits for approval; an admin only through CONTOSO\Domain Admins (nested) gets
 * admin.*, a person elevated by Elevate does not; joining a self-serve local group while elevated
 * is reported at the end. Not proved: that real Windows answers as
 * recorded (README: "Windows: not yet run on Windows").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent, Snapshot } from '../../../agent/protocol/schemas.js';
import { makeTempDir, type AgentHandle } from '../../helpers/agent-process.js';
import {
  calls,
  editMachine,
  machineDirIn,
  readMachine,
  startWin32Agent,
  type PretendWindows,
} from '../../helpers/win32-machine.js';

const pretend: PretendWindows = {
  language: 'en',
  computerName: 'PC01',
  accounts: {
    Administrator: 'S-1-5-21-1-2-3-500',
    alice: 'S-1-5-21-1-2-3-1001',
    carl: 'S-1-5-21-1-2-3-1002',
    'CONTOSO\\sam': 'S-1-5-21-7-8-9-1110',
    'CONTOSO\\kim': 'S-1-5-21-7-8-9-1111',
    'CONTOSO\\dana': 'S-1-5-21-7-8-9-1112',
    'CONTOSO\\lee': 'S-1-5-21-7-8-9-1113',
  },
  groups: {
    // sam is in Engineering through a nested team group.
    'CONTOSO\\Engineering': { sid: 'S-1-5-21-7-8-9-1120', members: ['CONTOSO\\Platform Team'] },
    'CONTOSO\\Platform Team': {
      sid: 'S-1-5-21-7-8-9-1121',
      members: ['CONTOSO\\sam', 'CONTOSO\\lee'],
    },
    // dana is an admin only through IT, nested in Domain Admins, listed in Administrators.
    'CONTOSO\\Domain Admins': { sid: 'S-1-5-21-7-8-9-512', members: ['CONTOSO\\IT'] },
    'CONTOSO\\IT': { sid: 'S-1-5-21-7-8-9-1200', members: ['CONTOSO\\dana'] },
    Helpdesk: { sid: 'S-1-5-21-1-2-3-1010', members: ['alice'] },
  },
  administrators: ['Administrator', 'CONTOSO\\Domain Admins'],
  sessions: [],
};

let agent: AgentHandle | null = null;
let dir = '';
const open: AgentClient[] = [];
const machineDir = (): string => machineDirIn(dir);

const connect = async (user: string): Promise<AgentClient> => {
  const c = await AgentClient.connect({ socketPath: agent!.socket, user, timeoutMs: 60_000 });
  open.push(c);
  return c;
};
const ask = async (user: string): Promise<Snapshot> =>
  (await connect(user)).call('request.create', {
    kind: 'elevate',
    durationSec: 600,
  }) as Promise<Snapshot>;
const admins = (): string[] => readMachine(machineDir()).administrators;

describe(
  'Windows groups in policy rules and admin.* (stand-in tools)',
  { timeout: 240_000 },
  () => {
    beforeAll(async () => {
      dir = makeTempDir('elevate-win32-groups-');
      agent = await startWin32Agent(dir, pretend, {
        version: 1,
        defaults: {
          selfServe: false,
          approvalRequired: true,
          requireReason: false,
          levels: ['admin'],
          durationsSec: [600],
        },
        rules: [
          // Spelt as an admin might: other case; a local group by its bare name.
          { groups: ['contoso\\ENGINEERING'], selfServe: true, approvalRequired: false },
          { groups: ['helpdesk'], selfServe: true, approvalRequired: false },
        ],
      });
    }, 120_000);

    afterAll(async () => {
      for (const c of open) c.close();
      await agent?.stop();
      agent?.cleanup();
    });

    it("gives a person in the rule's domain group (nested) rights at once", async () => {
      const s = await ask('CONTOSO\\sam');
      expect(s).toMatchObject({
        user: 'CONTOSO\\sam',
        level: 'admin',
        request: { state: 'approved', decidedBy: 'policy' },
      });
      expect(s.policy).toMatchObject({ selfServe: true });
      expect(admins()).toContain('CONTOSO\\sam');
      // The lookup was one PowerShell start asking for sam's SID.
      const lookups = calls(machineDir()).filter(
        (c) => c[0] === 'powershell' && c.join(' ').includes("$sids = @('S-1-5-21-7-8-9-1110')"),
      );
      expect(lookups).toHaveLength(1);
    });

    it('makes a person outside the group wait for approval', async () => {
      const s = await ask('CONTOSO\\kim');
      expect(s).toMatchObject({ user: 'CONTOSO\\kim', level: 'none', grant: null });
      expect(s.request).toMatchObject({ state: 'pending' });
      expect(admins()).not.toContain('CONTOSO\\kim');
    });

    it('matches a local group by its bare name, for local accounts', async () => {
      expect(await ask('alice')).toMatchObject({
        user: 'alice',
        level: 'admin',
        request: { state: 'approved', decidedBy: 'policy' },
      });
      const carl = await ask('carl');
      expect(carl).toMatchObject({ level: 'none', request: { state: 'pending' } });
    });

    it('gives admin.* to an admin only through a nested domain group, not to a person Elevate elevated', async () => {
      const dana = await connect('CONTOSO\\dana');
      expect(dana.identity).toMatchObject({ user: 'CONTOSO\\dana', admin: true });
      const pending = (await dana.call('admin.requests', { state: 'pending' })) as {
        requests: { user?: string }[];
      };
      expect(pending.requests.map((r) => r.user)).toContain('CONTOSO\\kim');
      // sam is in Administrators now, through Elevate's grant: that does not count.
      const sam = await connect('CONTOSO\\sam');
      expect(sam.identity).toMatchObject({ user: 'CONTOSO\\sam', admin: false });
      await expect(sam.call('admin.status', {})).rejects.toMatchObject({ code: -32002 });
    });

    it('reports a person who joined a local group a rule makes self-serve while elevated', async () => {
      const dana = await connect('CONTOSO\\dana');
      await dana.call('admin.grant', { user: 'carl', level: 'admin', durationSec: 600 });
      // carl, elevated, makes himself self-serve for later: net localgroup Helpdesk carl /add.
      editMachine(machineDir(), (m) => m.groups!['Helpdesk']!.members.push('carl'));
      await dana.call('admin.revoke', { user: 'carl' });
      const { events } = (await dana.call('admin.audit', { user: 'carl' })) as {
        events: AuditEvent[];
      };
      const drift = events.find((e) => e.type === 'drift.detected');
      expect(drift?.detail).toMatchObject({
        action: 'reported',
        groupMembers: [{ group: 'helpdesk', user: 'carl' }],
      });
    });

    it('treats groups it cannot look up as none and says so in its log, once for the batch', async () => {
      editMachine(machineDir(), (m) => {
        m.logonServersUnreachable = true;
      });
      // lee is in Engineering, but with no logon server his groups are unknown: no self-serve.
      const s = await ask('CONTOSO\\lee');
      expect(s).toMatchObject({ level: 'none', request: { state: 'pending' } });
      expect(admins()).not.toContain('CONTOSO\\lee');
      const line =
        'The Windows groups of 1 account(s) could not be looked up, so policy rules by group do not apply to them and no group makes them an admin for now: S-1-5-21-7-8-9-1113 (There are currently no logon servers available to service the logon request.)';
      expect(agent!.output()).toContain(line);
      expect(agent!.output().split(line)).toHaveLength(2);
    });
  },
);
