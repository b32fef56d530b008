/**
 * Approval by phone in the popover: the person asks, reads the request code the popover shows,
 * the approver's offline `elevatectl code approve` turns it into an approval code, and the
 * person types it back. Real renderer in Chromium, real main-process handlers, real agent.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../agent/client/agent-client.js';
import { REPO } from '../helpers/agent-process.js';
import { ensureBuilt } from './support/build.js';
import { policy, startAgent, type RunningAgent } from './support/agent-process.js';
import { startMainSide, type MainSide } from './support/main-side.js';
import { openPopover, popoverUrl, type Popover } from './support/popover-page.js';

const USER = 'root';
const ELEVATECTL = join(REPO, 'dist/agent/cli/elevatectl.js');
const ctl = (...args: string[]): string =>
  execFileSync(process.execPath, [ELEVATECTL, ...args], { encoding: 'utf8' });

let dir: string;
let agent: RunningAgent;
let main: MainSide;
let popover: Popover;
let admin: AgentClient;
let masterFile: string;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'elv-e2e-codes-'));
  masterFile = join(dir, 'master.key');
  writeFileSync(masterFile, randomBytes(32), { mode: 0o600 });
  const keyFile = join(dir, 'approval.key');
  agent = await startAgent({
    dir,
    os: 'linux',
    policy: {
      ...policy({ selfServe: false, approvalRequired: true }),
      approvalCodes: { keyFile, validitySec: 900, maxTries: 5 },
    },
  });
  admin = await AgentClient.connect({ socketPath: agent.socketPath, user: USER, client: 'e2e' });
  // The MDM's job: install this device's key, made from the master with the device's id.
  const { users } = await admin.call('admin.status', { user: USER });
  const deviceId = users[0]?.platform.deviceId ?? '';
  expect(deviceId).toMatch(/^[0-9a-f]{32}$/);
  writeFileSync(keyFile, ctl('code', 'device-key', '--master', masterFile, '--device', deviceId), {
    mode: 0o600,
  });
  main = await startMainSide({
    socketPath: agent.socketPath,
    user: USER,
    popoverUrl,
    keychainService: `ElevateE2ECodes-${process.pid}`,
  });
  popover = await openPopover(main);
}, 180_000);

afterAll(async () => {
  expect(main?.calls.refused).toEqual([]);
  admin?.close();
  await popover?.close();
  main?.stop();
  await agent?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('approval by phone in the popover', () => {
  it('shows the request code, catches a typo, and grants what the code approves', async () => {
    const { page } = popover;
    await page.getByRole('button', { name: 'Request admin rights' }).click();
    await page.getByRole('radio', { name: '30 min' }).check();
    await page.getByLabel('Reason').fill('Install the VPN client');
    await page.getByRole('button', { name: 'Send request' }).click();

    const codeEl = page.getByTestId('request-code');
    await expect.poll(() => codeEl.count()).toBe(1);
    const requestCode = (await codeEl.innerText()).trim();
    expect(requestCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect
      .poll(() => page.getByTestId('request-status').innerText())
      .toContain('Call your help desk and read them this code:');
    await popover.shoot('approval-code-pending');

    const { users } = await admin.call('admin.status', { user: USER });
    const device = users[0]?.platform.deviceId ?? '';
    const approverOutput = ctl(
      'code',
      'approve',
      requestCode,
      '--device',
      device,
      '--user',
      USER,
      '--for',
      '20m',
      '--key',
      masterFile,
    );
    const approval = approverOutput.trim().split('\n').at(-1) ?? '';
    expect(approval).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    // A misheard character is caught in the popover; nothing reaches the agent.
    const field = page.getByLabel('Approval code they read back');
    const typo = approval.slice(0, 1) + (approval[1] === 'A' ? 'B' : 'A') + approval.slice(2);
    await field.fill(typo);
    await page.getByRole('button', { name: 'Approve with code' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('That code has a typo');
    await popover.shoot('approval-code-typo');
    const audit = await admin.call('admin.audit', { user: USER, limit: 20 });
    expect(audit.events.filter((e) => e.type === 'request.code_rejected')).toEqual([]);

    await field.fill(approval.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: 'Approve with code' }).click();
    await expect.poll(() => page.getByTestId('countdown').count()).toBe(1);
    const after = (await admin.call('admin.status', { user: USER })).users[0]!;
    expect(after.level).toBe('admin');
    expect(after.grant?.grantedBy).toMatch(/^code:[0-9a-f]{8}$/);
    expect(Date.parse(after.grant!.expiresAt) - Date.parse(after.grant!.grantedAt)).toBe(1_200_000);
    await expect
      .poll(() => page.getByTestId('request-status').innerText())
      .toContain('Request approved');
    await admin.call('admin.revoke', { user: USER });
  });
});
