/**
 * The checks a new request passes before anything is recorded, in the order a person is told
 * about them: who may ask, for what level and how long, with which reason, and how often.
 */
import { agentError } from '../i18n/index.js';
import { ErrorCode } from '../protocol/errors.js';
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
    throw agentError(ErrorCode.Forbidden, (m) => m.mustComeFromApp);
  }
  if (!policy.selfServe && !policy.approvalRequired) {
    throw agentError(ErrorCode.Forbidden, (m) => m.requestsNotAllowed);
  }
  const level = input.kind === 'extend' ? u.grant?.level : (input.level ?? policy.levels[0]);
  if (input.kind === 'extend' && !u.grant) {
    throw agentError(ErrorCode.NotFound, (m) => m.nothingToExtend);
  }
  if (!level || (input.kind === 'elevate' && !policy.levels.includes(level))) {
    throw agentError(ErrorCode.Forbidden, (m) => m.levelNotAllowed(input.level ?? 'admin'));
  }
  checkDuration(policy, input.durationSec);
  const reason = checkReason(policy, input.reason);
  if (u.requests.some((r) => r.state === 'pending')) {
    throw agentError(ErrorCode.Conflict, (m) => m.alreadyWaiting);
  }
  if (input.kind === 'elevate') {
    if (LEVEL_RANK[level] <= LEVEL_RANK[permanent]) {
      throw agentError(ErrorCode.Conflict, (m) => m.youHavePermanently(level));
    }
    if (u.grant && LEVEL_RANK[u.grant.level] >= LEVEL_RANK[level]) {
      throw agentError(ErrorCode.Conflict, (m) => m.alreadyHaveThese);
    }
  } else if (u.grant && u.grant.extensionsUsed >= policy.maxExtensions) {
    throw agentError(ErrorCode.Forbidden, (m) => m.extensionsUsed(policy.maxExtensions));
  }
  return { level, reason };
}

/** Counts the request against maxRequestsPerHour, or refuses it with when to try again. */
export function takeRateSlot(policy: PolicySettings, u: UserState, now: number): void {
  u.requestTimes = u.requestTimes.filter((t) => now - t < HOUR_MS);
  if (u.requestTimes.length >= policy.maxRequestsPerHour) {
    // The oldest request in the window leaves it first: that is when one more is allowed.
    const retryAt = new Date(Math.min(...u.requestTimes) + HOUR_MS).toISOString();
    throw agentError(ErrorCode.RateLimited, (m) => m.tooManyRequests(policy.maxRequestsPerHour), {
      retryAt,
    });
  }
  u.requestTimes.push(now);
}

function checkDuration(policy: PolicySettings, durationSec: number): void {
  if (policy.durationsSec.includes(durationSec) || durationSec <= policy.maxDurationSec) return;
  throw agentError(ErrorCode.Forbidden, (m) => m.tooLong(Math.round(policy.maxDurationSec / 60)));
}

function checkReason(policy: PolicySettings, reason: string | undefined): string | null {
  const text = reason?.trim() ?? '';
  if (policy.reasonPresetsOnly && !policy.reasonPresets.includes(text)) {
    const choices = policy.reasonPresets.map((p) => `"${p}"`).join(', ');
    throw agentError(ErrorCode.InvalidParams, (m) => m.reasonPreset(choices));
  }
  if (text.length > policy.reasonMaxLength) {
    throw agentError(ErrorCode.InvalidParams, (m) => m.reasonTooLong(policy.reasonMaxLength));
  }
  if (policy.requireReason && text.length < Math.max(1, policy.reasonMinLength)) {
    const min = Math.max(1, policy.reasonMinLength);
    throw agentError(ErrorCode.InvalidParams, (m) => m.reasonTooShort(min));
  }
  return text || null;
}
