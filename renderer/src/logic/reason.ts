/** Checks a request's reason against the person's policy, with the sentence to show them. */
import type { EffectivePolicy } from '../../../agent/protocol/schemas.js';
import { en, type PopoverMessages } from '../i18n/en.js';

export type ReasonPolicy = Pick<
  EffectivePolicy,
  'requireReason' | 'reasonMinLength' | 'reasonMaxLength'
>;

export interface ReasonCheck {
  valid: boolean;
  /** Characters counted the way the agent counts them (trimmed). */
  length: number;
  /** "12 / 250" for the live counter. */
  counter: string;
  /** Why the reason cannot be sent yet; null when it can. */
  message: string | null;
}

export function checkReason(
  reason: string,
  policy: ReasonPolicy,
  t: PopoverMessages = en,
): ReasonCheck {
  const length = [...reason.trim()].length;
  const counter = `${length} / ${policy.reasonMaxLength}`;
  const fail = (message: string): ReasonCheck => ({ valid: false, length, counter, message });
  if (length > policy.reasonMaxLength) {
    return fail(t.form.tooLong(length - policy.reasonMaxLength, policy.reasonMaxLength));
  }
  if (policy.requireReason) {
    if (length === 0) return fail(t.form.say);
    if (length < policy.reasonMinLength) {
      const more = policy.reasonMinLength - length;
      return fail(t.form.more(policy.reasonMinLength, more));
    }
  }
  return { valid: true, length, counter, message: null };
}
