/**
 * Windows' log-out hint and forced log-off as a person sees them: the popover (built renderer in
 * Chromium, main's real modules) against the real agent running its win32 backend, whose
 * `net`, `quser`, `logoff`, ... are the STAND-IN tools (test/standins/win32/, never shipped)
 * on a pretend machine where the person has a logon session. The simulated backend has no
 * logon sessions, so only this shows the hint following them. What it does not prove: that
 * Windows behaves as the stand-ins replay (README: "Windows: not yet run on Windows").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AuditEvent, Snapshot } from '../../agent/protocol/schemas.js';
import { en } from '../../renderer/src/i18n/en.js';
import { calls, readMachine, writeMachine } from '../helpers/win32-machine.js';
import { startSessionKeyring, type SessionKeyring } from './support/keyring.js';
import { startMainSide } from './support/main-side.js';
import { openPopover, popoverUrl } from './support/popover-page.js';
import { countdownSeconds, rig, USER, type Rig } from './support/rig.js';
import { useRigs } from './support/hooks.js';

const GRANT_SEC = 20;
const LOGOFF_COUNTDOWN_SEC = 10;
/** The person's logon session on the pretend machine, as quser lists it. */
const SESSION = { user: USER, id: 1, logonTime: '11/30/2026 9:02 AM' };

/** The parts of a catalogue sentence around its one parameter. */
function around(sentence: (x: string) => string): [string, string] {
  const [before, after] = sentence('\u0000').split('\u0000');
  return [before!, after!];
}

/** A clock time as the popover writes it in this page's locale (logic/format.ts). */
const pageClock = (page: Page, iso: string): Promise<string> =>
  page.evaluate(
    (at) =>
      new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(
        new Date(at),
      ),
    iso,
  );

async function status(r: Rig): Promise<Snapshot> {
  const { users } = (await r.admin.call('admin.status', { user: USER })) as { users: Snapshot[] };
  return users[0]!;
}

async function audit(r: Rig): Promise<AuditEvent[]> {
  return ((await r.admin.call('admin.audit', { user: USER })) as { events: AuditEvent[] }).events;
}

useRigs();

describe('popover + agent with the win32 backend on stand-in Windows tools', () => {
  let keyring: SessionKeyring;
  beforeAll(() => {
    keyring = startSessionKeyring();
  });
  afterAll(() => keyring.stop());

  it(
    'shows the log-out hint after a grant, counts down to the forced log-off at expiry, and is clear at the next logon',
    { timeout: 240_000 },
    async () => {
      const r = await rig(
        'win32',
        {
          selfServe: true,
          approvalRequired: false,
          windowsLogoffAtEnd: 'force',
          windowsLogoffCountdownSec: LOGOFF_COUNTDOWN_SEC,
        },
        [],
        {
          win32StandIns: {
            language: 'en',
            computerName: 'PC01',
            // The person the tray connects as; its cookie directory is ACL'd to this SID.
            accounts: { [USER]: 'S-1-5-21-1-2-3-1000', Administrator: 'S-1-5-21-1-2-3-500' },
            administrators: ['Administrator'],
            sessions: [SESSION],
          },
        },
      );
      const { page } = r;
      const machineDir = r.machineDir!;
      const hint = page.getByTestId('logout-hint');
      const logoff = page.getByTestId('logoff');
      await expect
        .poll(() => page.getByTestId('level').innerText(), { timeout: 30_000 })
        .toBe('Standard user');

      // The grant: Administrators membership through `net`, and the hint to log out and in.
      await r.admin.call('admin.grant', {
        user: USER,
        level: 'admin',
        durationSec: GRANT_SEC,
        reason: 'Install Visual Studio',
      });
      await expect.poll(() => hint.innerText(), { timeout: 30_000 }).toContain(en.logout.grant);
      expect(await hint.innerText()).toContain(en.logout.saveFirst);
      expect(readMachine(machineDir).administrators).toContain(USER);
      // The hint is about the grant, not a forced log-off: no countdown to one.
      expect(await logoff.count()).toBe(0);
      expect(await countdownSeconds(page)).toBeGreaterThan(0);
      await r.popover.shoot('windows-standins-grant-hint');

      // Expiry under "force": the revoke hint, then the countdown to the log-off.
      await expect
        .poll(() => page.getByTestId('level').innerText(), { timeout: (GRANT_SEC + 30) * 1000 })
        .toBe('Standard user');
      expect(readMachine(machineDir).administrators).not.toContain(USER);
      await expect.poll(() => logoff.count(), { timeout: 30_000 }).toBe(1);
      const { logoffAt } = (await status(r)).platform;
      expect(logoffAt).toBeDefined();
      const [sentenceStart, sentenceEnd] = around((clock) => en.logout.forced(clock, 'revoke'));
      const [tickStart, tickEnd] = around(en.logout.signingOutIn);
      const shown = (await logoff.innerText()).split('\n').filter(Boolean);
      expect(shown[0]).toBe(`${sentenceStart}${await pageClock(page, logoffAt!)}${sentenceEnd}`);
      expect(shown[0]).toContain('Save your work now.');
      expect(shown[1]!.startsWith(tickStart) && shown[1]!.endsWith(tickEnd)).toBe(true);
      const left = /(\d+):(\d\d)/.exec(shown[1]!)!;
      expect(Number(left[1]) * 60 + Number(left[2])).toBeLessThanOrEqual(LOGOFF_COUNTDOWN_SEC);
      expect(await hint.innerText()).toContain(en.logout.revoke);
      // Nothing logged off yet while the countdown runs.
      expect(readMachine(machineDir).loggedOff ?? []).toEqual([]);
      await r.popover.shoot('windows-standins-logoff-countdown');

      // The deadline passes: the agent runs `logoff 1`, the stand-in ends the session, and the
      // hint and countdown go.
      await expect
        .poll(() => readMachine(machineDir).loggedOff ?? [], {
          timeout: (LOGOFF_COUNTDOWN_SEC + 30) * 1000,
        })
        .toEqual([SESSION]);
      expect(calls(machineDir)).toContainEqual(['logoff', '1']);
      await expect.poll(() => hint.count(), { timeout: 30_000 }).toBe(0);
      expect(await logoff.count()).toBe(0);
      expect((await audit(r)).find((e) => e.type === 'logout.done')?.detail).toEqual({
        hint: 'revoke',
        how: 'forced',
      });

      // The person logs on again (a new session, a new tray): standard rights, nothing to do.
      const machine = readMachine(machineDir);
      machine.sessions = [{ user: USER, id: 2, logonTime: '11/30/2026 9:31 AM' }];
      writeMachine(machineDir, machine);
      const main = await startMainSide({
        socketPath: r.agent.socketPath,
        user: USER,
        popoverUrl,
        os: 'win32',
        keychainService: r.keychainService,
      });
      const popover = await openPopover(main);
      try {
        const fresh = popover.page;
        await expect
          .poll(() => fresh.getByTestId('level').innerText(), { timeout: 30_000 })
          .toBe('Standard user');
        expect(await fresh.getByTestId('logout-hint').count()).toBe(0);
        expect(await fresh.getByTestId('logoff').count()).toBe(0);
        expect((await status(r)).platform).toMatchObject({ os: 'win32', logoutHint: null });
        // The same tray on the same computer: its app key is still the one the agent trusts.
        expect(await fresh.locator('main').innerText()).not.toContain(en.app.needsAttention);
        await popover.shoot('windows-standins-after-logoff');
        expect(main.calls.refused).toEqual([]);
      } finally {
        await popover.close();
        main.stop();
      }
    },
  );
});
