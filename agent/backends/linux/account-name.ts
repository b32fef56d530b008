/**
 * Which account names the Linux backend will write into sudoers, and the drop-in file name
 * for each. The name ends up both in a path and in a sudoers rule, so it is checked here once.
 */
import { osError } from '../backend.js';

/**
 * POSIX portable user names (letters, digits, '.', '_', '-'; not starting with '-'), further
 * limited to not start with '.' so "." and ".." are never names. 128 characters keeps the
 * drop-in file name well inside the 255-byte file name limit.
 */
const PORTABLE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/**
 * sudoers reads an all-capitals word as an alias name (and "ALL" as everyone), so a user
 * named like that could not be written as a plain rule without changing its meaning.
 */
const SUDOERS_ALIAS_LIKE = /^[A-Z][A-Z0-9_]*$/;

export function isValidAccountName(user: string): boolean {
  return PORTABLE_NAME.test(user) && !SUDOERS_ALIAS_LIKE.test(user);
}

export function checkAccountName(user: string): void {
  if (!PORTABLE_NAME.test(user)) {
    const name = printable(user);
    throw osError((m) => m.linux.badUserName(name));
  }
  if (SUDOERS_ALIAS_LIKE.test(user)) {
    throw osError((m) => m.linux.aliasLikeName(user));
  }
}

/**
 * The drop-in's file name. sudo skips files in sudoers.d whose name contains '.' or ends in
 * '~', so '.' must not appear; '_' is the escape character ("__" for '_', "_2e" for '.') so
 * that two different users can never share a file (a.b and a_b stay apart).
 */
export function dropInFileName(user: string): string {
  checkAccountName(user);
  return `elevate-${user.replace(/_/g, '__').replace(/\./g, '_2e')}`;
}

function printable(s: string): string {
  const shown = s.length > 64 ? `${s.slice(0, 64)}…` : s;
  return shown.replace(/[^\x20-\x7e]/g, '?');
}
