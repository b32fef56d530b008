/**
 * Resolves account names to uid/gid/home and group memberships, from ROOT/etc/passwd and
 * ROOT/etc/group (ROOT is the backend's prefix), falling back to NSS (`getent`) for the real
 * root so directory-service accounts work too.
 */
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DirectoryLookups } from './directory-lookups.js';

export interface Account {
  /** The canonical name: grants, pairings and audit records are keyed by it. */
  name: string;
  /** POSIX uid and primary gid; null on Windows, where a person is a SID. */
  uid: number | null;
  gid: number | null;
  /** Windows: the account's SID (S-1-5-21-… local or domain, S-1-12-1-… Entra ID). */
  sid?: string;
  /** Home or profile folder ("" when Windows has no profile for the account yet). */
  home: string;
}

/** One person's key for per-person files (the cookie directory): the uid, or the SID. */
export function accountId(account: Account): string {
  return account.sid ?? String(account.uid);
}

export interface UserDirectory {
  lookup(name: string): Promise<Account | null>;
  /** POSIX only (a peer's uid from the kernel); null on Windows. */
  lookupUid(uid: number): Promise<Account | null>;
  groupsOf(account: Account): Promise<string[]>;
  /** How the OS compares account and group names in policy rules (Windows: without case). */
  nameKey?(name: string): string;
  /** Where one account has several names (Windows), the one its records are kept under. */
  canonicalName?(name: string): Promise<string>;
}

const ACCOUNT_NAME = /^[a-zA-Z0-9_.][a-zA-Z0-9_.@-]{0,255}\$?$/;

export class EtcUserDirectory implements UserDirectory {
  /** The parsed file, reused while it is unchanged: a flood of hellos costs a stat each. */
  private passwdCache: { key: string; accounts: Account[] } | null = null;
  /** Keys are names or, all digits, uids (as getent reads them). */
  private readonly nss = new DirectoryLookups<Account>(getentPasswd);

  constructor(private readonly root = '/') {}

  async lookup(name: string): Promise<Account | null> {
    if (!ACCOUNT_NAME.test(name)) return null;
    const fromFile = (await this.passwd()).find((a) => a.name === name);
    if (fromFile) return fromFile;
    // getent would read an all-digit name as a uid.
    return this.root === '/' && !/^\d+$/.test(name) ? this.nss.get(name) : null;
  }

  async lookupUid(uid: number): Promise<Account | null> {
    const fromFile = (await this.passwd()).find((a) => a.uid === uid);
    if (fromFile) return fromFile;
    return this.root === '/' ? this.nss.get(String(uid)) : null;
  }

  async groupsOf(account: Account): Promise<string[]> {
    const text = await readFile(join(this.root, 'etc/group'), 'utf8').catch(() => '');
    const groups: string[] = [];
    for (const line of text.split('\n')) {
      const [name, , gid, members] = line.split(':');
      if (!name) continue;
      if (Number(gid) === account.gid || (members ?? '').split(',').includes(account.name)) {
        groups.push(name);
      }
    }
    return groups;
  }

  private async passwd(): Promise<Account[]> {
    const path = join(this.root, 'etc/passwd');
    const st = await stat(path).catch(() => null);
    const key = st ? `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}` : '';
    if (this.passwdCache?.key === key) return this.passwdCache.accounts;
    const text = await readFile(path, 'utf8').catch(() => '');
    const accounts = text.split('\n').flatMap((line) => {
      const a = parsePasswdLine(line);
      return a ? [a] : [];
    });
    this.passwdCache = { key, accounts };
    return accounts;
  }
}

function parsePasswdLine(line: string): Account | null {
  const f = line.split(':');
  if (f.length < 7 || !f[0]) return null;
  const uid = Number(f[2]);
  const gid = Number(f[3]);
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) return null;
  return { name: f[0], uid, gid, home: f[5] ?? '/' };
}

/** One `getent passwd KEY...` for several keys; it exits 2 when some are unknown. */
function getentPasswd(keys: string[]): Promise<Map<string, Account>> {
  return new Promise((resolve) => {
    execFile('getent', ['passwd', ...keys], { timeout: 5000 }, (err, stdout) => {
      const found = new Map<string, Account>();
      if (err && typeof err.code !== 'number') return resolve(found); // not run, or timed out
      for (const line of stdout.split('\n')) {
        const a = parsePasswdLine(line.trim());
        if (!a) continue;
        for (const key of [a.name, String(a.uid)]) if (keys.includes(key)) found.set(key, a);
      }
      resolve(found);
    });
  });
}
