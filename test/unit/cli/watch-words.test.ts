/**
 * `elevate watch` names levels as the popover does ("Administrator", "Passwordless sudo",
 * "Standard user"), never by protocol codes ("admin rights", "level: none"), in English and,
 * from LANG, in German.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { snapshot } from './snapshot-fixture.js';

const now = new Date('2026-11-24T10:00:00.000Z');
const pending = {
  id: 'r_1',
  kind: 'elevate' as const,
  level: 'passwordless' as const,
  durationSec: 600,
  reason: null,
  state: 'pending' as const,
  createdAt: '2026-11-24T10:00:00.000Z',
  decidedAt: null,
  decidedBy: null,
  note: null,
};

/** watch-model as a person with `lang` in LANG sees it (the CLI reads the locale once, at start). */
async function watchModel(lang: string) {
  vi.stubEnv('LC_ALL', '');
  vi.stubEnv('LC_MESSAGES', '');
  vi.stubEnv('LANGUAGE', '');
  vi.stubEnv('LANG', lang);
  vi.stubEnv('TZ', 'UTC');
  vi.resetModules();
  return import('../../../agent/cli/watch-model.js');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('elevate watch names levels in the popover’s words', () => {
  it('in English', async () => {
    const m = await watchModel('C.UTF-8');
    const pw = snapshot({ grant: { ...snapshot().grant!, level: 'passwordless' } });
    expect(m.countdownLine(pw, 299_001, true, now)).toBe(
      'Passwordless sudo: 5:00 left, until 10:10:00',
    );
    expect(m.warningLine('admin', 300)).toBe(
      "Warning: your administrator rights end in 5 min. Save your work or run 'elevate extend'.",
    );
    expect(m.pendingLine(snapshot({ grant: null, request: pending }))).toBe(
      'Waiting for an admin to decide on request r_1 (Passwordless sudo for 10 min)...',
    );
    expect(m.watchOutcome(snapshot({ grant: null, level: 'none' }), true)?.message).toBe(
      'Your temporary rights have ended; your level is now Standard user.',
    );
    for (const line of [
      m.countdownLine(snapshot(), 1000, false, now),
      m.countdownLine(snapshot({ grant: null, level: 'none' }), 0, true, now),
    ]) {
      expect(line).not.toMatch(/admin rights|passwordless rights|\bnone\b/);
    }
  });

  it('in German, from LANG', async () => {
    const m = await watchModel('de_DE.UTF-8');
    expect(m.countdownLine(snapshot(), 299_001, true, now)).toBe(
      'Administrator: noch 5:00, bis 10:10:00',
    );
    expect(m.warningLine('passwordless', 60)).toBe(
      "Achtung: Ihre Rechte für sudo ohne Passwort enden in 1 min. Speichern Sie Ihre Arbeit oder führen Sie 'elevate extend' aus.",
    );
    expect(m.pendingLine(snapshot({ grant: null, request: pending }))).toBe(
      'Anfrage r_1 (sudo ohne Passwort für 10 min) wartet auf die Entscheidung eines Administrators ...',
    );
    expect(m.watchOutcome(snapshot({ grant: null, level: 'none' }), false)?.message).toBe(
      'Sie haben gerade keine befristeten Rechte (Stufe: Standardbenutzer).',
    );
  });
});
