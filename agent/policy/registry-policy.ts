/**
 * Policy from Group Policy or Intune (ADMX ingestion): values under
 * HKLM\SOFTWARE\Policies\Elevate (packaging/windows/policy/elevate.admx), one per policy
 * setting, named like the setting with a capital first letter ("SelfServe", "MaxDurationSec",
 * "WindowsLogoffAtEnd"). They win over the JSON file: each replaces that setting in the file's
 * defaults and in every rule. Read with `reg query` (agent/backends/win32/plans.ts).
 */
import { runCommand } from '../backends/run-command.js';
import { parseRegQuery, type RegistryValue } from '../backends/win32/parsers.js';
import { POLICY_KEY, policyRegistryPlan } from '../backends/win32/plans.js';
import type { PolicyMessages } from '../i18n/policy-en.js';
import { policyIssues } from './policy-issue.js';
import { PolicySettingsSchema, type PolicyFile, type PolicySettings } from './policy-schema.js';

export type RegistryPolicyResult =
  { ok: true; settings: Partial<PolicySettings> } | { ok: false; message: string };

const SHAPE = PolicySettingsSchema.shape;
type SettingName = keyof typeof SHAPE;

/**
 * Turns `reg query` values into settings, checked by the same schema as the JSON file; the
 * message is in `m`'s language.
 */
export function registrySettings(
  values: readonly RegistryValue[],
  m: PolicyMessages,
): RegistryPolicyResult {
  const raw: Record<string, unknown> = {};
  for (const v of values) {
    const name = v.name.charAt(0).toLowerCase() + v.name.slice(1);
    if (!(name in SHAPE)) {
      return { ok: false, message: m.registry.unknownValue(`${POLICY_KEY}\\${v.name}`) };
    }
    raw[name] = registryData(v, name as SettingName);
  }
  const parsed = PolicySettingsSchema.partial().strict().safeParse(raw, policyIssues(m));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const value = field.charAt(0).toUpperCase() + field.slice(1);
    return {
      ok: false,
      message: m.registry.valueInvalid(`${POLICY_KEY}\\${value}`, issue?.message ?? ''),
    };
  }
  return { ok: true, settings: parsed.data };
}

/** REG_DWORD "0x1" → 1 (or true for a yes/no setting); REG_MULTI_SZ "a\0b" → ["a", "b"]. */
function registryData(v: RegistryValue, name: SettingName): unknown {
  if (v.type === 'REG_DWORD' || v.type === 'REG_QWORD') {
    const n = Number.parseInt(v.data, 16);
    return typeof BOOLEAN_SETTINGS[name] === 'boolean' ? n !== 0 : n;
  }
  if (v.type === 'REG_MULTI_SZ') {
    const items = v.data.split('\\0').filter((s) => s.length > 0);
    return NUMBER_LISTS.has(name) ? items.map(Number) : items;
  }
  return v.data;
}

const BOOLEAN_SETTINGS: Partial<Record<SettingName, boolean>> = Object.fromEntries(
  Object.entries(SHAPE)
    .filter(([, s]) => s.safeParse(true).success)
    .map(([k]) => [k, true]),
);
const NUMBER_LISTS = new Set<string>(
  Object.entries(SHAPE)
    .filter(([, s]) => s.safeParse([1]).success && !s.safeParse(['x']).success)
    .map(([k]) => k),
);

/** The file with the registry's settings winning over its defaults and rules. */
export function withRegistry(file: PolicyFile, settings: Partial<PolicySettings>): PolicyFile {
  const names = Object.keys(settings);
  if (names.length === 0) return file;
  const rules = file.rules?.map((r) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !names.includes(k))),
  ) as PolicyFile['rules'];
  return {
    ...file,
    defaults: { ...file.defaults, ...settings },
    ...(rules ? { rules } : {}),
  };
}

/** Reads the key; a missing key (reg exits 1, nothing on stdout) is no settings. */
export async function readRegistryPolicy(m: PolicyMessages): Promise<RegistryPolicyResult> {
  const plan = policyRegistryPlan();
  const result = await runCommand(plan.file, plan.args, 10_000);
  if (result.code === 0) return registrySettings(parseRegQuery(result.stdout), m);
  if (result.code === 1 && result.stdout.trim() === '') return { ok: true, settings: {} };
  return {
    ok: false,
    message: m.registry.unreadable(POLICY_KEY, result.failure ?? result.stderr.trim()),
  };
}
