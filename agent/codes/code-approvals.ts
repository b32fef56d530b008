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
import { en } from '../i18n/en.js';
import { agentError, logMessages, type AgentMessages } from '../i18n/index.js';
import { moment } from '../i18n/times.js';
import { ErrorCode } from '../protocol/errors.js';
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
      throw agentError(ErrorCode.NotFound, (m) => m.code.noRequest);
    }
    if (!r.codeNonce) {
      throw agentError(ErrorCode.Conflict, (m) => m.code.tooOld);
    }
    const now = this.d.clock.wall();
    const failures = (u.codeFailures ?? []).filter((t) => now - t < DAY_MS);
    if (failures.length >= DAILY_WRONG_CODES) {
      const again = new Date((failures[0] as number) + DAY_MS).toISOString();
      throw agentError(
        ErrorCode.RateLimited,
        (m, place) => m.code.tooManyToday(moment(again, place, now)),
        { retryAt: again },
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
      await this.d.requests.withdraw(r.id, 'agent', en.recorded.tooManyCodes);
      throw agentError(ErrorCode.Forbidden, (m) => m.code.lastTry);
    }
    this.d.store.bump(u);
    await this.d.store.save();
    const validitySec = on.settings.validitySec;
    throw agentError(ErrorCode.Forbidden, (m) => refusal(m, verdict, triesLeft, validitySec));
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
      throw agentError(ErrorCode.Forbidden, (m) => m.code.off);
    }
    if (!this.d.deviceId) {
      throw agentError(ErrorCode.Forbidden, (m) => m.code.noMachineId);
    }
    try {
      const key = readDeviceKeyFile(settings.keyFile, logMessages.policy);
      return { settings, key, deviceId: this.d.deviceId };
    } catch (err) {
      this.d.log(`approval codes: ${(err as Error).message}`);
      throw agentError(ErrorCode.Forbidden, (m) => m.code.badKey);
    }
  }
}

function refusal(
  m: AgentMessages,
  v: Exclude<CodeVerdict, { ok: true }>,
  triesLeft: number,
  validitySec: number,
): string {
  switch (v.problem) {
    case 'typo':
      return m.code.typo(triesLeft);
    case 'length':
      return m.code.length(triesLeft);
    case 'mismatch':
      return m.code.mismatch(triesLeft);
    case 'level':
      return m.code.level(v.level, v.level === 'admin' ? 'passwordless' : 'admin');
    case 'expired':
      return m.code.expired(Math.round(validitySec / 60));
    case 'future':
      return m.code.future;
  }
}
