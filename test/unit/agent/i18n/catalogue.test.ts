import { describe, expect, it } from 'vitest';
import { catalogueGaps } from '../../../../agent/shared/i18n/catalogue.js';
import { AGENT_CATALOGUES, agentError } from '../../../../agent/i18n/index.js';
import { ErrorCode, type RpcError } from '../../../../agent/protocol/errors.js';
import { moment, knownTimeZone } from '../../../../agent/i18n/times.js';
import { wordRecorded, wordRecordedIn } from '../../../../agent/i18n/recorded.js';
import { checkCaps } from '../../../../agent/caps/cap-check.js';
import { ElevatedTime } from '../../../../agent/caps/elevated-time.js';
import { osRefused } from '../../../../agent/grants/grant-errors.js';
import { OsCommandError, osError } from '../../../../agent/backends/backend.js';

describe('the agent’s error catalogue', () => {
  it('has every English message in German too', () => {
    expect(catalogueGaps(AGENT_CATALOGUES)).toEqual([]);
  });

  it('keeps English as the message and words it in the client’s language on request', () => {
    const err = agentError(ErrorCode.NotFound, (m) => m.noSuchUser('sam'));
    expect(err.code).toBe(ErrorCode.NotFound);
    expect(err.message).toBe('There is no user named sam on this computer.');
    expect(err.say?.('de')).toBe('Auf diesem Computer gibt es keinen Benutzer namens sam.');
    expect(err.say?.('en')).toBe(err.message);
  });

  it('words approval-code refusals with the tries left, in both languages', () => {
    const err = agentError(ErrorCode.Forbidden, (m) => m.code.length(1));
    expect(err.message).toBe(
      'An approval code has 10 characters, like ABCDE-FGHJK: check it and type it again; 1 try left.',
    );
    expect(err.say?.('de')).toBe(
      'Ein Freigabecode hat 10 Zeichen, etwa ABCDE-FGHJK: Prüfen Sie ihn und geben Sie ihn erneut ein; 1 Versuch übrig.',
    );
  });
});

describe('times in agent messages', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('writes a time in the client’s zone and locale, with the date when it is another day', () => {
    const berlin = { tag: 'de-DE', timeZone: 'Europe/Berlin' };
    expect(moment('2026-12-01T13:05:00Z', berlin, now)).toBe('14:05');
    expect(moment('2026-12-02T13:05:00Z', berlin, now)).toBe('2. Dez., 14:05');
    const ny = { tag: 'en-US', timeZone: 'America/New_York' };
    expect(moment('2026-12-01T13:05:00Z', ny, now)).toBe('08:05 AM');
  });

  it('keeps UTC, and says so, when the client named no time zone', () => {
    expect(moment('2026-12-01T13:05:00Z', { tag: 'de-DE' }, now)).toBe('13:05 UTC');
    expect(moment('2026-12-03T23:30:00Z', { tag: 'en-GB' }, now)).toBe('3 Dec, 23:30 UTC');
  });

  it('takes only time zones the runtime knows', () => {
    expect(knownTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(knownTimeZone('Mars/Olympus')).toBeUndefined();
    expect(knownTimeZone(undefined)).toBeUndefined();
  });
});

