/**
 * Policy from a configuration profile (docs/mdm-macos.md): macOS writes the profile's forced
 * settings for com.elevate.agent to /Library/Managed Preferences/com.elevate.agent.plist,
 * root-owned. The agent reads it with plutil as XML and checks it like the JSON file; the
 * settings win over /Library/Application Support/Elevate/policy.json (managed-policy.ts).
 */
import { watch } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { PolicyMessages } from '../../i18n/policy-en.js';
import { parsePlistXml } from '../../shared/plist-xml.js';
import {
  managedSettings,
  type ManagedPolicyResult,
  type ManagedPolicySource,
} from '../../policy/managed-policy.js';
import { run } from './directory.js';
import { describe } from './parsers.js';
import { managedPreferencesPath, plistToXmlPlan } from './plans.js';

/** Reads a plist file of any format as a value; the message, in `m`'s words, says what to do. */
export async function readPlistFile(
  path: string,
  m: PolicyMessages,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const r = await run(plistToXmlPlan(path));
  if (r.code !== 0) return { ok: false, message: m.plist.notPlist(path, describe('plutil', r)) };
  try {
    return { ok: true, value: parsePlistXml(r.stdout) };
  } catch (err) {
    return { ok: false, message: m.plist.invalid(path, (err as Error).message) };
  }
}

/** Managed settings as a file path gives them; no file is no settings. */
export async function readManagedPreferencesFile(
  path: string,
  m: PolicyMessages,
): Promise<ManagedPolicyResult> {
  let st;
  try {
    st = await lstat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true, settings: {} };
    return { ok: false, message: m.plist.unreadable(path, code ?? String(err)) };
  }
  // Only macOS's profile machinery (root) writes there; a file anyone else could have put or
  // changed is not an administrator's policy.
  if (!st.isFile() || st.uid !== 0 || (st.mode & 0o022) !== 0)
    return { ok: false, message: m.plist.notRootOwned(path) };
  const plist = await readPlistFile(path, m);
  return plist.ok ? managedSettings(plist.value, m, path) : plist;
}

export function managedPreferences(root: string): ManagedPolicySource {
  const path = managedPreferencesPath(root);
  return { label: () => path, read: (m) => readManagedPreferencesFile(path, m) };
}

/**
 * Calls `changed` (once per burst) when macOS writes or removes the domain's managed
 * preferences, i.e. when a profile is installed, changed or removed. The folder exists once
 * any profile with managed preferences is installed; before that, a first profile is picked
 * up at the next start or `kill -HUP` (docs/mdm-macos.md).
 */
export function watchManagedPreferences(
  root: string,
  changed: () => void,
  log: (msg: string) => void,
): { close(): void } | null {
  const path = managedPreferencesPath(root);
  let timer: NodeJS.Timeout | null = null;
  try {
    const w = watch(dirname(path), { persistent: false }, (_event, name) => {
      if (name !== null && name.toString() !== basename(path)) return;
      if (timer) clearTimeout(timer);
      // cfprefsd writes by rename and may touch the file more than once.
      timer = setTimeout(() => {
        timer = null;
        changed();
      }, 300);
    });
    w.on('error', (err) => log(`watching ${dirname(path)} failed: ${err.message}`));
    return {
      close() {
        w.close();
        if (timer) clearTimeout(timer);
      },
    };
  } catch {
    return null;
  }
}
