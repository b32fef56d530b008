/**
 * The popover end to end: built renderer in Chromium, the real main-process modules behind the
 * bridge, a real agent (simulated backend) on a temp socket. Each step is what a person does or
 * sees; the agent's own answer is checked after every action. Screenshots of each state, light
 * and dark, go to test/e2e/screenshots/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AgentClient } from '../../agent/client/agent-client.js';
import { en } from '../../main/i18n/en.js';
import { policy, socketIn, startAgent, type RunningAgent } from './support/agent-process.js';
import { startSessionKeyring, type SessionKeyring } from './support/keyring.js';
import { startMainSide } from './support/main-side.js';
import { openPopover, popoverUrl, screenshotDir } from './support/popover-page.js';
import { agentLevel, countdownSeconds, pendingRequestId, rig, USER } from './support/rig.js';
import { useRigs, withoutSecretService } from './support/hooks.js';

/** Asks for more time; `submit` is the button's label ("Send request", or "Add 30 min now"). */
async function requestMoreTime(
  page: Page,
  duration: string,
  reason: string,
  submit = 'Send request',
): Promise<void> {
  await page.getByRole('button', { name: 'Request more time' }).click();
  await page.getByRole('radio', { name: duration }).check();
  await page.getByLabel('Reason').fill(reason);
  await page.getByRole('button', { name: submit }).click();
}

const AGENT_DOWN = "Elevate's background service is not running";

/** Text of the whole popover as a person reads it. */
const pageText = (page: Page): Promise<string> => page.locator('main').innerText();

useRigs();

