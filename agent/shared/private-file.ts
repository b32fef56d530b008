/**
 * Secrets the agent or an approver reads from files (webhook keys, approval-code keys) are only
 * as private as the file: one check, one wording, for every such file.
 */
import { statSync } from 'node:fs';

/**
 * What is wrong with a secret file that only `owners` (uids) may own and read, as a sentence
 * starting in lower case ("the … key file /x is readable by group or others …"), or null.
 */
export function privateFileProblem(
  path: string,
  what: string,
  owners: readonly number[],
): string | null {
  let mode: number;
  let uid: number;
  try {
    ({ mode, uid } = statSync(path));
  } catch (err) {
    return `cannot read the ${what} ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)}).`;
  }
  // Windows has no mode bits: there the installer's ACL on the file is what protects it.
  if (process.platform === 'win32') return null;
  if ((mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    return `the ${what} ${path} is readable by group or others (mode ${octal}); run chmod 600 ${path}.`;
  }
  if (!owners.includes(uid)) {
    const who = owners.length === 1 && owners[0] === 0 ? 'root' : 'you or root';
    return `the ${what} ${path} must be owned by ${who}, not uid ${uid}.`;
  }
  return null;
}

export function capitalised(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
