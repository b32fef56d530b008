import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { parseWhoamiSid } from '../backends/win32/parsers.js';
import { whoamiSidPlan } from '../backends/win32/plans.js';

export interface OsUserOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** How long `whoami` may take before the account's name is used instead. */
  timeoutMs?: number;
}

export interface OsUser {
  /** The calling OS account's name, as the agent expects it in `auth.hello`. */
  userName(): Promise<string>;
}

/**
 * The caller's SID on Windows (`whoami /user`), which PROTOCOL.md allows in auth.hello: a bare
 * user name is ambiguous (a local "bob" shadows CONTOSO\bob when Windows looks a name up) and an
 * Entra ID person's user name is not one Windows can look up. Null when whoami cannot tell.
 * Asynchronous: in the tray it runs on Electron's main process, which must not wait for it.
 */
function windowsSid(timeoutMs: number): Promise<string | null> {
  const plan = whoamiSidPlan();
  return new Promise((resolve) => {
    execFile(
      plan.file,
      plan.args,
      { encoding: 'utf8', timeout: timeoutMs, windowsHide: true },
      (err, stdout) => {
        try {
          resolve(err ? null : parseWhoamiSid(stdout));
        } catch {
          resolve(null);
        }
      },
    );
  });
}

/** whoami runs once a process (its answer, or the lack of one, is kept), however many ask. */
export function osUser(opts: OsUserOptions = {}): OsUser {
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  let sid: Promise<string | null> | undefined;
  return {
    async userName(): Promise<string> {
      if (env.ELEVATE_USER) return env.ELEVATE_USER;
      if (platform !== 'win32') return userInfo().username;
      sid ??= windowsSid(opts.timeoutMs ?? 5_000);
      return (await sid) ?? userInfo().username;
    },
  };
}

export const os = osUser();
