/**
 * Finds whether sudoers rules outside Elevate's own drop-in give a user full sudo, with or
 * without a password. Deliberately a line-based reading, not a sudoers parser:
 * - files read: ROOT/etc/sudoers and the files of ROOT/etc/sudoers.d that sudo itself reads
 *   (names without '.' and not ending in '~'); @include/#include lines are not followed;
 * - comments, Defaults lines and *_Alias definitions are skipped, and alias names in a rule
 *   match nobody, so a user granted only through a User_Alias is not seen;
 * - the host part is ignored (every rule is taken to apply on this host), and only the first
 *   "host = commands" part of a line is read;
 * - a rule counts when one of its commands is ALL and it may run as root (no Runas list,
 *   or one naming ALL or root); NOPASSWD/PASSWD tags carry over to later commands as in sudo.
 * Under-reading errs towards "none", which only means a grant is allowed where a permanent
 * right already exists; it never removes anything.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Level } from '../../protocol/schemas.js';

export interface RuleSubject {
  user: string;
  uid: number | null;
  /** Names and ids of every group the user is in (primary and supplementary). */
  groups: { name: string; gid: number }[];
}

/** sudo skips these names in an included directory; so does this reading. */
export function sudoReadsName(fileName: string): boolean {
  return !fileName.includes('.') && !fileName.endsWith('~');
}

/** Logical lines: backslash-newline continuations joined, comments and blanks dropped. */
export function logicalLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/\\\r?\n/g, ' ').split('\n')) {
    const line = stripComment(raw).trim();
    if (line) out.push(line);
  }
  return out;
}

/** '#' starts a comment unless it is a uid/gid ("#1000", "%#1000") or an #include directive. */
function stripComment(line: string): string {
  if (/^\s*#include(dir)?\s/.test(line)) return '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] === '#' && !/\d/.test(line[i + 1] ?? '')) return line.slice(0, i);
  }
  return line;
}

const SKIPPED_LINE = /^(Defaults\b|(User|Runas|Host|Cmnd|Cmd)_Alias\b|@include)/;

/** The best full-sudo level one logical line gives the subject. */
export function levelFromLine(line: string, subject: RuleSubject): Level {
  if (SKIPPED_LINE.test(line)) return 'none';
  const m = /^((?:[^\s,]+\s*,\s*)*[^\s,]+)\s+[^=]+?=\s*(.*)$/.exec(line);
  if (!m) return 'none';
  const [, userList = '', commands = ''] = m;
  if (!userListMatches(userList, subject)) return 'none';
  return levelFromCommands(commands);
}

function userListMatches(list: string, subject: RuleSubject): boolean {
  // Later items win and '!' negates, as in sudo's own list matching.
  let matched = false;
  for (const rawItem of list.split(',')) {
    let item = rawItem.trim();
    let negated = false;
    while (item.startsWith('!')) {
      negated = !negated;
      item = item.slice(1).trim();
    }
    if (itemMatches(item.replace(/^"(.*)"$/, '$1'), subject)) matched = !negated;
  }
  return matched;
}

function itemMatches(item: string, s: RuleSubject): boolean {
  if (item === 'ALL' || item === s.user) return true;
  if (item.startsWith('%#')) return s.groups.some((g) => String(g.gid) === item.slice(2));
  if (item.startsWith('%:')) return false;
  if (item.startsWith('%')) return s.groups.some((g) => g.name === item.slice(1));
  if (item.startsWith('#')) return s.uid !== null && String(s.uid) === item.slice(1);
  return false;
}

function levelFromCommands(commands: string): Level {
  let best: Level = 'none';
  let nopasswd = false;
  let asRoot = true;
  for (const spec of commands.split(',')) {
    let rest = spec.trim();
    const runas = /^\(([^)]*)\)\s*/.exec(rest);
    if (runas) {
      const users = (runas[1] ?? '').split(':')[0] ?? '';
      const names = users.split(',').map((u) => u.trim());
      asRoot = users.trim() !== '' && names.some((u) => u === 'ALL' || u === 'root' || u === '#0');
      rest = rest.slice(runas[0].length);
    }
    // Options (ROLE=, TIMEOUT=, NOTAFTER=…) and tags (NOPASSWD:, SETENV:…) in any order.
    for (;;) {
      const option = /^[A-Z_]+=\S+\s*/.exec(rest);
      const tag = /^([A-Z_]+):\s*/.exec(rest);
      if (tag) {
        if (tag[1] === 'NOPASSWD') nopasswd = true;
        if (tag[1] === 'PASSWD') nopasswd = false;
        rest = rest.slice(tag[0].length);
      } else if (option) {
        rest = rest.slice(option[0].length);
      } else {
        break;
      }
    }
    if (rest.trim() === 'ALL' && asRoot) {
      if (nopasswd) return 'passwordless';
      best = 'admin';
    }
  }
  return best;
}

/**
 * The highest full-sudo level that ROOT/etc/sudoers and ROOT/etc/sudoers.d (except the file
 * named `ownFile`) give the subject. Unreadable files count as giving nothing.
 */
export async function sudoersLevel(
  root: string,
  subject: RuleSubject,
  ownFile: string,
): Promise<Level> {
  const dir = join(root, 'etc/sudoers.d');
  const names = await readdir(dir).catch(() => [] as string[]);
  const paths = [join(root, 'etc/sudoers')].concat(
    names.filter((n) => sudoReadsName(n) && n !== ownFile).map((n) => join(dir, n)),
  );
  const texts = await Promise.all(paths.map((p) => readFile(p, 'utf8').catch(() => '')));
  let best: Level = 'none';
  for (const text of texts) {
    for (const line of logicalLines(text)) {
      const level = levelFromLine(line, subject);
      if (level === 'passwordless') return level;
      if (level === 'admin') best = 'admin';
    }
  }
  return best;
}
