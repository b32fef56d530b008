/**
 * Who is who on Windows, end to end on Linux: the real agent with the win32 backend looks people
 * up through `powershell` (NTAccount/SecurityIdentifier.Translate and ProfileList), `net` and
 * `icacls`, here STAND-INS (test/standins/win32/, never shipped) answering from a pretend
 * machine. People name themselves as Windows knows them (a domain name, an Entra ID UPN, a
 * SID), authenticate with the file cookie, get rights and lose them; admin.* is for SYSTEM and
 * permanent Administrators only, never for someone Elevate elevated. Not proved: that real
 * Windows answers as recorded (README: "Windows: not yet run on Windows").
 */
import { join } from 'node:path';
import { pollUntil } from '../../helpers/until.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import { makeTempDir, type AgentHandle } from '../../helpers/agent-process.js';
import {
  calls,
  editMachine as edit,
  machineDirIn,
  readMachine,
  startWin32Agent,
  type PretendWindows,
} from '../../helpers/win32-machine.js';

const BOB = 'S-1-5-21-7-8-9-1104';
const ERIN = 'S-1-12-1-3053366930-1311363711-2478936229-3417421377';
const ALICE = 'S-1-5-21-1-2-3-1001';

const pretend: PretendWindows = {
  language: 'en',
  computerName: 'PC01',
  accounts: {
    Administrator: 'S-1-5-21-1-2-3-500',
    alice: ALICE,
    'CONTOSO\\bob': BOB,
    'CONTOSO\\dana': 'S-1-5-21-7-8-9-1105',
    'CONTOSO\\frank': 'S-1-5-21-7-8-9-1106',
    'CONTOSO\\newbie': 'S-1-5-21-7-8-9-1107',
    'CONTOSO\\Domain Users': 'S-1-5-21-7-8-9-513',
    // Windows prints an Entra ID person as AzureAD\FirstLast; they sign in with their UPN.
    'AzureAD\\ErinMiller': ERIN,
    'AzureAD\\erin@contoso.com': ERIN,
  },
  administrators: ['Administrator', 'CONTOSO\\dana'],
  sessions: [],
  noProfile: ['CONTOSO\\newbie', 'CONTOSO\\Domain Users'],
};

let agent: AgentHandle | null = null;
let system: AgentClient | null = null;
let dir = '';
const open: AgentClient[] = [];

const connect = async (user: string): Promise<AgentClient> => {
  const c = await AgentClient.connect({ socketPath: agent!.socket, user, timeoutMs: 60_000 });
  open.push(c);
  return c;
};
const refusedCode = (user: string): Promise<unknown> =>
  connect(user).then(
    () => 'authenticated',
    (e: { code?: number }) => e.code,
  );
const admins = (): string[] => readMachine(machineDirIn(dir)).administrators;
const editMachine = (change: (m: PretendWindows) => void): void => edit(machineDirIn(dir), change);

