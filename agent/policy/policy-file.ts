import { readFile } from 'node:fs/promises';
import type * as z from 'zod';
import { PolicyFileSchema, type PolicyFile } from './policy-schema.js';

export type PolicyParseResult = { ok: true; policy: PolicyFile } | { ok: false; message: string };

/** Validates policy text; the message names the field and the reason. */
export function parsePolicyText(text: string): PolicyParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `The policy is not valid JSON: ${(err as Error).message}.` };
  }
  const parsed = PolicyFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: describeIssue(parsed.error) };
  return { ok: true, policy: parsed.data };
}

export async function readPolicyFile(path: string): Promise<PolicyParseResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return {
      ok: false,
      message: `Cannot read the policy file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`,
    };
  }
  return parsePolicyText(text);
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The policy is not valid.';
  const field = issue.path.length ? issue.path.join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const at = issue.path.length ? `${field}.` : '';
    return `Policy field ${at}${issue.keys.join(', ')} is not a known field (a typo would weaken the policy).`;
  }
  return `Policy field ${field} is invalid: ${issue.message}.`;
}