describe('refusals the agent words', () => {
  it('words a cap refusal for the person and for an admin, with the time in the client’s zone', () => {
    const time = new ElevatedTime();
    const grantedAt = Date.now() - 3_600_000;
    time.ingest({
      id: 'e1',
      at: new Date(grantedAt).toISOString(),
      type: 'privilege.granted',
      user: 'sam',
      actor: 'sam',
      grantId: 'g1',
      detail: { expiresAt: new Date(grantedAt + 600_000).toISOString() },
    });
    time.ingest({
      id: 'e2',
      at: new Date(grantedAt + 600_000).toISOString(),
      type: 'privilege.expired',
      user: 'sam',
      actor: 'agent',
      grantId: 'g1',
    });
    const caps = { maxElevatedSecPerDay: 900, maxElevatedSecPerWeek: null };
    const refusal = (asker: 'self' | 'admin'): RpcError => {
      try {
        checkCaps(time, caps, { user: 'sam', addSec: 600, now: Date.now(), asker });
      } catch (err) {
        return err as RpcError;
      }
      throw new Error('not refused');
    };
    const self = refusal('self');
    expect(self.code).toBe(ErrorCode.Forbidden);
    expect(self.message).toMatch(
      /^Your policy allows only 5 minutes more of admin time now \(asked for 10 minutes\); more becomes available at .+ UTC\. Ask for less time or try again then\.$/,
    );
    const zone = { tag: 'de-DE', timeZone: 'Europe/Berlin' };
    const moreAt = (self.data as { moreAt: string }).moreAt;
    expect(self.say?.('de', zone)).toBe(
      `Ihre Richtlinie erlaubt jetzt nur noch 5 Minuten Administratorzeit (angefragt: 10 Minuten); weitere Zeit gibt es ab ${moment(moreAt, zone)}. Fragen Sie weniger Zeit an oder versuchen Sie es dann erneut.`,
    );
    expect(self.say?.('de', zone)).not.toContain('UTC');
    expect(refusal('admin').say?.('de', zone)).toMatch(
      /^Die Richtlinie von sam erlaubt jetzt .+ geben Sie --over-cap an, um darüber hinaus zu genehmigen oder zu vergeben\.$/,
    );
  });

  it('words an OS refusal around what the OS said', () => {
    const err = osRefused(new OsCommandError('gpasswd: group sudo does not exist.'), (m, detail) =>
      m.os.notGiven('admin', 'sam', detail),
    );
    expect([err.code, err.message]).toEqual([
      ErrorCode.OsRefused,
      'Administrator rights could not be given to sam: gpasswd: group sudo does not exist.',
    ]);
    expect(err.say?.('de')).toBe(
      'Rechte als Administrator konnten sam nicht gegeben werden: gpasswd: group sudo does not exist.',
    );
  });

  it('words the Linux backend’s own account of a refusal too', () => {
    const err = osRefused(
      osError((m) => m.linux.noSuchAdminGroup('admins', '/etc/group')),
      (m, detail) => m.os.notRead('sam', detail),
    );
    expect(err.message).toBe(
      "The current rights of sam could not be read: The admin group 'admins' set in the policy does not exist in /etc/group.",
    );
    expect(err.say?.('de')).toBe(
      "Die aktuellen Rechte von sam konnten nicht gelesen werden: Die in der Richtlinie festgelegte Administratorgruppe 'admins' gibt es in /etc/group nicht.",
    );
  });

  it('gives zod’s reason for invalid params in the catalogue’s language', () => {
    const en = AGENT_CATALOGUES.en.protocol;
    const de = AGENT_CATALOGUES.de.protocol;
    const issue = {
      code: 'invalid_type' as const,
      expected: 'number' as const,
      input: 'ten',
      path: [],
    };
    expect(en.fieldInvalid('durationSec', en.paramIssue(issue))).toBe(
      'durationSec is invalid: Invalid input: expected number, received string.',
    );
    expect(de.fieldInvalid('durationSec', de.paramIssue(issue))).toBe(
      'durationSec ist ungültig: Ungültige Eingabe: erwartet Zahl, erhalten string.',
    );
  });
});

describe('sentences the agent records', () => {
  it('sends a recorded sentence in the client’s language, values and all', () => {
    const recorded = AGENT_CATALOGUES.en.recorded;
    expect(wordRecorded(recorded.screenLocked, 'de')).toBe(
      'Der Bildschirm wurde gesperrt (Richtlinie revokeAt: lock).',
    );
    expect(wordRecorded(recorded.hookTimedOut('5'), 'de')).toBe(
      'Der onChange-Hook lief länger als 5 s und wurde beendet.',
    );
    expect(wordRecorded(recorded.hookUnstarted('spawn EACCES'), 'de')).toBe(
      'Der onChange-Hook konnte nicht starten (spawn EACCES).',
    );
    expect(wordRecorded(recorded.screenLocked, 'en')).toBe(recorded.screenLocked);
    // What a person or an admin wrote is theirs: it is sent as they wrote it.
    expect(wordRecorded('Install the printer driver.', 'de')).toBe('Install the printer driver.');
  });

  it('words the reasons and notes of a result in a copy, leaving the original for others', () => {
    const snapshot = {
      lastEnd: { how: 'revoked', reason: AGENT_CATALOGUES.en.recorded.restarted },
      grant: { reason: 'The screen was locked (policy revokeAt: lock).', level: 'admin' },
      requests: [{ note: AGENT_CATALOGUES.en.recorded.extendedEnded, state: 'cancelled' }],
    };
    const copy = JSON.stringify(snapshot);
    const de = wordRecordedIn(snapshot, 'de');
    expect(de.lastEnd.reason).toBe(
      'Der Computer wurde neu gestartet (Richtlinie revokeAt: reboot).',
    );
    expect(de.requests[0]!.note).toBe('Die Rechte, die sie verlängern würde, sind beendet.');
    expect(de.grant.level).toBe('admin');
    expect(JSON.stringify(snapshot)).toBe(copy);
  });
});
