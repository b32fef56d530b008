/**
 * revokeAt "lock" on Linux: the loginctl call and its output, against outputs recorded from a
 * real systemd-logind 252 (test/fixtures/linux, sources in each file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockedHintArgs, parseLockedHints } from '../../../../agent/revoke/logind-lock.js';
import { logindUserSessions } from '../../../../agent/revoke/login-sessions.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/linux');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

describe('logind LockedHint', () => {
  it('asks about every session of the person in one loginctl run', () => {
    const recorded = fixture('loginctl-show-session-locked.json');
    const ids = logindUserSessions(fixture('logind-user-file.json').content);
    expect(ids).toEqual(['7', '8']);
    expect(['loginctl', ...lockedHintArgs(ids)].join(' ')).toBe(recorded.command);
  });

  it('reads which sessions are locked', () => {
    const { stdout } = fixture('loginctl-show-session-locked.json');
    expect(parseLockedHints(stdout)).toEqual(
      new Map([
        ['7', false],
        ['8', true],
      ]),
    );
  });

  it('leaves out what loginctl did not print after a session that has gone', () => {
    const { stdout, code } = fixture('loginctl-show-session-gone.json');
    expect(code).toBe(1);
    // Session 8 (locked) came after the unknown 9: not reported, so neither locked nor unlocked.
    expect(parseLockedHints(stdout)).toEqual(new Map([['7', false]]));
  });

  it('ignores blocks without both properties', () => {
    expect(parseLockedHints('Id=3\n\nLockedHint=yes\n\n')).toEqual(new Map());
    expect(parseLockedHints('')).toEqual(new Map());
  });
});
