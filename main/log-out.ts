/**
 * "Log out now" (Windows only): a Windows access token keeps its groups until log-off, so
 * the agent's change takes full effect only after the person logs out and back in.
 */
import { execFile } from 'node:child_process';
import type { ActionResult } from '../preload/api.js';
import { en } from './i18n/en.js';
import type { MainMessages } from './i18n/index.js';

export interface LogOutOptions {
  /** Runs the command; records it instead in tests. */
  run?: (file: string, args: string[]) => Promise<void>;
  /** The sentences in the person's language (main/i18n); English when absent. */
  messages?: MainMessages['logOut'];
}

export async function logOutNow(
  os: NodeJS.Platform,
  confirm: () => Promise<boolean>,
  { run = execFileAsync, messages: t = en.logOut }: LogOutOptions = {},
): Promise<ActionResult> {
  if (os !== 'win32') return { ok: false, message: t.onlyWindows };
  // Choosing Cancel is a decision, not a failure: nothing to report.
  if (!(await confirm())) return { ok: true };
  try {
    await run('shutdown', ['/l']);
    return { ok: true };
  } catch (err) {
    // Windows' own words end in a full stop; the sentence goes on after them.
    return { ok: false, message: t.failed((err as Error).message.replace(/[\s.]+$/, '')) };
  }
}

function execFileAsync(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { windowsHide: true }, (err) => (err ? reject(err) : resolve()));
  });
}