describe('popover without a keychain (no Secret Service)', () => {
  // Runs before any keyring exists: keytar finds no Secret Service, the real "keychain
  // unavailable" path, and the popover must still show status, the hint and Stop now.
  withoutSecretService();

  it('shows the log-out hint and logs out on request, with the Credential Manager notice', async () => {
    const r = await rig('win32', {
      selfServe: true,
      approvalRequired: false,
      requireSignedRequests: true,
    });
    const { page } = r;
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Standard user');
    // Windows words, no internals: neither "keychain" nor "app key" nor an errno.
    await expect
      .poll(() =>
        page.getByRole('heading', { name: 'Windows Credential Manager is not available' }).count(),
      )
      .toBe(1);
    const said = await pageText(page);
    expect(said).toContain('requests are refused');
    expect(said).toContain('Restart your computer');
    expect(said).not.toMatch(/keychain|app key|No such file|Could not connect/i);

    await r.admin.call('admin.grant', {
      user: USER,
      level: 'admin',
      durationSec: 1800,
      reason: 'Install Visual Studio',
    });
    await expect
      .poll(() => page.getByTestId('logout-hint').innerText())
      .toContain('Log out and back in');
    expect(await countdownSeconds(page)).toBeGreaterThan(1790);
    await r.popover.shoot('windows-grant-hint');

    await page.getByRole('button', { name: 'Log out now' }).click();
    await expect.poll(() => r.main.calls.logOut).toEqual([['shutdown', '/l']]);

    await page.getByRole('button', { name: 'Stop now' }).click();
    await page.getByRole('button', { name: 'Yes, stop now' }).click();
    await expect.poll(() => agentLevel(r)).toBe('none');
    await expect
      .poll(() => page.getByTestId('logout-hint').innerText())
      .toContain('Log out to finish removing');
    await r.popover.shoot('windows-revoke-hint');
  });

  it("writes the popover's own errors to the app's log through the checked channel", async () => {
    const r = await rig('linux', { selfServe: true, approvalRequired: false });
    await expect.poll(() => r.page.getByTestId('level').innerText()).toBe('Standard user');
    await r.page.evaluate(`
      setTimeout(() => { throw new TypeError('x is undefined (e2e)'); });
      setTimeout(() => void Promise.reject(new Error('no answer (e2e)')));
      undefined;
    `);
    await expect
      .poll(() => r.main.calls.logged.map((l) => l.split('\n')[0]))
      .toEqual(
        expect.arrayContaining([
          'popover error: TypeError: x is undefined (e2e)',
          'popover unhandledrejection: Error: no answer (e2e)',
        ]),
      );
    // With the stack, indented under the message.
    expect(r.main.calls.logged.join('\n')).toMatch(/\n {4}\| TypeError: x is undefined/);
  });

  it('says why Open at login is off when macOS waits for approval, and where to turn it on', async () => {
    const r = await rig('linux', { selfServe: true, approvalRequired: false });
    const { page } = r;
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Standard user');
    // What main/login-item pushes when SMAppService reports requires-approval.
    r.main.state.setOpenAtLogin(false, en.loginItem['requires-approval']);
    await expect
      .poll(() => page.getByText(en.loginItem['requires-approval'], { exact: true }).count())
      .toBe(1);
    const box = page.getByRole('checkbox', { name: 'Open Elevate at login' });
    expect(await box.isChecked()).toBe(false);
    await r.popover.shoot('open-at-login-approval');
    r.main.state.setOpenAtLogin(true, null);
    await expect.poll(() => box.isChecked()).toBe(true);
    expect(await page.getByText(en.loginItem['requires-approval']).count()).toBe(0);
  });

  it('says the agent is not running, then shows the state once it starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'elv-e2e-'));
    const socketPath = socketIn(dir);
    const main = await startMainSide({
      socketPath,
      user: USER,
      popoverUrl,
      keychainService: 'ElevateE2E-early',
    });
    const popover = await openPopover(main);
    const { page } = popover;
    let agent: RunningAgent | null = null;
    try {
      await expect.poll(() => page.getByRole('heading', { name: AGENT_DOWN }).count()).toBe(1);
      expect(await page.getByTestId('level').count()).toBe(0);
      // Said once, with the next step; no keychain notice saying what "still works".
      const said = await pageText(page);
      expect(said.match(/not running/g)).toHaveLength(1);
      expect(said).toContain('Restart your computer');
      expect(said).not.toMatch(/still work|can still|keychain/i);
      await popover.shoot('agent-never-started');
      agent = await startAgent({
        dir,
        os: 'linux',
        policy: policy({ selfServe: true, approvalRequired: false }),
      });
      await expect
        .poll(() => page.getByTestId('level').innerText(), { timeout: 10_000 })
        .toBe('Standard user');
      expect(await page.getByRole('heading', { name: AGENT_DOWN }).count()).toBe(0);
    } finally {
      await popover.close();
      main.stop();
      await agent?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('popover on Linux (simulated), keychain through gnome-keyring', () => {
  let keyring: SessionKeyring;
  beforeAll(() => {
    keyring = startSessionKeyring();
  });
  afterAll(() => keyring.stop());

  it('counts down a grant, extends it self-serve, stops it, and survives the agent restarting', async () => {
    const r = await rig('linux', {
      selfServe: true,
      approvalRequired: false,
      requireSignedRequests: true,
    });
    const { page } = r;
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Standard user');
    expect(await page.getByText('Keychain unavailable').count()).toBe(0);
    await r.popover.shoot('standard-user');

    // An admin grants from the agent side: the countdown appears and runs.
    await r.admin.call('admin.grant', {
      user: USER,
      level: 'admin',
      durationSec: 600,
      reason: 'Install BBEdit',
    });
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Administrator');
    const first = await countdownSeconds(page);
    expect(first).toBeGreaterThan(590);
    expect(first).toBeLessThanOrEqual(600);
    await expect.poll(() => countdownSeconds(page), { timeout: 3000 }).toBeLessThan(first!);
    await expect
      .poll(() => page.getByTestId('grant-details').innerText())
      .toContain('Install BBEdit');

    // Screen readers hear the change once; the ticking countdown itself stays silent.
    const announcer = page.getByTestId('announcer');
    expect(await announcer.innerText()).toBe('You are now: Administrator.');
    const shown = await countdownSeconds(page);
    await expect.poll(() => countdownSeconds(page), { timeout: 3000 }).toBeLessThan(shown!);
    expect(await announcer.innerText()).toBe('You are now: Administrator.');
    await r.popover.shoot('elevated');

    // A reason shorter than the policy's minimum is refused in the form, with the count.
    await page.getByRole('button', { name: 'Request more time' }).click();
    await page.getByLabel('Reason').fill('short');
    await expect
      .poll(() => page.getByText('Please write at least 10 characters (5 more).').count())
      .toBe(1);
    // Self-serve: the button says the time comes at once, not that a request goes somewhere.
    expect(await page.getByRole('button', { name: 'Send request' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add 10 min now' }).isDisabled()).toBe(true);
    await r.popover.shoot('request-form-invalid');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    // The tray menu's "Request more time ▸ 1 hour" opens the form with that duration chosen.
    r.main.state.openRequestForm(3600);
    await expect.poll(() => page.getByRole('radio', { name: '1 hour' }).isChecked()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Request more time' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    // Self-serve (signed with the app key from the keyring): approved at once, countdown grows.
    await requestMoreTime(page, '30 min', 'Finish the Xcode install', 'Add 30 min now');
    await expect
      .poll(() => page.getByTestId('request-status').innerText())
      .toContain('Request approved');
    await expect.poll(() => countdownSeconds(page)).toBeGreaterThan(2350);
    expect(await page.getByTestId('extensions-left').innerText()).toBe('1');
    await r.popover.shoot('extended-self-serve');

    // Stop now, with its one-step confirm: the agent drops the rights.
    await page.getByRole('button', { name: 'Stop now' }).click();
    await r.popover.shoot('stop-confirm');
    await page.getByRole('button', { name: 'Yes, stop now' }).click();
    await expect.poll(() => agentLevel(r)).toBe('none');
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Standard user');
    expect(await countdownSeconds(page)).toBeNull();
    await expect.poll(() => page.getByTestId('history').innerText()).toContain('Stopped early');
    await r.popover.shoot('stopped-with-history');

    // The agent dies with a grant active: no live countdown, a clear not-running state.
    await r.admin.call('admin.grant', {
      user: USER,
      level: 'admin',
      durationSec: 3600,
      reason: 'Debug a driver',
    });
    await expect.poll(() => countdownSeconds(page)).toBeGreaterThan(3500);
    r.admin.close();
    await r.agent.kill();
    await expect.poll(() => page.getByRole('heading', { name: AGENT_DOWN }).count()).toBe(1);
    expect(await countdownSeconds(page)).toBeNull();
    expect(await page.getByTestId('countdown-stale').innerText()).toContain('Last known end time');
    expect(await page.getByRole('button', { name: 'Stop now' }).count()).toBe(0);
    await r.popover.shoot('agent-not-running');

    // Restarted on the same socket and state: the grant is still there and shown live again.
    r.agent = await startAgent({
      dir: r.dir,
      os: 'linux',
      policy: policy({ selfServe: true, approvalRequired: false }),
    });
    r.admin = await AgentClient.connect({
      socketPath: r.agent.socketPath,
      user: USER,
      client: 'e2e-admin',
    });
    await expect
      .poll(() => page.getByRole('heading', { name: AGENT_DOWN }).count(), {
        timeout: 10_000,
      })
      .toBe(0);
    await expect.poll(() => countdownSeconds(page)).toBeGreaterThan(3400);
    expect(await page.getByTestId('level').innerText()).toBe('Administrator');
    await r.popover.shoot('agent-recovered');
  });

  it('waits for approval, then grows the countdown; shows a denial with the admin note', async () => {
    const r = await rig('linux', { selfServe: false, approvalRequired: true });
    const { page } = r;
    // Asking for rights from scratch, then thinking better of it.
    await page.getByRole('button', { name: 'Request admin rights' }).click();
    await page.getByRole('radio', { name: '30 min' }).check();
    await page.getByLabel('Reason').fill('Install the VPN client');
    await r.popover.shoot('request-admin-rights-form');
    // Escape closes the form first (focus back on its button), not the popover.
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Request admin rights');
    expect(r.main.calls.hidePopover).toBe(0);
    await page.getByRole('button', { name: 'Request admin rights' }).click();
    await page.getByRole('radio', { name: '30 min' }).check();
    await page.getByLabel('Reason').fill('Install the VPN client');
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect
      .poll(() => page.getByTestId('request-status').innerText())
      .toContain('Administrator for 30 min');
    const { requests } = await r.admin.call('admin.requests', { state: 'pending' });
    expect(requests).toMatchObject([
      { kind: 'elevate', durationSec: 1800, reason: 'Install the VPN client' },
    ]);
    await page.getByRole('button', { name: 'Cancel request' }).click();
    await expect
      .poll(() => page.getByTestId('request-status').innerText())
      .toContain('Request cancelled');
    expect((await r.admin.call('admin.requests', { state: 'pending' })).requests).toEqual([]);

    // A form left open when the rights arrive keeps what was typed and says what it does now.
    await page.getByRole('button', { name: 'Request admin rights' }).click();
    await page.getByLabel('Reason').fill('Install the printer driver');
    await r.admin.call('admin.grant', {
      user: USER,
      level: 'admin',
      durationSec: 600,
      reason: 'Printer driver',
    });
    await expect.poll(() => countdownSeconds(page)).toBeGreaterThan(590);
    await expect
      .poll(() => page.getByTestId('form-changed').innerText())
      .toBe(
        'You now have administrator rights, so this form now asks for more time. Your reason is kept.',
      );
    expect(await page.getByRole('heading', { name: 'Request more time' }).count()).toBe(1);
    expect(await page.getByLabel('Reason').inputValue()).toBe('Install the printer driver');
    await r.popover.shoot('form-changed-under-person');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    await requestMoreTime(page, '10 min', 'The driver needs a reboot cycle');
    await expect
      .poll(() => page.getByTestId('request-status').innerText())
      .toContain('Request pending');
    expect(await page.getByRole('button', { name: 'Cancel request' }).count()).toBe(1);
    await r.popover.shoot('request-pending');

    await r.admin.call('admin.approve', { id: await pendingRequestId(r), note: 'OK' });
    await expect
      .poll(() => page.getByTestId('request-status').innerText())
      // The rig's person is root, who approved it too: the person reads "you", not the account.
      .toContain('Request approved by you');
    await expect
      .poll(() => page.getByTestId('announcer').innerText())
      .toBe('Your rights were extended.');
    await expect.poll(() => countdownSeconds(page)).toBeGreaterThan(1150);

    await requestMoreTime(page, '1 hour', 'Another hour for the rollout');
    await expect
      .poll(() => page.getByTestId('request-status').innerText())
      .toContain('Request pending');
    await r.admin.call('admin.deny', {
      id: await pendingRequestId(r),
      note: 'Please book a maintenance window.',
    });
    await expect
      .poll(() => page.getByTestId('request-status').innerText())
      .toContain('Please book a maintenance window.');
    await r.popover.shoot('request-denied');

    // Keyboard only: Tab reaches Stop now first, Enter opens the confirm with focus on it,
    // Escape backs out to Stop now, and a second Escape asks main to hide the popover.
    const focused = (): Promise<string> =>
      page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.getByTestId('level').click(); // the sequential focus starting point
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Stop now');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Yes, stop now');
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('Stop now');
    expect(r.main.calls.hidePopover).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => r.main.calls.hidePopover).toBe(1);
    expect(await agentLevel(r)).toBe('admin');
  });

  it('drains the ring, announces the warning point once, and ends on time', async () => {
    const r = await rig('linux', { selfServe: true, approvalRequired: false, warnBeforeSec: [5] });
    const { page } = r;
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Standard user');
    await r.admin.call('admin.grant', {
      user: USER,
      level: 'admin',
      durationSec: 8,
      reason: 'Quick fix',
    });
    await expect.poll(() => countdownSeconds(page)).toBeGreaterThan(0);
    const announcer = page.getByTestId('announcer');
    await expect
      .poll(() => announcer.innerText(), { timeout: 6000 })
      .toBe('Your administrator rights end in 5 seconds.');
    expect(await countdownSeconds(page)).toBeLessThanOrEqual(5);
    // Said in words, not by colour alone, with the next step beside it.
    expect(await page.getByTestId('ending-soon').innerText()).toMatch(
      /^Ends in \d+:\d\d — save your work$/,
    );
    // ...and more time is the button that stands out.
    const more = page.getByRole('button', { name: 'Request more time' });
    expect(await more.count()).toBe(1);
    expect(await more.getAttribute('class')).toBe('primary');
    await r.popover.shoot('ending-soon');
    // The agent ends the grant by itself; the popover follows without a stale 00:00.
    await expect
      .poll(() => page.getByTestId('level').innerText(), { timeout: 8000 })
      .toBe('Standard user');
    expect(await countdownSeconds(page)).toBeNull();
    expect(await announcer.innerText()).toBe('Your administrator rights have ended.');
    await expect.poll(() => page.getByTestId('history').innerText()).toContain('Ended on time');
  });
});

describe('screenshot gallery', () => {
  it('shows every state shot above, light beside dark, in one page', () => {
    const html = readFileSync(join(screenshotDir, 'index.html'), 'utf8');
    for (const state of ['standard-user', 'elevated', 'ending-soon', 'windows-grant-hint']) {
      expect(html).toContain(`<img src="${state}-light.png"`);
      expect(html).toContain(`<img src="${state}-dark.png"`);
    }
  });
});
