/**
 * zod's own sentences for a failed check, in one of its languages (zod ships German, French and
 * dozens more), so an invalid-params refusal is in the client's language down to its reason.
 */
import type * as z from 'zod';

export type IssueSentence = (issue: z.core.$ZodRawIssue) => string;

export function zodSays(locale: { localeError: z.core.$ZodErrorMap }): IssueSentence {
  return (issue) => {
    const said = locale.localeError(issue);
    return (typeof said === 'string' ? said : said?.message) ?? issue.message ?? issue.code;
  };
}
