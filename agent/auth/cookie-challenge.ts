/**
 * The file-cookie challenge (PROTOCOL.md, as in D-Bus's DBUS_COOKIE_SHA1): a fresh random cookie
 * in a file only the account (and root) can read, proved with HMAC-SHA256 over a nonce.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, chown, lstat, mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { accountId, type Account } from '../users/user-directory.js';

export const CHALLENGE_TTL_MS = 30_000;

export interface Challenge {
  account: Account;
  path: string;
  nonce: Buffer;
  cookie: Buffer;
  expiresAtMono: number;
}

/**
 * Restricts a cookie directory where modes mean nothing (Windows ACLs); rejects if it cannot,
 * and then no cookie is written there.
 */
export type DirGuard = (dir: string, account: Account, created: boolean) => Promise<void>;

export class CookieChallenges {
  private readonly authDir: string;
  private readonly agentUid = process.getuid?.() ?? 0;
  /** dir + account already restricted by the guard in this run. */
  private readonly guarded = new Set<string>();

  constructor(
    stateDir: string,
    private readonly guard: DirGuard | null = null,
  ) {
    this.authDir = join(stateDir, 'auth');
  }

  async init(): Promise<void> {
    await mkdir(this.authDir, { recursive: true, mode: 0o711 });
    await chmod(this.authDir, 0o711);
  }

  /** Creates the cookie file for `account`; rejects if the agent cannot make it theirs alone. */
  async create(account: Account): Promise<Challenge> {
    if (this.agentUid !== 0 && account.uid !== null && account.uid !== this.agentUid) {
      throw new Error('An unprivileged agent can only authenticate its own account.');
    }
    // Windows: the SID, which a reused name never gets.
    const dir = join(this.authDir, accountId(account));
    await this.ensureUserDir(dir, account);
    const cookie = randomBytes(32);
    const path = join(dir, randomBytes(16).toString('hex'));
    const fh = await open(
      path,
      constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW | constants.O_WRONLY,
      0o600,
    );
    try {
      if (this.agentUid === 0 && account.uid !== null) {
        await fh.chown(account.uid, account.gid ?? -1);
      }
      await fh.write(cookie);
    } finally {
      await fh.close();
    }
    return {
      account,
      path,
      nonce: randomBytes(32),
      cookie,
      expiresAtMono: performance.now() + CHALLENGE_TTL_MS,
    };
  }

  /** Checks a proof; the cookie file is deleted whatever the outcome (single use). */
  async verify(challenge: Challenge, proofHex: string): Promise<boolean> {
    await unlink(challenge.path).catch(() => undefined);
    if (performance.now() > challenge.expiresAtMono) return false;
    if (!/^[0-9a-f]{64}$/i.test(proofHex)) return false;
    const expected = createHmac('sha256', challenge.cookie).update(challenge.nonce).digest();
    return timingSafeEqual(expected, Buffer.from(proofHex, 'hex'));
  }

  async discard(challenge: Challenge): Promise<void> {
    await unlink(challenge.path).catch(() => undefined);
  }

  /** Concurrent hellos for one account race here, so creation tolerates EEXIST. */
  private async ensureUserDir(dir: string, account: Account): Promise<void> {
    let created = true;
    try {
      await mkdir(dir, { mode: 0o700 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      created = false;
    }
    // Only the agent can create entries in the root-owned auth dir, so this is ours.
    const st = await lstat(dir);
    if (!st.isDirectory()) throw new Error(`${dir} is not a directory.`);
    const { uid, gid } = account;
    if (this.agentUid === 0 && uid !== null && (st.uid !== uid || st.gid !== gid)) {
      // A uid reused for another account must not inherit the old one's directory.
      await chown(dir, uid, gid ?? -1);
    }
    if ((st.mode & 0o777) !== 0o700) await chmod(dir, 0o700);
    const key = `${dir}\0${account.name}`;
    if (this.guard && !this.guarded.has(key)) {
      await this.guard(dir, account, created);
      this.guarded.add(key);
    }
  }
}
