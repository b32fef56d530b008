import { describe, expect, it } from 'vitest';
import { mainMessages } from '../../../main/i18n/index.js';
import { logOutNow } from '../../../main/log-out.js';

describe('logOutNow', () => {
  const ran: Array<[string, string[]]> = [];
  const run = async (file: string, args: string[]) => {
    ran.push([file, args]);
  };

  it('runs shutdown /l on Windows after the person confirms', async () => {
    ran.length = 0;
    expect(await logOutNow('win32', async () => true, { run })).toEqual({ ok: true });
    expect(ran).toEqual([['shutdown', ['/l']]]);
  });

  it('does nothing when the person cancels, or off Windows', async () => {
    ran.length = 0;
    // Cancel is not an error: no failure notification follows it.
    expect(await logOutNow('win32', async () => false, { run })).toEqual({ ok: true });
    expect(await logOutNow('linux', async () => true, { run })).toMatchObject({ ok: false });
    expect(ran).toEqual([]);
  });

  it('reports a failing shutdown in one sentence, with the way out', async () => {
    const failing = async () => {
      throw new Error('Access is denied.');
    };
    expect(await logOutNow('win32', async () => true, { run: failing })).toEqual({
      ok: false,
      message:
        'Windows did not log you out: Access is denied. Save your work and sign out from the Start menu.',
    });
  });

  it('speaks the language the tray speaks', async () => {
    const failing = async () => {
      throw new Error('Zugriff verweigert');
    };
    const messages = mainMessages('de').logOut;
    expect(await logOutNow('win32', async () => true, { run: failing, messages })).toEqual({
      ok: false,
      message:
        'Windows hat Sie nicht abgemeldet: Zugriff verweigert. Speichern Sie Ihre Arbeit und melden Sie sich über das Startmenü ab.',
    });
    expect(await logOutNow('darwin', async () => true, { messages })).toEqual({
      ok: false,
      message: 'Abmelden über Elevate gibt es nur unter Windows.',
    });
  });
});
