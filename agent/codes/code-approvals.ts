/**
 * Approval codes on the device: gives each request that waits for approval a request code,
 * and approves it when the person types back a valid approval code. Wrong codes are counted
 * per request (then the request is cancelled) and per day (then codes stop for that person),
 * so guessing stays hopeless (docs/approval-codes.md). Callers hold the core lock.
 */
import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log.js';
import type { RequestService } from '../grants/request-service.js';
import type { PolicyHolder } from '../policy/policy-holder.js';
import { ErrorCode, RpcError } from '../protocol/errors.js';
import type { GrantLevel } from '../protocol/schemas.js';
import type { Clock } from '../scheduler/clock.js';
import type { StoredRequest } from '../store/agent-state.js';
import type { StateStore } from '../store/state-store.js';
import {
  NONCE_BITS,
  formatRequestCode,
  verifyApprovalCode,
  type CodeVerdict,
  type DeviceKey,
} from './approval-code.js';
import { groupForReading } from './code-alphabet.js';
import { readDeviceKeyFile } from './key-files.js';
import type { ApprovalCodesPolicy } from './policy-schema.js';

const DAY_MS = 24 * 3600_000;
/** Wrong codes per person per day across all their requests: bounds guessing by new requests. */
export const DAILY_WRONG_CODES = 15;

export interface CodeApprovalsDeps {
  policies: PolicyHolder;
  store: StateStore;
  audit: AuditLog;
  requests: RequestService;
  clock: Clock;
  /** This computer's id; null where the OS gives none (codes are then off). */
  deviceId: string | null;
  log: (msg: string) => void;
}

interface CodesOn {
  settings: ApprovalCodesPolicy;
  key: DeviceKey;
  deviceId: string;
}

export class CodeApprovals {
  constructor(private readonly d: CodeApprovalsDeps) {}

  get deviceId(): string | null {
    return this.d.deviceId;
  }

  /** The request code for a pending request, grouped for reading aloud; null when none. */
  requestCode(r: Pick<StoredRequest, 'state' | 'level' | 'codeNonce'>): string | null {
    if (r.state !== 'pending' || !r.codeNonce || !this.d.policies.policy.approvalCodes) return null;
    return groupForReading(
      formatRequestCode({ level: r.level, nonce: BigInt('0x' + r.codeNonce) }),
    );
  }

  /** A fresh request code nonce (hex) for a request that waits for approval; null when off. */
  issueNonce(): string | null {
    if (!this.tryEnabled()) return null;
    const bytes = randomBytes(8);
    const nonce = BigInt('0x' + bytes.toString('hex')) & ((1n << BigInt(NONCE_BITS)) - 1n);
    return nonce.toString(16);
  }

  /** Details the forwarded `request.created` carries, so a help desk sees the code first. */
  createdDetail(level: GrantLevel, nonce: string | null): Record<string, string> {
    if (!nonce || !this.d.deviceId) return {};
    const code = this.requestCode({ state: 'pending', level, codeNonce: nonce });
    return code ? { requestCode: code, deviceId: this.d.deviceId } : {};
  }

