/**
 * Policy pushed by an MDM as key/value settings (macOS managed preferences; the Windows
 * registry has its own reader, registry-policy.ts): policy settings by their policy.json names,
 * plus the `approvalCodes` and `forward` blocks. They win over the JSON file: each setting
 * replaces that setting in the file's defaults and in every rule; a block replaces the file's.
 */
import { ApprovalCodesPolicySchema } from '../codes/policy-schema.js';
import { ForwardPolicySchema } from '../forward/policy-schema.js';
import type { PolicyMessages } from '../i18n/policy-en.js';
import { policyIssues } from './policy-issue.js';
import { withRegistry } from './registry-policy.js';
import {
  PolicyFileSchema,
  PolicySettingsSchema,
  type PolicyFile,
  type PolicySettings,
} from './policy-schema.js';

export interface ManagedPolicy {
  settings: Partial<PolicySettings>;
  forward?: PolicyFile['forward'];
  approvalCodes?: PolicyFile['approvalCodes'];
}

export type ManagedPolicyResult = ({ ok: true } & ManagedPolicy) | { ok: false; message: string };

/** Where managed settings come from, for the agent's log ("the registry", a plist's path). */
export interface ManagedPolicySource {
  label(m: PolicyMessages): string;
  read(m: PolicyMessages): Promise<ManagedPolicyResult>;
}

const ManagedSchema = PolicySettingsSchema.partial()
  .extend({
    approvalCodes: ApprovalCodesPolicySchema.optional(),
    forward: ForwardPolicySchema.optional(),
  })
  .strict();

/**
 * Checks a managed-preferences dict; the message, in `m`'s language, names the key (after
 * `where`). Keys starting with "Payload" describe a configuration profile's payload, never a
 * setting, and are left out wherever a profile tool copies them.
 */
export function managedSettings(
  value: unknown,
  m: PolicyMessages,
  where = '',
): ManagedPolicyResult {
  const at = where ? `${where}: ` : '';
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: m.managed.notDictionary(at) };
  const raw = Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('Payload')));
  const parsed = ManagedSchema.safeParse(raw, policyIssues(m));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys')
      return { ok: false, message: m.managed.unknownKey(at, issue.keys.join(', ')) };
    const key = issue?.path.join('.') ?? '';
    return { ok: false, message: m.managed.keyInvalid(at, key, issue?.message ?? '') };
  }
  const { approvalCodes, forward, ...settings } = parsed.data;
  return {
    ok: true,
    settings,
    ...(approvalCodes && { approvalCodes }),
    ...(forward && { forward }),
  };
}

/** The file with the managed settings winning; refused when the two do not fit together. */
export function withManaged(
  file: PolicyFile,
  managed: ManagedPolicy,
  where: string,
  m: PolicyMessages,
): { ok: true; policy: PolicyFile } | { ok: false; message: string } {
  const merged: PolicyFile = {
    ...withRegistry(file, managed.settings),
    ...(managed.forward && { forward: managed.forward }),
    ...(managed.approvalCodes && { approvalCodes: managed.approvalCodes }),
  };
  const checked = PolicyFileSchema.safeParse(merged, policyIssues(m));
  if (checked.success) return { ok: true, policy: checked.data };
  const issue = checked.error.issues[0];
  return {
    ok: false,
    message: m.managed.misfit(where, issue?.path.join('.') ?? '', issue?.message ?? ''),
  };
}
