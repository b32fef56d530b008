/**
 * `elevatectl policy check FILE`, offline. FILE is the JSON policy, or the macOS managed form:
 * a managed-preferences .plist (read with plutil) or a configuration profile (.mobileconfig).
 * Where an MDM's settings win over the file (Windows registry, macOS managed preferences),
 * those are checked too, together with the file.
 */
import { readFile } from 'node:fs/promises';
import {
  readManagedPreferencesFile,
  readPlistFile,
} from '../backends/darwin/managed-preferences.js';
import { profileSettings } from '../backends/darwin/mobileconfig.js';
import { managedPreferencesPath } from '../backends/darwin/plans.js';
import { approvalKeyProblems } from '../codes/key-files.js';
import { sinkFileProblems } from '../forward/check-sinks.js';
import type { PolicyMessages } from '../i18n/policy-en.js';
import {
  managedSettings,
  withManaged,
  type ManagedPolicyResult,
} from '../policy/managed-policy.js';
import { readPolicyFile, type PolicyParseResult } from '../policy/policy-file.js';
import { EMPTY_POLICY } from '../policy/policy-schema.js';
import { readRegistryPolicy } from '../policy/registry-policy.js';
import { parsePlistXml } from '../shared/plist-xml.js';
import { ExitCode } from './exit-codes.js';
import { t } from './locale.js';
import type { Command } from './program.js';

export function policyCheck(spec: Command['spec']): Command {
  return {
    spec,
    ...t.help.elevatectl['policy check'],
    async run(args, ctx) {
      const file = args.positionals[0] as string;
      const m = t.ctl.policy.problems;
      const result = await readAnyForm(file, m);
      const problems = result.ok
        ? [
            // The schema cannot see files: a sink's secret or CA file must exist and be safe.
            ...sinkFileProblems(result.policy.forward ?? [], m),
            ...approvalKeyProblems(result.policy.approvalCodes?.keyFile, m),
          ]
        : [result.message];
      if (problems.length) {
        if (ctx.json) ctx.io.out(JSON.stringify({ ok: false, file, message: problems.join(' ') }));
        else for (const p of problems) ctx.io.err(`${ctx.program}: ${file}: ${p}`);
        return ExitCode.Error;
      }
      const policy = result.ok ? result.policy : EMPTY_POLICY;
      const rules = policy.rules?.length ?? 0;
      ctx.print({ ok: true, file, policy }, () => t.ctl.policy.valid(file, rules));
      return ExitCode.Ok;
    },
  };
}

/** The policy FILE gives, with what an MDM pushed here; problems in `m`'s words. */
async function readAnyForm(file: string, m: PolicyMessages): Promise<PolicyParseResult> {
  if (/\.plist$/i.test(file)) {
    const plist = await readPlistFile(file, m);
    return merged(plist.ok ? managedSettings(plist.value, m) : plist, file, m);
  }
  if (/\.mobileconfig$/i.test(file)) return merged(await profileForm(file, m), file, m);
  const json = await readPolicyFile(file, m);
  if (!json.ok) return json;
  // The settings an MDM pushed on this computer win over the file: check them with it.
  const managed =
    process.platform === 'win32'
      ? { label: m.registry.label, result: await readRegistryPolicy(m) }
      : process.platform === 'darwin'
        ? {
            label: managedPreferencesPath('/'),
            result: await readManagedPreferencesFile(managedPreferencesPath('/'), m),
          }
        : null;
  if (!managed) return json;
  if (!managed.result.ok) return managed.result;
  return withManaged(json.policy, managed.result, managed.label, m);
}

function merged(result: ManagedPolicyResult, file: string, m: PolicyMessages): PolicyParseResult {
  return result.ok ? withManaged(EMPTY_POLICY, result, file, m) : result;
}

async function profileForm(file: string, m: PolicyMessages): Promise<ManagedPolicyResult> {
  let profile;
  try {
    profile = parsePlistXml(await readFile(file, 'utf8'));
  } catch (err) {
    return {
      ok: false,
      message: t.ctl.policy.notProfile((err as Error).message),
    };
  }
  const found = profileSettings(profile);
  if (found.length === 0) return { ok: false, message: t.ctl.policy.noSettings };
  let all: ManagedPolicyResult = { ok: true, settings: {} };
  for (const settings of found) {
    const one = managedSettings(settings, m);
    if (!one.ok) return one;
    // A later payload for the same domain wins, as when macOS merges the profile's payloads.
    all = { ...all, ...one, settings: { ...(all.ok ? all.settings : {}), ...one.settings } };
  }
  return all;
}
