import { readFile } from 'node:fs/promises';
import type * as z from 'zod';
import type { PolicyMessages } from '../i18n/policy-en.js';
import { policyIssues } from './policy-issue.js';
import { PolicyFileSchema, type PolicyFile } from './policy-schema.js';

export type PolicyParseResult = { ok: true; policy: PolicyFile } | { ok: false; message: string };

/** Validates policy text; the message, in `m`'s language, names the field and the reason. */
export function parsePolicyText(text: string, m: PolicyMessages): PolicyParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: m.file.notJson((err as Error).message) };
  }
  const parsed = PolicyFileSchema.safeParse(raw, policyIssues(m));
  if (!parsed.success) return { ok: false, message: describeIssue(parsed.error, m) };
  return { ok: true, policy: parsed.data };
}

export async function readPolicyFile(path: string, m: PolicyMessages): Promise<PolicyParseResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return { ok: false, message: m.file.unreadable(path, code) };
  }
  return parsePolicyText(text, m);
}

function describeIssue(error: z.ZodError, m: PolicyMessages): string {
  const issue = error.issues[0];
  if (!issue) return m.file.invalid;
  const field = issue.path.length ? issue.path.join('.') : m.file.topLevel;
  if (issue.code === 'unrecognized_keys') {
    const at = issue.path.length ? `${field}.` : '';
    return m.file.unknownField(`${at}${issue.keys.join(', ')}`);
  }
  return m.file.fieldInvalid(field, issue.message);
}
