/**
 * The checks a new request passes before anything is recorded, in the order a person is told
 * about them: who may ask, for what level and how long, with which reason, and how often.
 */
import { ErrorCode, RpcError } from '../protocol/errors.js';
import { LEVEL_RANK, type GrantLevel, type Level } from '../protocol/schemas.js';
import type { PolicySettings } from '../policy/policy-schema.js';
import type { UserState } from '../store/agent-state.js';
import type { CreateRequestInput } from './request-service.js';

const HOUR_MS = 3600_000;

/** Refuses a request the policy or the person's state does not allow; returns what to record. */
export function checkNewRequest(
  policy: PolicySettings,
  u: UserState,
  input: CreateRequestInput,
  signedByApp: boolean,
  /** The person's permanent level (read only for an elevate request). */
  permanent: Level,
): { level: GrantLevel; reason: string | null } {
  if (policy.requireSignedRequests && !signedByApp) {
    throw new RpcError(ErrorCode.Forbidden, 'This request must come from the Elevate app.');
  }
  if (!policy.selfServe && !policy.approvalRequired) {
    throw new RpcError(ErrorCode.Forbidden, 'Your policy does not allow requesting admin rights.');
  }
  const level = input.kind === 'extend' ? u.grant?.level : (input.level ?? policy.levels[0]);
  if (input.kind === 'extend' && !u.grant) {
    throw new RpcError(ErrorCode.NotFound, 'You have no active admin rights to extend.');
  }
  if (!level || (input.kind === 'elevate' && !policy.levels.includes(level))) {
    throw new RpcError(
      ErrorCode.Forbidden,
      `Your policy does not allow ${levelName(input.level ?? 'admin')} rights.`,
    );
  }
  checkDuration(policy, input.durationSec);
  const reason = checkReason(policy, input.reason);
  if (u.requests.some((r) => r.state === 'pending')) {
    throw new RpcError(ErrorCode.Conflict, 'You already have a request waiting for approval.');
  }
  if (input.kind === 'elevate') {
    if (LEVEL_RANK[level] <= LEVEL_RANK[permanent]) {
      throw new RpcError(
        ErrorCode.Conflict,
        `You already have ${levelName(level)} rights permanently.`,
      );
    }
    if (u.grant && LEVEL_RANK[u.grant.level] >= LEVEL_RANK[level]) {
      throw new RpcError(
        ErrorCode.Conflict,
        'You already have these rights; ask for more time instead.',
      );
    }
  } else if (u.grant && u.grant.extensionsUsed >= policy.maxExtensions) {
    throw new RpcError(
      ErrorCode.Forbidden,
      `You have used all ${policy.maxExtensions} extensions your policy allows.`,
    );
  }
  return { level, reason };
}

/** Counts the request against maxRequestsPerHour, or refuses it with when to try again. */
export function takeRateSlot(policy: PolicySettings, u: UserState, now: number): void {
  u.requestTimes = u.requestTimes.filter((t) => now - t < HOUR_MS);
  if (u.requestTimes.length >= policy.maxRequestsPerHour) {
    // The oldest request in the window leaves it first: that is when one more is allowed.
    const retryAt = new Date(Math.min(...u.requestTimes) + HOUR_MS).toISOString();
    throw new RpcError(
      ErrorCode.RateLimited,
      `Too many requests: your policy allows ${policy.maxRequestsPerHour} an hour.`,
      { retryAt },
    );
  }
  u.requestTimes.push(now);
}

function levelName(level: GrantLevel): string {
  return level === 'passwordless' ? 'passwordless sudo' : 'administrator';
}

function checkDuration(policy: PolicySettings, durationSec: number): void {
  if (policy.durationsSec.includes(durationSec) || durationSec <= policy.maxDurationSec) return;
  throw new RpcError(
    ErrorCode.Forbidden,
    `Your policy allows at most ${Math.round(policy.maxDurationSec / 60)} minutes at a time.`,
  );
}

function checkReason(policy: PolicySettings, reason: string | undefined): string | null {
  const text = reason?.trim() ?? '';
  if (policy.reasonPresetsOnly && !policy.reasonPresets.includes(text)) {
    throw new RpcError(
      ErrorCode.InvalidParams,
      `reason must be one of your policy's choices: ${policy.reasonPresets.map((p) => `"${p}"`).join(', ')}.`,
    );
  }
  if (text.length > policy.reasonMaxLength) {
    throw new RpcError(
      ErrorCode.InvalidParams,
      `reason must be at most ${policy.reasonMaxLength} characters.`,
    );
  }
  if (policy.requireReason && text.length < Math.max(1, policy.reasonMinLength)) {
    throw new RpcError(
      ErrorCode.InvalidParams,
      `reason must be at least ${Math.max(1, policy.reasonMinLength)} characters: say what you need the rights for.`,
    );
  }
  return text || null;
}
