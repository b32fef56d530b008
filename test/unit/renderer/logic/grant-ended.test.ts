import { describe, expect, it } from 'vitest';
import { endedNotice } from '../../../../renderer/src/logic/grant-ended.js';
import { de } from '../../../../renderer/src/i18n/de.js';
import { grant, snapshot } from './fixtures.js';

const revoked = {
  grantId: 'g_1',
  level: 'admin' as const,
  how: 'revoked' as const,
  at: '2026-11-24T10:05:00.000Z',
  by: 'alice',
  reason: 'Laptop handed back to IT',
};

describe('endedNotice', () => {
  it('says who ended the rights, when, and the reason they wrote', () => {
    const notice = endedNotice(snapshot({ user: 'sam', ended: revoked }), 'UTC');
    // The clock format is the person's locale's ("10:05" or "10:05 AM").
    expect(notice?.text).toMatch(
      /^Your administrator rights were ended by alice at 10:05( AM)?\.$/,
    );
    expect(notice?.reason).toBe('Laptop handed back to IT');
  });
  it('says "an administrator" when elevatectl ran as SYSTEM or root (an MDM), not the account', () => {
    const bySystem = { ...revoked, by: 'NT AUTHORITY\\SYSTEM' };
    expect(endedNotice(snapshot({ user: 'sam', ended: bySystem }), 'UTC', de, 'de-DE')?.text).toBe(
      'Ihre Administratorrechte wurden um 10:05 von einem Administrator beendet.',
    );
    const passwordless = { ...revoked, level: 'passwordless' as const, by: 'root' };
    expect(
      endedNotice(snapshot({ user: 'sam', ended: passwordless }), 'UTC', de, 'de-DE')?.text,
    ).toBe('Ihre Rechte für sudo ohne Passwort wurden um 10:05 von einem Administrator beendet.');
    expect(endedNotice(snapshot({ user: 'sam', ended: passwordless }), 'UTC')?.text).toMatch(
      /^Your passwordless sudo rights were ended by an administrator at 10:05( AM)?\.$/,
    );
    // Elevate itself ended them (the policy's revokeAt: a screen lock), with its reason.
    const byAgent = { ...revoked, by: 'agent', reason: 'The screen was locked.' };
    expect(endedNotice(snapshot({ user: 'sam', ended: byAgent }), 'UTC')?.text).toMatch(
      /^Your administrator rights were ended by Elevate at 10:05( AM)?\.$/,
    );
  });
  it('is quiet for an expiry, the person’s own Stop now, and under a new grant', () => {
    expect(endedNotice(snapshot({ ended: { ...revoked, how: 'expired', by: 'agent' } }))).toBe(
      null,
    );
    expect(
      endedNotice(snapshot({ user: 'sam', ended: { ...revoked, how: 'released', by: 'sam' } })),
    ).toBe(null);
    expect(endedNotice(snapshot({ ended: revoked, grant: grant() }))).toBe(null);
  });
});
