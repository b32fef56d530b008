/**
 * revokeAt "lock" on Linux without the tray: logind's LockedHint for each of the person's
 * sessions (org.freedesktop.login1(5): a session's screen locker sets it through
 * SetLockedHint; GNOME and KDE Plasma do, see docs/policy-additions.md for which others do).
 * Plan and parser are pure; the outputs are loginctl(1)'s, recorded from systemd 252 in
 * test/fixtures/linux/.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from '../backends/run-command.js';
import { logindUserSessions } from './login-sessions.js';

/** A person with several sessions is asked about all of them in one loginctl run. */
export function lockedHintArgs(sessionIds: readonly string[]): string[] {
  return ['show-session', '--no-pager', '-p', 'Id', '-p', 'LockedHint', ...sessionIds];
}

/**
 * `loginctl show-session A B -p Id -p LockedHint` prints one `KEY=VALUE` block per session,
 * blank line between. It stops at the first session logind no longer knows (exit 1, "No
 * session 'X' known" on stderr), so the sessions after it are missing: they are asked again
 * on the next check, never taken as unlocked or locked.
 */
export function parseLockedHints(stdout: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const block of stdout.split(/\n\s*\n/)) {
    const vars = new Map<string, string>();
    for (const line of block.split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) vars.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
    }
    const id = vars.get('Id');
    const hint = vars.get('LockedHint');
    if (id && (hint === 'yes' || hint === 'no')) out.set(id, hint === 'yes');
  }
  return out;
}

/** Runs loginctl for one person's sessions; null where logind does not run or cannot say. */
export async function readLockedHints(
  root: string,
  uid: number,
  loginctl = 'loginctl',
): Promise<Map<string, boolean> | null> {
  const booted = await stat(join(root, 'run/systemd/system')).then(
    () => true,
    () => false,
  );
  if (!booted) return null;
  const text = await readFile(join(root, 'run/systemd/users', String(uid)), 'utf8').catch(() => '');
  const ids = logindUserSessions(text);
  if (ids.length === 0) return new Map();
  const r = await runCommand(loginctl, lockedHintArgs(ids), LOGINCTL_TIMEOUT_MS);
  if (r.failure) return null;
  return parseLockedHints(r.stdout);
}

/** loginctl answers from logind's memory; more than this means logind is stuck. */
const LOGINCTL_TIMEOUT_MS = 5_000;
