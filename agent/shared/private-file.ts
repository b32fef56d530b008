/**
 * Secrets the agent or an approver reads from files (webhook keys, approval-code keys) are only
 * as private as the file: one check, one wording, for every such file.
 */
import { statSync } from 'node:fs';
import type { PolicyMessages } from '../i18n/policy-en.js';

/** What is wrong with a secret file, for the caller to word in its catalogue. */
export type PrivateFileFault =
  | { kind: 'unreadable'; code: string }
  /** `mode`: the permission bits in octal, "0644". */
  | { kind: 'loose'; mode: string }
  /** `rootOnly`: only root may own it (else the caller or root). */
  | { kind: 'owner'; rootOnly: boolean; uid: number };

/** What is wrong with a secret file that only `owners` (uids) may own and read, or null. */
export function privateFileFault(path: string, owners: readonly number[]): PrivateFileFault | null {
  let mode: number;
  let uid: number;
  try {
    ({ mode, uid } = statSync(path));
  } catch (err) {
    return { kind: 'unreadable', code: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  // Windows has no mode bits: there the installer's ACL on the file is what protects it.
  if (process.platform === 'win32') return null;
  if ((mode & 0o077) !== 0) {
    return { kind: 'loose', mode: (mode & 0o777).toString(8).padStart(4, '0') };
  }
  if (!owners.includes(uid)) {
    return { kind: 'owner', rootOnly: owners.length === 1 && owners[0] === 0, uid };
  }
  return null;
}

/** The fault as one sentence in `m`'s words, with what to run; `what` names the file. */
export function privateFileSentence(
  fault: PrivateFileFault,
  what: string,
  path: string,
  m: PolicyMessages,
): string {
  const p = m.privateFile;
  if (fault.kind === 'unreadable') return p.unreadable(what, path, fault.code);
  if (fault.kind === 'loose') return p.loose(what, path, fault.mode);
  return fault.rootOnly ? p.notRootOwned(what, path, fault.uid) : p.notYours(what, path, fault.uid);
}
