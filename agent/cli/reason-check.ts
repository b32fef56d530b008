import type { EffectivePolicy } from '../protocol/schemas.js';
import { t } from './locale.js';

/**
 * Checks a reason against the person's policy before it is sent, so the refusal says exactly
 * what is needed. Returns the sentence to show, or null when the reason is acceptable.
 */
export function reasonProblem(reason: string | undefined, policy: EffectivePolicy): string | null {
  const text = reason?.trim() ?? '';
  if (policy.requireReason && text.length === 0) {
    return t.reason.required(Math.max(policy.reasonMinLength, 1));
  }
  if (text.length > 0 && text.length < policy.reasonMinLength) {
    return t.reason.tooShort(policy.reasonMinLength, text.length);
  }
  if (text.length > policy.reasonMaxLength) {
    return t.reason.tooLong(policy.reasonMaxLength, text.length);
  }
  return null;
}
