import { describe, expect, it } from 'vitest';
import { formatDuration, slackText } from '../../../agent/forward/slack-message.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';

const base = {
  id: 'e_1',
  at: '2026-11-24T10:00:00.000Z',
  user: 'sam',
  level: 'admin' as const,
  grantId: 'g_1',
};
const text = (e: Partial<AuditEvent> & Pick<AuditEvent, 'type' | 'actor'>): string =>
  slackText({ ...base, ...e }, 'HOST');

describe('slackText', () => {
  it('says who got which rights, for how long, why and from whom', () => {
    expect(
      text({
        type: 'privilege.granted',
        actor: 'root',
        reason: 'install BBEdit',
        detail: { durationSec: 1800, source: 'admin' },
      }),
    ).toBe('sam got administrator rights for 30 min on HOST: install BBEdit (granted by root)');
    expect(
      text({
        type: 'privilege.granted',
        actor: 'policy',
        level: 'passwordless',
        detail: { durationSec: 5400, source: 'self-serve' },
      }),
    ).toBe('sam got passwordless administrator rights for 1 h 30 min on HOST (self-serve)');
    expect(
      text({
        type: 'privilege.granted',
        actor: 'alice',
        detail: { expiresAt: '2026-11-24T11:00:00.000Z', source: 'approval' },
      }),
    ).toBe('sam got administrator rights for 1 h on HOST (approved by alice)');
  });

  it('has a sentence for every event type', () => {
    expect(
      text({
        type: 'privilege.extended',
        actor: 'sam',
        reason: 'build still running',
        detail: { addedSec: 900 },
      }),
    ).toBe(
      "sam's administrator rights on HOST were extended by 15 min: build still running (by sam)",
    );
    expect(text({ type: 'privilege.released', actor: 'sam' })).toBe(
      'sam gave back administrator rights on HOST before the end',
    );
    expect(text({ type: 'privilege.expired', actor: 'agent' })).toBe(
      "sam's administrator rights on HOST ended on time",
    );
    expect(text({ type: 'privilege.revoked', actor: 'root', reason: 'left the team' })).toBe(
      "root took away sam's administrator rights on HOST: left the team",
    );
    expect(text({ type: 'privilege.restored', actor: 'agent', level: 'none' })).toBe(
      "sam's previous rights on HOST are back in place (no administrator rights)",
    );
    expect(
      text({
        type: 'privilege.restore_failed',
        actor: 'agent',
        detail: { error: 'gpasswd could not remove sam from group sudo.' },
      }),
    ).toBe(
      "sam's administrator rights on HOST could not be fully removed, the agent keeps trying: gpasswd could not remove sam from group sudo.",
    );
    expect(
      text({
        type: 'privilege.used',
        actor: 'sam',
        detail: { command: 'ls /root', runAs: 'root', cwd: '/home/sam' },
      }),
    ).toBe('sam ran `ls /root` with sudo on HOST (as root, in /home/sam)');
    expect(
      text({
        type: 'request.created',
        actor: 'sam',
        reason: 'need it',
        detail: { kind: 'extend', durationSec: 600 },
      }),
    ).toBe('sam asked for 10 min more of administrator rights on HOST: need it');
    // With approval codes on, the help desk sees the code before the phone rings.
    expect(
      text({
        type: 'request.created',
        actor: 'sam',
        detail: { kind: 'elevate', durationSec: 1800, requestCode: 'K7QF-2M9X', deviceId: 'd1' },
      }),
    ).toBe(
      'sam asked for administrator rights for 30 min on HOST (request code K7QF-2M9X, device d1)',
    );
    expect(
      text({
        type: 'request.code_rejected',
        actor: 'sam',
        detail: { problem: 'mismatch', triesLeft: 2 },
      }),
    ).toBe("A wrong approval code was entered for sam's request on HOST (mismatch; 2 tries left)");
    expect(text({ type: 'request.approved', actor: 'root' })).toBe(
      "root approved sam's request for administrator rights on HOST",
    );
    expect(text({ type: 'request.denied', actor: 'root', reason: 'not today' })).toBe(
      "root denied sam's request for administrator rights on HOST: not today",
    );
    expect(text({ type: 'request.cancelled', actor: 'sam' })).toBe(
      'sam cancelled their request for administrator rights on HOST',
    );
    expect(text({ type: 'auth.failed', actor: 'sam' })).toBe(
      'A connection failed to authenticate as sam to the Elevate agent on HOST',
    );
    expect(text({ type: 'auth.paired', actor: 'sam' })).toBe('sam paired the Elevate app on HOST');
    expect(text({ type: 'drift.detected', actor: 'agent', detail: { added: 'eve to sudo' } })).toBe(
      "Admin rights changed on HOST during sam's session: added eve to sudo",
    );
    expect(
      text({ type: 'clock.jumped', actor: 'agent', user: null, detail: { deltaMs: -7_200_000 } }),
    ).toBe('The clock on HOST jumped by 2 h; deadlines still hold');
    expect(text({ type: 'agent.started', actor: 'agent', user: null })).toBe(
      'The Elevate agent started on HOST',
    );
  });

  it('escapes Slack markup so that a reason cannot mention @channel or forge a link', () => {
    expect(
      text({ type: 'privilege.revoked', actor: 'root', reason: '<!channel> & <http://x|y>' }),
    ).toBe(
      "root took away sam's administrator rights on HOST: &lt;!channel&gt; &amp; &lt;http://x|y&gt;",
    );
  });

  it('formats durations for people', () => {
    expect([45, 600, 3600, 5400, 86_400, 97_200].map(formatDuration)).toEqual([
      '45 s',
      '10 min',
      '1 h',
      '1 h 30 min',
      '1 d',
      '1 d 3 h',
    ]);
  });
});

describe('slackText for drop reports', () => {
  it('says how many events a sink lost and why', () => {
    const e = {
      ...base,
      type: 'forward.dropped',
      actor: 'agent',
      user: null,
      detail: { sink: 'siem', count: 16, reason: 'overflow' },
    };
    expect(slackText(e as unknown as AuditEvent, 'HOST')).toBe(
      '16 audit events for "siem" were dropped on HOST (overflow)',
    );
  });
});
