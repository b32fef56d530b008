/**
 * What the person did with their rights: each past session lists the commands they ran with
 * sudo, one line each, folded under the count. The agent finds the session in its audit trail
 * as an earlier run recorded it (privilege.used comes from sudo's log on Linux and macOS; the
 * simulated backend used here does not run sudo).
 */
import { describe, expect, it } from 'vitest';
import { rig, USER } from './support/rig.js';
import { useRigs, withoutSecretService } from './support/hooks.js';

useRigs();

withoutSecretService();

const at = (minutesAgo: number): string => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const event = (id: string, minutesAgo: number, type: string, extra: object = {}): object => ({
  id,
  at: at(minutesAgo),
  type,
  user: USER,
  grantId: 'g_earlier',
  actor: USER,
  ...extra,
});

describe('recent sessions', () => {
  it('lists each command run with sudo, one line each, under its count', async () => {
    const r = await rig('linux', { selfServe: true, approvalRequired: false }, [
      event('e_1', 40, 'privilege.granted', { level: 'admin', reason: 'Update the build tools' }),
      event('e_2', 35, 'privilege.used', {
        level: 'admin',
        detail: { command: '/usr/bin/apt-get install build-essential', runAs: 'root' },
      }),
      event('e_3', 30, 'privilege.used', {
        level: 'admin',
        detail: { command: '/usr/bin/systemctl restart docker', runAs: 'root' },
      }),
      event('e_4', 30, 'privilege.released', { level: 'admin' }),
    ]);
    const { page } = r;
    const used = page.getByTestId('commands');
    await expect.poll(() => used.locator('summary').innerText()).toBe('2 commands run with sudo');
    // Folded until asked for.
    expect(await used.getByRole('listitem').first().isVisible()).toBe(false);
    await used.locator('summary').click();
    expect(await used.getByRole('listitem').allInnerTexts()).toEqual([
      '/usr/bin/apt-get install build-essential',
      '/usr/bin/systemctl restart docker',
    ]);
    await r.popover.shoot('history-commands');
  });
});

describe('language', () => {
  it('speaks German, with German dates, when the OS does', async () => {
    const r = await rig('linux', { selfServe: true, approvalRequired: false }, [
      event('e_1', 40, 'privilege.granted', { level: 'admin' }),
      event('e_2', 35, 'privilege.used', {
        level: 'admin',
        detail: { command: '/usr/bin/id', runAs: 'root' },
      }),
      event('e_3', 30, 'privilege.expired', { level: 'admin' }),
    ]);
    const { page } = r;
    // What main/locale.ts hands over on a German desktop.
    r.main.state.setLocale({ language: 'de', intl: 'de-DE' });
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Standardbenutzer');
    expect(await page.getByRole('button', { name: 'Administratorrechte anfragen' }).count()).toBe(
      1,
    );
    await expect
      .poll(() => page.getByTestId('history').innerText())
      .toContain('1 Befehl mit sudo ausgeführt');
    expect(await page.getByTestId('history').innerText()).toContain('Planmäßig beendet');
    await page.getByRole('button', { name: 'Administratorrechte anfragen' }).click();
    expect(
      await page.getByRole('button', { name: 'Administratorrechte jetzt erhalten' }).count(),
    ).toBe(1);
    await r.popover.shoot('german');
  });
});