describe('Windows accounts through auth.hello (stand-in tools)', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    dir = makeTempDir('elevate-win32-users-');
    agent = await startWin32Agent(dir, pretend, {
      version: 1,
      defaults: {
        selfServe: true,
        approvalRequired: false,
        requireReason: false,
        levels: ['admin'],
        durationsSec: [600],
      },
    });
    system = await connect('S-1-5-18');
  }, 120_000);

  afterAll(async () => {
    for (const c of open) c.close();
    await agent?.stop();
    agent?.cleanup();
  });

  it('lets SYSTEM use admin.*, named by SID', () => {
    expect(system!.identity).toEqual({
      user: 'NT AUTHORITY\\SYSTEM',
      uid: null,
      sid: 'S-1-5-18',
      admin: true,
    });
  });

  it('a domain person asks for rights, gets them, is refused admin.* while elevated, releases', async () => {
    const bob = await connect('CONTOSO\\bob');
    expect(bob.identity).toEqual({ user: 'CONTOSO\\bob', uid: null, sid: BOB, admin: false });
    // The cookie was in a directory named by and ACL'd to bob's SID.
    const acl = readMachine(machineDirIn(dir)).acls?.[join(agent!.stateDir, 'auth', BOB)];
    expect(acl).toEqual([
      ['S-1-5-18', '(OI)(CI)(F)', false],
      [BOB, '(OI)(CI)(F)', false],
    ]);

    const s = (await bob.call('request.create', { kind: 'elevate', durationSec: 600 })) as Snapshot;
    expect(s).toMatchObject({ user: 'CONTOSO\\bob', level: 'admin' });
    expect(admins()).toContain('CONTOSO\\bob');

    // Now a member of Administrators, but only through Elevate: no admin.* on the pipe,
    // neither on the connection he had nor on a new one.
    await expect(bob.call('admin.status', {})).rejects.toMatchObject({
      code: -32002,
      message: expect.stringContaining('rights from Elevate do not count') as unknown,
    });
    const again = await connect('contoso\\BOB');
    expect(again.identity).toMatchObject({ user: 'CONTOSO\\bob', admin: false });
    await expect(
      again.call('admin.grant', { user: 'CONTOSO\\bob', level: 'admin', durationSec: 36_000 }),
    ).rejects.toMatchObject({ code: -32002 });

    await bob.call('privilege.release');
    expect(admins()).not.toContain('CONTOSO\\bob');
  });

  it('an Entra ID person named by UPN is one person with the name Windows prints, and the grant expires', async () => {
    const erin = await connect('AzureAD\\erin@contoso.com');
    expect(erin.identity).toMatchObject({ user: 'AzureAD\\ErinMiller', sid: ERIN, admin: false });

    // The admin names her by UPN too; the grant lands on the same person.
    const granted = (await system!.call('admin.grant', {
      user: 'AzureAD\\erin@contoso.com',
      level: 'admin',
      durationSec: 3,
    })) as Snapshot;
    expect(granted.user).toBe('AzureAD\\ErinMiller');
    expect(await erin.call('status.get')).toMatchObject({ level: 'admin' });
    expect(admins()).toContain('AzureAD\\ErinMiller');

    const ended = (await pollUntil(
      () => erin.call('status.get') as Promise<Snapshot>,
      (x) => x.level === 'none',
      { withinMs: 60_000, everyMs: 200 },
    )) as Snapshot;
    expect(ended).toMatchObject({ level: 'none', grant: null });
    expect(admins()).not.toContain('AzureAD\\ErinMiller');
  });

  it('a person named by SID is the account the SID names', async () => {
    const alice = await connect(ALICE);
    expect(alice.identity).toEqual({ user: 'alice', uid: null, sid: ALICE, admin: false });
    await system!.call('admin.grant', { user: ALICE, level: 'admin', durationSec: 600 });
    expect(await alice.call('status.get')).toMatchObject({ user: 'alice', level: 'admin' });
    const elevated = await connect(ALICE);
    expect(elevated.identity?.admin).toBe(false);
    await expect(elevated.call('admin.audit', {})).rejects.toMatchObject({ code: -32002 });
    await system!.call('admin.revoke', { user: 'alice' });
    expect(await alice.call('status.get')).toMatchObject({ level: 'none' });
  });

  it('a permanent member of Administrators gets admin.*, however the name is spelt', async () => {
    const dana = await connect('contoso\\DANA');
    expect(dana.identity).toMatchObject({ user: 'CONTOSO\\dana', admin: true });
    // A UPN, a SID: the admin's names reach the records kept under the printed name.
    const erin = (await dana.call('admin.status', { user: 'AzureAD\\erin@contoso.com' })) as {
      users: Snapshot[];
    };
    expect(erin.users[0]).toMatchObject({ user: 'AzureAD\\ErinMiller', level: 'none' });
    const bob = (await dana.call('admin.audit', { user: BOB })) as { events: { type: string }[] };
    expect(bob.events.map((e) => e.type)).toContain('privilege.granted');
  });

  it('refuses groups, accounts with no profile here and unknown names, as a wrong proof', async () => {
    expect(await refusedCode('CONTOSO\\Domain Users')).toBe(-32001);
    expect(await refusedCode('NT AUTHORITY\\Authenticated Users')).toBe(-32001);
    expect(await refusedCode('S-1-5-11')).toBe(-32001); // Authenticated Users by SID
    expect(await refusedCode('S-1-5-32-544')).toBe(-32001);
    expect(await refusedCode('CONTOSO\\newbie')).toBe(-32001);
    expect(await refusedCode('nobody')).toBe(-32001);
    expect(await refusedCode('bad"name')).toBe(-32001);
  });

  it('asks Windows about many new names at once, and remembers unknown ones', async () => {
    const names = ['ghost1', 'ghost2', 'ghost3', 'ghost4', 'ghost5', 'ghost6'];
    const lookups = () =>
      calls(machineDirIn(dir)).filter(
        (c) => c[0] === 'powershell' && c.join(' ').includes("'ghost1'"),
      ).length;
    expect(await Promise.all(names.map(refusedCode))).toEqual(names.map(() => -32001));
    expect(await refusedCode('ghost1')).toBe(-32001);
    // The first hello's name may go alone; the rest wait and go together; the repeat is remembered.
    expect(lookups()).toBe(1);
    const batches = calls(machineDirIn(dir)).filter((c) => c.join(' ').includes("'ghost"));
    expect(batches.length).toBeLessThanOrEqual(2);
  });

  it('says in its log why a domain person cannot authenticate while the domain is out of reach', async () => {
    editMachine((m) => (m.domainUnreachable = true));
    expect(await refusedCode('CONTOSO\\frank')).toBe(-32001);
    expect(agent!.output()).toContain(
      'Windows account name(s) could not be looked up, so they cannot authenticate now: contoso\\frank (The trust relationship between this workstation and the primary domain failed.)',
    );
    // A local account still works.
    expect((await connect('alice')).identity?.user).toBe('alice');
    editMachine((m) => (m.domainUnreachable = false));
  });
});
