/**
 * "Log out now" (Windows only): a Windows access token keeps its groups until log-off, so
 * the agent's change takes full effect only after the person logs out and back in.
 */
import { execFile } from 'node:child_process';
import type { ActionResult } from '../preload/api.js';

export async function logOutNow(
  os: NodeJS.Platform,
  confirm: () => Promise<boolean>,
  run: (file: string, args: string[]) => Promise<void> = execFileAsync,
): Promise<ActionResult> {
  if (os !== 'win32')
    return { ok: false, message: 'Logging out from Elevate is only offered on Windows.' };
  // Choosing Cancel is a decision, not a failure: nothing to report.
  if (!(await confirm())) return { ok: true };
  try {
    await run('shutdown', ['/l']);
    return { ok: true };
  } catch (err) {
    return { ok: false, message: `Windows did not log you out: ${(err as Error).message}` };
  }
}

function execFileAsync(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { windowsHide: true }, (err) => (err ? reject(err) : resolve()));
  });
}
