import { describe, expect, it } from 'vitest';
import { endedNotice } from '../../../../renderer/src/logic/grant-ended.js';
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
    expect(notice?.text).toMatch(/^Administrator rights ended by alice at 10:05( AM)?\.$/);
    expect(notice?.reason).toBe('Laptop handed back to IT');
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
