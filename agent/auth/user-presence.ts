/**
 * requireAuthentication: before a request is recorded, the person proves it is them, not just a
 * process that can read their cookie. Linux: polkit asks for their password (pkcheck on the
 * asking process). macOS: the tray's Touch ID / password prompt, bound to the paired app key by
 * signing a fresh single-use challenge from this agent. Windows: nothing in Electron can do
 * this (PLATFORMS.md 7), so such a policy refuses self-serve there with a sentence saying so.
 * Runs outside the core lock: a person typing a password must not stall everyone else.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AuditLog } from '../audit/audit-log.js';
import { runCommand } from '../backends/run-command.js';
import type { RequireAuthentication } from '../protocol/policy-additions.js';
import { agentError, agentMessages, type AgentMessages } from '../i18n/index.js';
import { ErrorCode } from '../protocol/errors.js';
import type { Os } from '../protocol/schemas.js';
import type { PeerCredentials } from '../server/peer-credentials.js';
import {
  POLKIT_REFUSAL,
  pkcheckArgs,
  pkcheckResult,
  procStartTime,
  type PolkitResult,
} from './polkit.js';

/** How long a person has to answer the password dialog. */
const PKCHECK_TIMEOUT_MS = 120_000;
const PRESENCE_CHALLENGE_MS = 60_000;

/** Why the person could not be confirmed: a key of the catalogue's `presence`, or the app's. */
type Refusal = keyof AgentMessages['presence'] | 'mustComeFromApp';

function say(m: AgentMessages, refusal: Refusal): string {
  return refusal === 'mustComeFromApp' ? m.mustComeFromApp : m.presence[refusal];
}

export interface PresenceProof {
  /** The challenge from auth.presenceChallenge, inside the app-key-signed params. */
  challenge: string;
  method: 'password' | 'biometric';
}

export interface PresenceCaller {
  user: string;
  /** Null on Windows (no POSIX uid): polkit does not apply there. */
  uid: number | null;
  peer: PeerCredentials | null;
  /** Open challenges of this connection (single use). */
  challenges: Map<string, number>;
  /** The request's params carried a valid signature from the user's paired app key. */
  signedByApp: boolean;
  proof: PresenceProof | undefined;
}

export class UserPresence {
  constructor(
    private readonly os: Os,
    private readonly audit: AuditLog,
    private readonly pkcheck = 'pkcheck',
  ) {}

  /** A fresh challenge for the tray to sign after its own prompt (macOS). */
  issue(challenges: Map<string, number>): string {
    const now = Date.now();
    for (const [c, t] of challenges) if (now - t > PRESENCE_CHALLENGE_MS) challenges.delete(c);
    const challenge = randomBytes(32).toString('base64');
    challenges.set(challenge, now);
    return challenge;
  }

  async confirm(required: RequireAuthentication, caller: PresenceCaller): Promise<void> {
    if (required === 'none') return;
    const failure =
      this.os === 'linux'
        ? await this.viaPolkit(caller)
        : this.os === 'darwin'
          ? this.viaApp(required, caller)
          : 'windows';
    if (!failure) return;
    await this.audit.append({
      type: 'auth.failed',
      user: caller.user,
      actor: caller.user,
      reason: say(agentMessages('en'), failure),
      detail: { reason: 'requireAuthentication', required, pid: caller.peer?.pid ?? null },
    });
    throw agentError(ErrorCode.Forbidden, (m) => say(m, failure), { authentication: required });
  }

  private async viaPolkit(caller: PresenceCaller): Promise<Refusal | null> {
    const peer = caller.peer;
    if (!peer || (peer.uid !== caller.uid && peer.uid !== 0)) return POLKIT_REFUSAL.error;
    const stat = await readFile(`/proc/${peer.pid}/stat`, 'utf8').catch(() => null);
    const start = stat ? procStartTime(stat) : null;
    if (!start) return POLKIT_REFUSAL.error;
    const r = await runCommand(
      this.pkcheck,
      pkcheckArgs(peer.pid, start, peer.uid),
      PKCHECK_TIMEOUT_MS,
    );
    const result: PolkitResult = r.failure && r.code === null ? 'error' : pkcheckResult(r.code);
    return result === 'authorized' ? null : POLKIT_REFUSAL[result];
  }

  private viaApp(required: RequireAuthentication, caller: PresenceCaller): Refusal | null {
    const p = caller.proof;
    const issued = p ? caller.challenges.get(p.challenge) : undefined;
    if (p) caller.challenges.delete(p.challenge);
    if (!p || issued === undefined || Date.now() - issued > PRESENCE_CHALLENGE_MS) {
      return 'touchIdFirst';
    }
    if (!caller.signedByApp) return 'mustComeFromApp';
    if (required === 'biometric' && p.method !== 'biometric') {
      return 'biometric';
    }
    return null;
  }
}
