import type { EffectivePolicy } from '../protocol/schemas.js';

/**
 * Checks a reason against the person's policy before it is sent, so the refusal says exactly
 * what is needed. Returns the sentence to show, or null when the reason is acceptable.
 */
export function reasonProblem(reason: string | undefined, policy: EffectivePolicy): string | null {
  const text = reason?.trim() ?? '';
  if (policy.requireReason && text.length === 0) {
    return `A reason is required: add --reason "..." with at least ${Math.max(policy.reasonMinLength, 1)} characters saying what you need the rights for.`;
  }
  if (text.length > 0 && text.length < policy.reasonMinLength) {
    return `The reason must be at least ${policy.reasonMinLength} characters (yours has ${text.length}): say what you need the rights for.`;
  }
  if (text.length > policy.reasonMaxLength) {
    return `The reason can be at most ${policy.reasonMaxLength} characters (yours has ${text.length}).`;
  }
  return null;
}
