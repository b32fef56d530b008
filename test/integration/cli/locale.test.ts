/**
 * `elevate` run by a real user whose locale is German (LANG=de_DE.UTF-8), against a real
 * agent: its own sentences, the agent's refusals and the dates all read as German; the same
 * commands without a locale stay English (the other CLI tests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  deleteUser,
  ELEVATE,
  ensureBuilt,
  run,
  startAgent,
  type RunningAgent,
} from './cli-harness.js';

let agent: RunningAgent;
let kim: string;

beforeAll(async () => {
  ensureBuilt();
  kim = createUser();
  agent = await startAgent({
    version: 1,
    defaults: { selfServe: true, approvalRequired: false, levels: ['admin'] },
  });
});

afterAll(async () => {
  await agent?.stop();
  if (kim) deleteUser(kim);
});

const inGerman = (...args: string[]) =>
  run(ELEVATE, ['--socket', agent.socket, ...args], kim, 20_000, { LANG: 'de_DE.UTF-8' });

describe('elevate in German', () => {
  it('speaks German from LANG: the grant, the status, a refusal, giving back, the history', async () => {
    const bare = await inGerman('request', '10', '--reason', 'Druckertreiber installieren');
    expect(bare.stderr).toContain(
      '"10" hat keine Einheit: Schreiben Sie 10m für 10 Minuten, 10h für Stunden oder 10s für Sekunden.',
    );
    const req = await inGerman('request', '10m', '--reason', 'Druckertreiber installieren');
    expect(req.stderr).toBe('');
    expect(req.stdout).toMatch(/^Sie sind Administrator bis \d\d:\d\d:\d\d \(noch 10 min\)\.\n$/);

    const status = await inGerman('status');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`Benutzer:\\s+${kim}`));
    expect(status.stdout).toMatch(/Befristete Rechte:\s+Administrator, noch 10 min/);
    expect(status.stdout).toMatch(/Grund:\s+Druckertreiber installieren/);
    expect(status.stdout).toContain('Anfragen: Administrator für bis zu 1 Stunde, sofort gewährt');

    // The agent's sentence (asked for in auth.hello) and the CLI's next step, both German.
    const twice = await inGerman('request', '10m', '--reason', 'Druckertreiber installieren');
    expect(twice.code).toBe(4);
    expect(twice.stderr).toMatch(
      /^elevate: Sie haben diese Rechte bereits; fragen Sie stattdessen mehr Zeit an\. Sie sind Administrator bis \d\d:\d\d:\d\d; für mehr Zeit führen Sie 'elevate extend DAUER --reason TEXT' aus\.\n$/,
    );

    const stop = await inGerman('stop');
    expect(stop.stdout).toBe(
      'Ihre befristeten Rechte sind zurückgegeben; Sie sind jetzt: Standardbenutzer.\n',
    );

    const again = await inGerman('stop');
    expect(again.stderr).toContain(
      'Sie haben keine aktiven Administratorrechte, die Sie zurückgeben könnten.',
    );

    const history = await inGerman('history');
    expect(history.stdout).toMatch(/^Administrator · Vorzeitig beendet\n/);
    // The day as German writes it ("30. Nov., 21:58 – 21:58").
    expect(history.stdout).toMatch(/\d{1,2}\. [A-Z][a-zä]{2,3}\.?, \d\d:\d\d – \d\d:\d\d · von /);
    expect(history.stdout).toContain('Grund: Druckertreiber installieren');
  });
});
