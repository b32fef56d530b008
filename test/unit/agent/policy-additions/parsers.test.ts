/**
 * The pure parts of issue 13's policy fields against real formats: utmp records written by
 * util-linux's utmpdump (the same struct login(1) writes), logind's per-user state file (as
 * user_save() in systemd src/login/logind-user.c writes it), /proc/PID/stat, pkcheck(1)'s
 * exit codes, and elevated time counted from audit events.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  pkcheckArgs,
  pkcheckResult,
  procStartTime,
  POLKIT_ACTION,
} from '../../../../agent/auth/polkit.js';
import { ElevatedTime } from '../../../../agent/caps/elevated-time.js';
import type { AuditEvent } from '../../../../agent/protocol/schemas.js';
import { parseLogindUser, parseUtmp } from '../../../../agent/revoke/login-sessions.js';

describe('utmp', () => {
  it('reads the records utmpdump writes', () => {
    // utmpdump's own text format (util-linux), turned into binary records by utmpdump -r.
    const text = [
      '[2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0               ] [0.0.0.0        ] [2026-11-30T08:00:00,000000+00:00]',
      '[7] [23705] [/0  ] [sam     ] [pts/0       ] [                    ] [0.0.0.0        ] [2026-11-30T18:37:12,021781+00:00]',
      '[8] [23710] [/1  ] [kim     ] [pts/1       ] [                    ] [0.0.0.0        ] [2026-11-30T18:38:00,000000+00:00]',
    ].join('\n');
    const bin = execFileSync('utmpdump', ['-r'], { input: text + '\n', stdio: 'pipe' });
    expect(bin.length).toBe(3 * 384);
    expect(parseUtmp(bin)).toEqual([
      { type: 2, pid: 0, line: '~', user: 'reboot' },
      { type: 7, pid: 23705, line: 'pts/0', user: 'sam' },
      { type: 8, pid: 23710, line: 'pts/1', user: 'kim' },
    ]);
  });
});

describe('logind user file', () => {
  it('counts online sessions, and falls back to SESSIONS on older systemd', () => {
    const v252 = `# This is private data. Do not parse.
NAME=sam
STATE=active
STOPPING=no
RUNTIME=/run/user/1000
SERVICE=user@1000.service
SLICE=user-1000.slice
DISPLAY=2
REALTIME=1732960000000000
MONOTONIC=12000000
LAST_SESSION_TIMESTAMP=12000000
SESSIONS=2 5
SEATS=seat0
ACTIVE_SESSIONS=2
ONLINE_SESSIONS=2 5
ACTIVE_SEATS=seat0
ONLINE_SEATS=seat0
`;
    expect(parseLogindUser(v252)).toBe(2);
    expect(parseLogindUser(v252.replace('ONLINE_SESSIONS=2 5', 'ONLINE_SESSIONS='))).toBe(0);
    expect(parseLogindUser('NAME=kim\nSTATE=closing\nSESSIONS=7\n')).toBe(1);
  });
});

describe('polkit', () => {
  it('pins the process by pid, start time and uid', () => {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const start = procStartTime(stat);
    expect(start).toMatch(/^\d+$/);
    // A command name with spaces and parentheses does not shift the fields.
    expect(procStartTime(stat.replace(/\(.*\)/, '(evil) 1 2 (x)'))).toBe(start);
    expect(pkcheckArgs(42, start!, 1000)).toEqual([
      '--allow-user-interaction',
      '--process',
      `42,${start},1000`,
      '--action-id',
      POLKIT_ACTION,
    ]);
  });

  it("maps pkcheck's exit codes", () => {
    expect([0, 1, 2, 3, 127, null].map(pkcheckResult)).toEqual([
      'authorized',
      'not-authorized',
      'no-agent',
      'dismissed',
      'error',
      'error',
    ]);
  });

  it('refuses on what the real pkcheck says when polkit is unreachable (exit 126 here)', () => {
    let code = 0;
    try {
      execFileSync('pkcheck', ['--process', String(process.pid), '--action-id', POLKIT_ACTION], {
        stdio: 'pipe',
        env: { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/nonexistent' },
      });
    } catch (err) {
      code = (err as { status: number }).status;
    }
    // pkcheck 122: "Error getting authority: ... Could not connect", exit 126.
    expect(code).toBe(126);
    expect(pkcheckResult(code)).toBe('error');
  });
});

describe('elevated time', () => {
  const t0 = Date.parse('2026-11-30T10:00:00.000Z');
  const at = (sec: number) => new Date(t0 + sec * 1000).toISOString();
  let n = 0;
  const ev = (type: AuditEvent['type'], sec: number, detail?: object): AuditEvent => ({
    id: `e${n++}`,
    at: at(sec),
    type,
    user: 'sam',
    grantId: 'g1',
    actor: 'sam',
    ...(detail ? { detail: detail as Record<string, unknown> } : {}),
  });

  it('counts what was used when given back early, and an active grant to its deadline', () => {
    const t = new ElevatedTime();
    t.ingest(ev('privilege.granted', 0, { expiresAt: at(600) }));
    expect(t.usedSec('sam', t0 + 60_000, 86_400_000)).toBe(600);
    t.ingest(ev('privilege.extended', 100, { from: at(600), to: at(1200) }));
    expect(t.remainingSec('sam', t0 + 200_000)).toBe(1000);
    t.ingest(ev('privilege.released', 300));
    expect(t.usedSec('sam', t0 + 400_000, 86_400_000)).toBe(300);
    expect(t.remainingSec('sam', t0 + 400_000)).toBe(0);
  });

  it('says how much is left and when more becomes available', () => {
    const t = new ElevatedTime();
    t.ingest(ev('privilege.granted', 0, { expiresAt: at(600) }));
    t.ingest(ev('privilege.expired', 600));
    const now = t0 + 3600_000;
    expect(
      t.allowance('sam', { maxElevatedSecPerDay: 900, maxElevatedSecPerWeek: null }, now),
    ).toEqual({
      leftSec: 300,
      usedDaySec: 600,
      usedWeekSec: 600,
      moreAt: '2026-12-01T10:00:00.000Z',
    });
    // A day later only the week counts it.
    const later = t0 + 86_400_000 + 600_000;
    expect(
      t.allowance('sam', { maxElevatedSecPerDay: 900, maxElevatedSecPerWeek: 1000 }, later),
    ).toMatchObject({ leftSec: 400, usedDaySec: 0, usedWeekSec: 600 });
    expect(
      t.allowance('sam', { maxElevatedSecPerDay: null, maxElevatedSecPerWeek: null }, now),
    ).toBeNull();
  });
});
