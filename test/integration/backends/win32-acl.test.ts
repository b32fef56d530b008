/**
 * Windows ACLs on the agent's directories, end to end on Linux: the real agent runs `icacls`
 * and `powershell`, here STAND-INS (test/standins/win32/, never shipped) that keep each
 * directory's access list and print it as icacls does (test/fixtures/win32/icacls-*.json).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { makeTempDir, type AgentHandle } from '../../helpers/agent-process.js';
import {
  calls,
  editMachine,
  machineDirIn,
  readMachine,
  startWin32Agent,
  type PretendWindows,
} from '../../helpers/win32-machine.js';

const ROOT_SID = 'S-1-5-21-1-2-3-1000';

let agent: AgentHandle | null = null;
let dir = '';

/** Starts the agent on a pretend machine; `change` may preset the state dir's entries. */
async function start(change: (m: PretendWindows, stateDir: string) => void = () => {}) {
  dir = makeTempDir('elevate-win32-acl-');
  const m: PretendWindows = {
    language: 'en',
    computerName: 'PC01',
    accounts: { root: ROOT_SID, alice: 'S-1-5-21-1-2-3-1001' },
    administrators: ['Administrator'],
    sessions: [],
  };
  change(m, join(dir, 'state'));
  agent = await startWin32Agent(dir, m);
  return agent;
}

const refusal = (change: Parameters<typeof start>[0]) =>
  start(change).then(
    () => '',
    (e: Error) => e.message,
  );

afterEach(async () => {
  await agent?.stop();
  agent = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(
  'Windows ACLs on the state and cookie directories (stand-in icacls)',
  { timeout: 120_000 },
  () => {
    it('restricts the state dir and each cookie dir, checked by reading icacls back', async () => {
      const a = await start();
      const acls = () => readMachine(machineDirIn(dir)).acls ?? {};
      expect(acls()[a.stateDir]).toEqual([
        ['S-1-5-18', '(OI)(CI)(F)', false],
        ['S-1-5-32-544', '(OI)(CI)(F)', false],
        ['S-1-5-32-545', '(X,RD)', false],
      ]);
      const client = await AgentClient.connect({
        socketPath: a.socket,
        user: 'root',
        timeoutMs: 60_000,
      });
      client.close();
      // The cookie dir: inheritance removed, SYSTEM and the person's SID only.
      expect(acls()[join(a.stateDir, 'auth', ROOT_SID)]).toEqual([
        ['S-1-5-18', '(OI)(CI)(F)', false],
        [ROOT_SID, '(OI)(CI)(F)', false],
      ]);
      expect(calls(machineDirIn(dir))).toContainEqual([
        'icacls',
        join(a.stateDir, 'auth', ROOT_SID),
      ]);
    });

    it('refuses to start, in one sentence, when the state dir keeps an entry it must not have', async () => {
      const message = await refusal((m, stateDir) => {
        // An explicit entry: /inheritance:r and /grant:r for our SIDs leave it in place.
        m.acls = { [stateDir]: [['S-1-1-0', '(OI)(CI)(M)', false]] };
      });
      expect(message).toMatch(
        /elevate-agent: could not start: The state directory \S+ cannot be restricted to SYSTEM and Administrators \(after icacls, Everyone has access it must not have\); run the agent as the Elevate service \(LocalSystem\) or as an administrator\.\n/,
      );
    });

    it('refuses to start when icacls is denied', async () => {
      const message = await refusal((m) => {
        m.icaclsDenied = true;
      });
      expect(message).toContain('(icacls refused: ');
      expect(message).toContain('Access is denied');
    });

    it('does not hand out a cookie it could not protect', async () => {
      const a = await start();
      editMachine(machineDirIn(dir), (m) => {
        m.icaclsDenied = true;
      });
      await expect(
        AgentClient.connect({ socketPath: a.socket, user: 'root', timeoutMs: 60_000 }),
      ).rejects.toThrow();
      expect(a.output()).toContain(
        `root cannot authenticate: their cookie directory ${join(a.stateDir, 'auth', ROOT_SID)} cannot be restricted to them and SYSTEM (icacls refused: `,
      );
    });
  },
);
