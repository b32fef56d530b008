/**
 * App-key pairing (PROTOCOL.md "App keys", docs/threat-model.md). Under policy pairing "tofu"
 * the first key to pair is trusted, as before. Under "confirm" a key waits until an admin
 * approves it by fingerprint (`elevatectl pair approve USER FINGERPRINT`), so a rogue process
 * of the user that pairs before the tray gets nothing. Every pairing records the process that
 * asked, as the kernel names it (/proc/PID/exe on Linux).
 */
import { createHash } from 'node:crypto';
import { readlink } from 'node:fs/promises';
import type { AuditLog } from '../audit/audit-log.js';
import type { SnapshotBuilder } from '../grants/snapshot-builder.js';
import { agentError } from '../i18n/index.js';
import { ErrorCode } from '../protocol/errors.js';
import type { Pairing } from '../protocol/schemas.js';
import type { PeerCredentials } from '../server/peer-credentials.js';
import type { StateStore } from '../store/state-store.js';
import { parseAppPublicKey } from './app-keys.js';

/** Keys waiting per user: a rogue process cannot push the real app's key out by pairing often. */
const MAX_PENDING = 4;

/** OpenSSH-style: "SHA256:" + unpadded base64 of the SHA-256 of the key's SPKI DER. */
export function keyFingerprint(publicKeyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest();
  return `SHA256:${digest.toString('base64').replace(/=+$/, '')}`;
}

/** The executable of `pid`, where the OS tells (Linux, read as root). */
export async function executableOf(pid: number | undefined): Promise<string | null> {
  if (!pid || process.platform !== 'linux') return null;
  return readlink(`/proc/${pid}/exe`).catch(() => null);
}

export interface PairingDeps {
  store: StateStore;
  audit: AuditLog;
  snapshots: SnapshotBuilder;
}

export class PairingService {
  constructor(private readonly d: PairingDeps) {}

  /** Call under the core lock. */
  async pair(
    user: string,
    publicKey: string,
    client: string | null,
    peer: PeerCredentials | null,
  ): Promise<{ pending?: boolean; fingerprint?: string }> {
    if (!parseAppPublicKey(publicKey)) {
      throw agentError(ErrorCode.InvalidParams, (m) => m.pair.badKey);
    }
    const u = this.d.store.user(user);
    if (u.pairedKey === publicKey) {
      throw agentError(ErrorCode.Conflict, (m) => m.pair.samePaired, { sameKey: true });
    }
    if (u.pairedKey) {
      throw agentError(ErrorCode.Conflict, (m) => m.pair.otherPaired, { sameKey: false });
    }
    const fingerprint = keyFingerprint(publicKey);
    const who = { client, pid: peer?.pid ?? null, exe: await executableOf(peer?.pid) };
    const { pairing } = await this.d.snapshots.policyFor(user);
    if (pairing === 'confirm') {
      const pending = (u.pendingKeys ?? []).filter((k) => k.publicKey !== publicKey);
      pending.push({ publicKey, fingerprint, at: new Date().toISOString(), ...who });
      await this.d.audit.append({
        type: 'auth.pair_requested',
        user,
        actor: user,
        detail: { fingerprint, ...who },
      });
      u.pendingKeys = pending.slice(-MAX_PENDING);
      await this.d.store.save();
      return { pending: true, fingerprint };
    }
    await this.d.audit.append({
      type: 'auth.paired',
      user,
      actor: user,
      detail: { fingerprint, ...who },
    });
    u.pairedKey = publicKey;
    u.pendingKeys = [];
    this.d.store.bump(u);
    await this.d.store.save();
    return { fingerprint };
  }

  /** Call under the core lock. */
  async approve(admin: string, user: string, fingerprint: string): Promise<void> {
    const u = this.d.store.peek(user);
    if (u?.pairedKey) {
      throw agentError(ErrorCode.Conflict, (m) => m.pair.userHasKey(user));
    }
    const key = u?.pendingKeys?.find((k) => k.fingerprint === fingerprint);
    if (!u || !key) {
      throw agentError(ErrorCode.NotFound, (m) => m.pair.noneWaiting(fingerprint, user));
    }
    await this.d.audit.append({
      type: 'auth.paired',
      user,
      actor: admin,
      detail: { fingerprint, client: key.client, pid: key.pid, exe: key.exe, approved: true },
    });
    u.pairedKey = key.publicKey;
    u.pendingKeys = [];
    this.d.store.bump(u);
    await this.d.store.save();
  }

  list(user?: string): Pairing[] {
    const names = user ? [user] : this.d.store.users();
    return names.flatMap((name) => {
      const u = this.d.store.peek(name);
      if (!u || (!u.pairedKey && !u.pendingKeys?.length)) return user ? [empty(name)] : [];
      return [
        {
          user: name,
          fingerprint: u.pairedKey ? keyFingerprint(u.pairedKey) : null,
          pending: (u.pendingKeys ?? []).map(({ publicKey: _k, ...rest }) => rest),
        },
      ];
    });
  }
}

function empty(user: string): Pairing {
  return { user, fingerprint: null, pending: [] };
}
