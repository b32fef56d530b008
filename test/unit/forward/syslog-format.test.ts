import { describe, expect, it } from 'vitest';
import { formatSyslog, frame } from '../../../agent/forward/syslog-format.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';

describe('RFC 5424 formatting', () => {
  const event: AuditEvent = {
    id: 'e_1',
    at: '2026-11-24T10:00:00.000Z',
    type: 'auth.failed',
    user: 'sam "the] admin\\"',
    actor: 'sam',
    detail: { reason: 'wrong proof' },
  };

  it('puts the type in MSGID, escapes SD values and carries the whole event as JSON', () => {
    const msg = formatSyslog(event, { hostName: 'my host', appName: 'elevate-agent', procId: 42 });
    expect(msg).toBe(
      `<84>1 2026-11-24T10:00:00.000Z myhost elevate-agent 42 auth.failed [elevate@32473 id="e_1" user="sam \\"the\\] admin\\\\\\"" actor="sam"] \uFEFF${JSON.stringify(event)}`,
    );
  });

  it('sends rights the OS would not take away at severity err', () => {
    const failed: AuditEvent = { ...event, type: 'privilege.restore_failed', user: 'sam' };
    const msg = formatSyslog(failed, { hostName: 'h', appName: 'a', procId: 1 });
    expect(msg.startsWith('<83>1 ')).toBe(true);
    expect(msg).toContain(' privilege.restore_failed ');
  });

  it('frames by octet count (RFC 6587), counting UTF-8 bytes', () => {
    expect(frame('ü')).toBe('2 ü');
  });
});
