/**
 * One popover under test: a real agent (simulated backend, or the win32 backend against the
 * stand-in Windows tools) on a temp socket, main's real modules behind the bridge, the built
 * renderer in Chromium, and an admin client to act on the agent's side. teardownRigs()
 * (afterEach) checks that main never refused the popover.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { UiLocale } from '../../../agent/shared/i18n/locale.js';
import { connectAsSystem, machineDirIn, type PretendWindows } from '../../helpers/win32-machine.js';
import { policy, startAgent, type RunningAgent } from './agent-process.js';
import { startMainSide, type MainSide } from './main-side.js';
import { openPopover, popoverUrl, type Popover } from './popover-page.js';

// The person is root here: the agent treats root as admin for elevatectl-style calls too.
export const USER = 'root';

export interface Rig {
  dir: string;
  /** The pretend Windows machine's folder (machine.json, calls.log), for `win32StandIns`. */
  machineDir: string | null;
  /** Where the tray keeps its app key: a tray started again for this person reuses it. */
  keychainService: string;
  agent: RunningAgent;
  main: MainSide;
  popover: Popover;
  page: Page;
  admin: AgentClient;
}

const rigs: Rig[] = [];

/**
 * `audit`: events the agent finds in its audit trail at start, as an earlier run of it left
 * them (e.g. a past session with the commands run in it). `locale`, `appVersion`: the tray's.
 * `win32StandIns` (os 'win32'): the agent runs its real win32 backend against the stand-in
 * tools on this pretend machine instead of simulating Windows, so logon sessions, the log-out
 * hint and forced log-off are real; the admin client is then SYSTEM.
 */
export async function rig(
  os: 'linux' | 'win32',
  defaults: Record<string, unknown>,
  audit: readonly object[] = [],
  opts: { locale?: UiLocale; appVersion?: string; win32StandIns?: PretendWindows } = {},
): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'elv-e2e-'));
  if (audit.length) {
    mkdirSync(join(dir, 'state'), { recursive: true, mode: 0o711 });
    const lines = audit.map((e) => JSON.stringify(e)).join('\n');
    writeFileSync(join(dir, 'state', 'audit.jsonl'), `${lines}\n`, { mode: 0o600 });
  }
  const machine = os === 'win32' ? opts.win32StandIns : undefined;
  const agent = await startAgent({
    dir,
    os,
    policy: policy(defaults),
    ...(machine ? { win32StandIns: machine } : {}),
  });
  const keychainService = `ElevateE2E-${process.pid}-${rigs.length}`;
  const main = await startMainSide({
    socketPath: agent.socketPath,
    user: USER,
    popoverUrl,
    os,
    keychainService,
    ...(opts.locale ? { locale: opts.locale } : {}),
    ...(opts.appVersion ? { appVersion: opts.appVersion } : {}),
  });
  const popover = await openPopover(main);
  const admin = machine
    ? await connectAsSystem({ socket: agent.socketPath }, 'e2e-admin')
    : await AgentClient.connect({ socketPath: agent.socketPath, user: USER, client: 'e2e-admin' });
  const machineDir = machine ? machineDirIn(dir) : null;
  const r = { dir, machineDir, keychainService, agent, main, popover, page: popover.page, admin };
  rigs.push(r);
  return r;
}

async function teardown(r: Rig): Promise<void> {
  // The popover's own calls must all pass main's sender check.
  expect(r.main.calls.refused).toEqual([]);
  r.admin.close();
  await r.popover.close();
  r.main.stop();
  await r.agent.stop();
  rmSync(r.dir, { recursive: true, force: true });
}

/** Seconds shown on the live countdown, or null when none is shown. */
export async function countdownSeconds(page: Page): Promise<number | null> {
  const el = page.getByTestId('countdown');
  if ((await el.count()) === 0) return null;
  const parts = (await el.innerText()).split(':').map(Number);
  return parts.reduce((acc, n) => acc * 60 + n, 0);
}

export async function agentLevel(r: Rig): Promise<string | undefined> {
  const { users } = await r.admin.call('admin.status', { user: USER });
  return users[0]?.level;
}

export async function pendingRequestId(r: Rig): Promise<string> {
  const { requests } = await r.admin.call('admin.requests', { state: 'pending' });
  const id = requests[0]?.id;
  if (!id) throw new Error('No pending request at the agent.');
  return id;
}

export async function teardownRigs(): Promise<void> {
  while (rigs.length) await teardown(rigs.pop()!);
}
