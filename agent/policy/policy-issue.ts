/**
 * A policy's problems in the language of the catalogue that reads it: zod's own sentence for a
 * failed check (which names the allowed values or bounds), or, for the schema's own checks, the
 * catalogue's sentence named by the `say` param they carry instead of an English message.
 */
import type * as z from 'zod';
import type { PolicyCheck, PolicyMessages } from '../i18n/policy-en.js';

/** The error map to parse a policy with, so every issue's message is in `m`'s language. */
export function policyIssues(m: PolicyMessages): { error: (iss: z.core.$ZodRawIssue) => string } {
  return {
    error: (iss) => {
      const params =
        iss.code === 'custom' ? (iss.params as Partial<SaysParams> | undefined) : undefined;
      const say = params?.say;
      if (typeof say !== 'string' || !(say in m.check)) return m.issue(iss);
      const sentence = m.check[say];
      return typeof sentence === 'function' ? sentence(params?.value ?? '') : sentence;
    },
  };
}

interface SaysParams {
  say: PolicyCheck;
  value?: string;
}

/** A schema check's params: its sentence is the catalogue's `check[say]`, given `value`. */
export const says = (say: PolicyCheck, value?: string): { params: SaysParams } => ({
  params: value === undefined ? { say } : { say, value },
});