  async redeem(user: string, typed: string): Promise<void> {
    const on = this.enabled();
    const u = this.d.store.user(user);
    const r = u.requests.find((x) => x.state === 'pending');
    if (!r) {
      throw new RpcError(
        ErrorCode.NotFound,
        'You have no request waiting for approval: ask for rights first, then read the request code to your help desk.',
      );
    }
    if (!r.codeNonce) {
      throw new RpcError(
        ErrorCode.Conflict,
        'This request was made before approval codes were turned on: cancel it and ask again to get a request code.',
      );
    }
    const now = this.d.clock.wall();
    const failures = (u.codeFailures ?? []).filter((t) => now - t < DAY_MS);
    if (failures.length >= DAILY_WRONG_CODES) {
      const again = new Date((failures[0] as number) + DAY_MS);
      throw new RpcError(
        ErrorCode.RateLimited,
        `Too many wrong approval codes in a day: codes work for you again after ${again.toISOString()}; until then an administrator can approve your request.`,
      );
    }
    const verdict = verifyApprovalCode(typed, {
      deviceKey: on.key.key,
      deviceId: on.deviceId,
      user,
      request: { level: r.level, nonce: BigInt('0x' + r.codeNonce) },
      nowMs: now,
      validitySec: on.settings.validitySec,
    });
    if (verdict.ok) {
      await this.d.requests.approve(`code:${on.key.keyName}`, r.id, verdict.durationSec, null);
      return;
    }
    // Codes that passed the MAC came from the approver (expired, other level): not guesses.
    const guess =
      verdict.problem === 'mismatch' || verdict.problem === 'typo' || verdict.problem === 'length';
    if (guess) {
      r.codeTries = (r.codeTries ?? 0) + 1;
      u.codeFailures = [...failures, now];
    }
    const triesLeft = Math.max(0, on.settings.maxTries - (r.codeTries ?? 0));
    await this.d.audit.append({
      type: 'request.code_rejected',
      user,
      level: r.level,
      requestId: r.id,
      actor: user,
      detail: { problem: verdict.problem, triesLeft },
    });
    if (guess && triesLeft === 0) {
      await this.d.requests.withdraw(
        r.id,
        'agent',
        'Too many wrong approval codes: make a new request and call your help desk again.',
      );
      throw new RpcError(
        ErrorCode.Forbidden,
        'That approval code is wrong and it was the last try, so your request is cancelled: make a new request and call your help desk again.',
      );
    }
    this.d.store.bump(u);
    await this.d.store.save();
    throw new RpcError(ErrorCode.Forbidden, refusal(verdict, triesLeft, on.settings.validitySec));
  }

  private tryEnabled(): CodesOn | null {
    try {
      return this.enabled();
    } catch (err) {
      this.d.log(`approval codes are off: ${(err as Error).message}`);
      return null;
    }
  }

  private enabled(): CodesOn {
    const settings = this.d.policies.policy.approvalCodes;
    if (!settings) {
      throw new RpcError(
        ErrorCode.Forbidden,
        'Approval codes are not turned on for this computer: wait for an administrator to approve your request.',
      );
    }
    if (!this.d.deviceId) {
      throw new RpcError(
        ErrorCode.Forbidden,
        'Approval codes cannot work here because this computer has no machine id: wait for an administrator to approve your request.',
      );
    }
    try {
      return { settings, key: readDeviceKeyFile(settings.keyFile), deviceId: this.d.deviceId };
    } catch (err) {
      this.d.log(`approval codes: ${(err as Error).message}`);
      throw new RpcError(
        ErrorCode.Forbidden,
        "Approval codes are not set up correctly on this computer (its key file cannot be used): ask your help desk to check Elevate's approval-code key.",
      );
    }
  }
}

function refusal(
  v: Exclude<CodeVerdict, { ok: true }>,
  triesLeft: number,
  validitySec: number,
): string {
  const tries = `${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left`;
  switch (v.problem) {
    case 'typo':
      return `That approval code has a typo (its last character does not match): read it back to the help desk and type it again; ${tries}.`;
    case 'length':
      return `An approval code has 10 characters, like ABCDE-FGHJK: check it and type it again; ${tries}.`;
    case 'mismatch':
      return `That approval code is not for this request, person or computer: check the request code and device id you read out, and ask the help desk again; ${tries}.`;
    case 'level':
      return `That approval code is for ${levelWords(v.level)}, but you asked for ${levelWords(v.level === 'admin' ? 'passwordless' : 'admin')}: ask the help desk for a code for what you asked.`;
    case 'expired':
      return `That approval code has expired (codes work for ${Math.round(validitySec / 60)} minutes after they are made): ask the help desk for a new one.`;
    case 'future':
      return "That approval code was made for a time ahead of this computer's clock: check the date and time here, then ask the help desk for a new code.";
  }
}

function levelWords(level: GrantLevel): string {
  return level === 'passwordless' ? 'passwordless sudo' : 'administrator rights';
}
