/**
 * One popover under test: a real agent (simulated backend) on a temp socket, main's real
 * modules behind the bridge, the built renderer in Chromium, and an admin client to act on
 * the agent's side. teardownRigs() (afterEach) checks that main never refused the popover.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { UiLocale } from '../../../agent/shared/i18n/locale.js';
import { policy, startAgent, type RunningAgent } from './agent-process.js';
import { startMainSide, type MainSide } from './main-side.js';
import { openPopover, popoverUrl, type Popover } from './popover-page.js';

// The person is root here: the agent treats root as admin for elevatectl-style calls too.
export const USER = 'root';

export interface Rig {
  dir: string;
  agent: RunningAgent;
  main: MainSide;
  popover: Popover;
  page: Page;
  admin: AgentClient;
}

const rigs: Rig[] = [];

/**
 * `audit`: events the agent finds in its audit trail at start, as an earlier run of it left
 * them (e.g. a past session with the commands run in it).
 */
export async function rig(
  os: 'linux' | 'win32',
  defaults: Record<string, unknown>,
  audit: readonly object[] = [],
  tray: { locale?: UiLocale; appVersion?: string } = {},
): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'elv-e2e-'));
  if (audit.length) {
    mkdirSync(join(dir, 'state'), { recursive: true, mode: 0o711 });
    const lines = audit.map((e) => JSON.stringify(e)).join('\n');
    writeFileSync(join(dir, 'state', 'audit.jsonl'), `${lines}\n`, { mode: 0o600 });
  }
  const agent = await startAgent({ dir, os, policy: policy(defaults) });
  const main = await startMainSide({
    socketPath: agent.socketPath,
    user: USER,
    popoverUrl,
    os,
    keychainService: `ElevateE2E-${process.pid}-${rigs.length}`,
    ...tray,
  });
  const popover = await openPopover(main);
  const admin = await AgentClient.connect({
    socketPath: agent.socketPath,
    user: USER,
    client: 'e2e-admin',
  });
  const r = { dir, agent, main, popover, page: popover.page, admin };
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
