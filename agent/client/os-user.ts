import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { parseWhoamiSid } from '../backends/win32/parsers.js';
import { whoamiSidPlan } from '../backends/win32/plans.js';

let ownSid: string | null | undefined;

/**
 * The caller's SID on Windows (`whoami /user`), which PROTOCOL.md allows in auth.hello: a bare
 * user name is ambiguous (a local "bob" shadows CONTOSO\bob when Windows looks a name up) and an
 * Entra ID person's user name is not one Windows can look up. Null when whoami cannot tell.
 */
function windowsSid(): string | null {
  if (ownSid !== undefined) return ownSid;
  const plan = whoamiSidPlan();
  try {
    const out = execFileSync(plan.file, plan.args, {
      encoding: 'utf8',
      timeout: 5_000,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    ownSid = parseWhoamiSid(out);
  } catch {
    ownSid = null;
  }
  return ownSid;
}

/** The calling OS account's name, as the agent expects it in `auth.hello`. */
export const os = {
  userName(): string {
    if (process.env.ELEVATE_USER) return process.env.ELEVATE_USER;
    return (process.platform === 'win32' ? windowsSid() : null) ?? userInfo().username;
  },
};
