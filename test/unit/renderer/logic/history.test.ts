import { describe, expect, it } from 'vitest';
import {
  commandsLabel,
  groupSessions,
  sessionEndLabel,
} from '../../../../renderer/src/logic/history.js';
import { event } from './fixtures.js';

describe('groupSessions', () => {
  // Newest first, as history.list returns them.
  const events = [
    event('privilege.granted', '2026-11-24T12:00:00.000Z', {
      grantId: 'g3',
      level: 'passwordless',
      actor: 'sam',
    }),
    event('privilege.restored', '2026-11-24T11:10:01.000Z', { grantId: 'g2' }),
    event('privilege.expired', '2026-11-24T11:10:00.000Z', { grantId: 'g2', actor: 'agent' }),
    event('privilege.used', '2026-11-24T11:05:00.000Z', { grantId: 'g2', actor: 'sam' }),
    event('privilege.used', '2026-11-24T11:04:00.000Z', { grantId: 'g2', actor: 'sam' }),
    event('privilege.extended', '2026-11-24T11:03:00.000Z', { grantId: 'g2' }),
    event('privilege.granted', '2026-11-24T11:00:00.000Z', {
      grantId: 'g2',
      level: 'admin',
      reason: 'build',
    }),
    event('request.created', '2026-11-24T10:59:00.000Z', { requestId: 'r1' }),
    event('privilege.released', '2026-11-24T10:05:00.000Z', { grantId: 'g1', actor: 'sam' }),
    event('privilege.granted', '2026-11-24T10:00:00.000Z', { grantId: 'g1', level: 'admin' }),
    // Its start fell outside the fetched window: left out, not shown with a made-up start.
    event('privilege.revoked', '2026-11-24T09:00:00.000Z', { grantId: 'g0' }),
  ];

  it('makes one session per grant, newest first, with how each ended', () => {
    const sessions = groupSessions(events, 'g3');
    expect(sessions.map((s) => [s.grantId, s.level, s.endedBy])).toEqual([
      ['g3', 'passwordless', 'active'],
      ['g2', 'admin', 'expired'],
      ['g1', 'admin', 'released'],
    ]);
    const g2 = sessions[1]!;
    expect(g2).toMatchObject({
      start: '2026-11-24T11:00:00.000Z',
      end: '2026-11-24T11:10:00.000Z',
      grantedBy: 'root',
      reason: 'build',
      extensions: 1,
      commands: 2,
    });
  });

  it('does not call a session active once it is no longer the current grant', () => {
    expect(groupSessions(events, null)[0]!.endedBy).toBe('unknown');
  });

  it('keeps only the most recent sessions', () => {
    expect(groupSessions(events, null, 2)).toHaveLength(2);
  });

  it('labels endings and sudo use for people', () => {
    expect(sessionEndLabel({ endedBy: 'released' })).toBe('Stopped early');
    expect(sessionEndLabel({ endedBy: 'revoked' })).toBe('Ended by an administrator');
    expect(commandsLabel(0)).toBeNull();
    expect(commandsLabel(1)).toBe('1 command run with sudo');
    expect(commandsLabel(4)).toBe('4 commands run with sudo');
  });
});
