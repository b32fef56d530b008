/**
 * The popover's problem states on a German desktop, end to end: the agent not running, an agent
 * from another release, and the Windows forced log-off countdown (the agent's win32 backend
 * against the stand-in Windows tools, test/standins/win32, never shipped). Each says what it
 * means and what to do in German, with no English left in it; screenshots go to
 * test/e2e/screenshots/de-*.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../agent/protocol/schemas.js';
import type { UiLocale } from '../../agent/shared/i18n/locale.js';
import { VERSION } from '../../agent/shared/version.js';
import { CHROMIUM_ARGS, popoverUrl } from './support/popover-page.js';
import { countdownSeconds, rig, USER } from './support/rig.js';
import { useRigs, withoutSecretService } from './support/hooks.js';

/** What main/locale.ts hands over on a German desktop. */
const GERMAN: UiLocale = { language: 'de', intl: 'de-DE' };

/** English words that would betray a sentence left out of the German catalogues. */
const ENGLISH = /\b(the|your|not|running|rights|save|work|ask|left)\b/i;

useRigs();

// No Secret Service: the keychain notice stays out of these states (no signed requests needed).
withoutSecretService();

describe('the popover in German', () => {
  it('says the background service is not running, with the last known end and the next step', async () => {
    const r = await rig('linux', { selfServe: true, approvalRequired: false }, [], {
      locale: GERMAN,
    });
    const { page } = r;
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Standardbenutzer');
    await r.admin.call('admin.grant', {
      user: USER,
      level: 'admin',
      durationSec: 3600,
      reason: 'Treiber installieren',
    });
    await expect.poll(() => countdownSeconds(page)).toBeGreaterThan(3500);
    r.admin.close();
    await r.agent.kill();
    const banner = page.getByRole('heading', {
      name: 'Der Hintergrunddienst von Elevate läuft nicht',
    });
    await expect.poll(() => banner.count()).toBe(1);
    const said = await page.locator('main').innerText();
    expect(said).toContain('Starten Sie den Computer neu.');
    expect(said).toContain('Zuletzt bekanntes Ende');
    expect(said.match(ENGLISH), said).toBeNull();
    // Main's own sentence for the same state is German too (the tray and notifications use it).
    // Read aloud with a German voice.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(r.main.state.current.problem).toBe(
      'Der Elevate-Dienst läuft nicht, daher können Ihre Rechte gerade weder angezeigt noch geändert werden.',
    );
    await r.popover.shoot('de-agent-not-running');
    // The agent is gone for good in this test: teardown must not stop it again.
    r.agent.stop = async () => undefined;
  });

  it('says the app and the background service come from different releases, and what to do', async () => {
    const r = await rig('linux', { selfServe: true, approvalRequired: false }, [], {
      locale: GERMAN,
      appVersion: '99.0.0',
    });
    const { page } = r;
    const notice = page.getByRole('region', { name: 'Bitte beachten' });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toContain(
      `Diese Elevate-App hat Version 99.0.0, der Hintergrunddienst von Elevate auf diesem Computer aber Version ${VERSION}: Bitten Sie Ihren IT-Support, beide aus demselben Release zu installieren.`,
    );
    // The status still shows: a mismatch is said, not a reason to show nothing.
    expect(await page.getByTestId('level').innerText()).toBe('Standardbenutzer');
    expect((await page.locator('main').innerText()).match(ENGLISH)).toBeNull();
    await r.popover.shoot('de-version-mismatch');
  });

  it('opened outside the app, says so in the browser’s language', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'elv-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      locale: 'de-DE',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(popoverUrl);
      await expect
        .poll(() => page.locator('#root').innerText())
        .toBe('Elevate: Diese Seite funktioniert nur in der Elevate-App.');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('the Windows forced log-off countdown in German (win32 backend, stand-in tools)', () => {
  it('counts down to the log-off and says to save the work now', { timeout: 240_000 }, async () => {
    const r = await rig(
      'win32',
      {
        selfServe: true,
        approvalRequired: false,
        windowsLogoffAtEnd: 'force',
        windowsLogoffCountdownSec: 600,
      },
      [],
      {
        locale: GERMAN,
        win32StandIns: {
          language: 'de',
          computerName: 'PC01',
          // The tray's person, signed in at the console: the session the agent would log off.
          accounts: { [USER]: 'S-1-5-21-1-2-3-1000', Administrator: 'S-1-5-21-1-2-3-500' },
          administrators: ['Administrator'],
          sessions: [{ user: USER, id: 2, logonTime: '01.12.2026 08:02' }],
        },
      },
    );
    const { admin, page, popover } = r;
    await admin.call('admin.grant', { user: USER, level: 'admin', durationSec: 1800 });
    await expect.poll(() => page.getByTestId('logout-hint').count(), { timeout: 30_000 }).toBe(1);
    // The agent has seen the session that holds the old token (logout.hinted), then revokes.
    await expect
      .poll(
        async () =>
          (
            (await admin.call('admin.audit', { user: USER })) as { events: { type: string }[] }
          ).events
            .map((e) => e.type)
            .includes('logout.hinted'),
        { timeout: 30_000 },
      )
      .toBe(true);
    await admin.call('admin.revoke', { user: USER });
    const logoff = page.getByTestId('logoff');
    await expect.poll(() => logoff.count(), { timeout: 30_000 }).toBe(1);
    const logoffAt = ((await admin.call('admin.status', { user: USER })) as { users: Snapshot[] })
      .users[0]!.platform.logoffAt!;
    const clock = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' }).format(
      new Date(logoffAt),
    );
    const said = await logoff.innerText();
    expect(said).toContain(
      `Windows meldet Sie um ${clock} ab, um das Entfernen Ihrer Administratorrechte abzuschließen. Speichern Sie jetzt Ihre Arbeit.`,
    );
    expect(said).toMatch(/Abmeldung in (10:00|0\d:\d\d)/);
    // It runs by itself, second by second, as the agent's deadline nears.
    await expect.poll(() => logoff.innerText(), { timeout: 5000 }).not.toBe(said);
    expect((await page.locator('main').innerText()).match(ENGLISH)).toBeNull();
    // elevatectl ran as SYSTEM (as an MDM runs it): the person reads "an administrator", not
    // the account, and the rights as one German noun.
    const ended = (await admin.call('admin.status', { user: USER })) as { users: Snapshot[] };
    const endedAt = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' }).format(
      new Date(ended.users[0]!.ended!.at),
    );
    expect(await page.getByTestId('grant-ended').innerText()).toBe(
      `Ihre Administratorrechte wurden um ${endedAt} von einem Administrator beendet.`,
    );
    await expect
      .poll(() => page.getByTestId('history').innerText(), { timeout: 10_000 })
      .toMatch(/ · von einem Administrator$/m);
    expect(await page.locator('main').innerText()).not.toMatch(/SYSTEM|AUTHORITY/);
    await popover.shoot('de-windows-logoff-countdown');
  });
});
