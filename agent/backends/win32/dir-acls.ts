/**
 * Windows access lists on the agent's directories, set with icacls and read back with icacls
 * (a directory is trusted only once its list is checked): the state directory for SYSTEM and
 * Administrators (Users may list it), each person's cookie directory for SYSTEM and that person
 * only, no inheritance (PROTOCOL.md, authentication). POSIX modes mean nothing on NTFS.
 */
import type { DirGuard } from '../../auth/cookie-challenge.js';
import { OsCommandError } from '../backend.js';
import { runCommand, toolMessage, type CommandResult } from '../run-command.js';
import { ADMINISTRATORS_SID, SYSTEM_SID, USERS_SID, parseAccount } from './accounts.js';
import { aclMismatch, parseIcacls, type Expected } from './acl-parsers.js';
import { parseTranslated } from './parsers.js';
import {
  accountSidAndNamePlan,
  cookieDirAclPlan,
  showAclPlan,
  stateDirAclPlan,
  translateSidPlan,
  type Command,
} from './plans.js';

const run = (c: Command): Promise<CommandResult> => runCommand(c.file, c.args, 20_000);

interface Want {
  sid: string;
  access: Expected['access'];
}

export class Win32DirAcls {
  private readonly names = new Map<string, Promise<string>>();

  /** SYSTEM and Administrators full control, Users list only; throws if not so afterwards. */
  protectStateDir(dir: string): Promise<void> {
    return this.apply(dir, stateDirAclPlan(dir), [
      { sid: SYSTEM_SID, access: 'full' },
      { sid: ADMINISTRATORS_SID, access: 'full' },
      { sid: USERS_SID, access: 'read' },
    ]);
  }

  /**
   * SYSTEM and the account only; throws if not so afterwards. Runs inside a client's
   * authentication deadline, so it starts few processes: a directory kept from an earlier run
   * is read first and left alone when already right.
   */
  async protectUserDir(dir: string, user: string, created: boolean): Promise<void> {
    const sid = await this.sidOf(user);
    // SYSTEM's own directory (elevatectl run as SYSTEM) has the one entry.
    const want: Want[] = [
      { sid: SYSTEM_SID, access: 'full' },
      ...(sid === SYSTEM_SID ? [] : [{ sid, access: 'full' as const }]),
    ];
    if (!created && (await this.mismatch(dir, want)) === null) return;
    await this.apply(dir, cookieDirAclPlan(dir, sid), want);
  }

  private async apply(dir: string, plan: Command, want: Want[]): Promise<void> {
    const set = await run(plan);
    if (set.code !== 0) throw new OsCommandError(`icacls refused: ${toolMessage('icacls', set)}`);
    const mismatch = await this.mismatch(dir, want);
    if (mismatch) throw new OsCommandError(`after icacls, ${mismatch}`);
  }

  /** Why the directory's entries are not `want` (null when they are), as icacls prints them. */
  private async mismatch(dir: string, want: Want[]): Promise<string | null> {
    const [shown, names] = await Promise.all([
      run(showAclPlan(dir)),
      Promise.all(want.map((w) => this.nameOf(w.sid))),
    ]);
    if (shown.code !== 0)
      throw new OsCommandError(`icacls cannot read it back: ${toolMessage('icacls', shown)}`);
    const expected = want.map((w, i) => ({ names: [names[i]!, w.sid], access: w.access }));
    return aclMismatch(parseIcacls(shown.stdout, dir), expected);
  }

  /** The name icacls prints for a SID (localised); the SID itself when it maps to no account. */
  private nameOf(sid: string): Promise<string> {
    let name = this.names.get(sid);
    if (!name) {
      name = run(translateSidPlan(sid)).then((r) =>
        r.code === 0 ? parseTranslated(r.stdout) : sid,
      );
      this.names.set(sid, name);
    }
    return name;
  }

  /** The account's SID; its printed name is learnt from the same PowerShell start. */
  private async sidOf(user: string): Promise<string> {
    const account = parseAccount(user);
    if (!account) throw new OsCommandError(`${user} is not a Windows account name or SID`);
    if (account.kind === 'sid') return account.sid;
    const r = await run(accountSidAndNamePlan(user));
    if (r.code !== 0) throw new OsCommandError(`no Windows account is named ${user}`);
    const [sid, name] = r.stdout.split(/\r?\n/).map((l) => l.trim());
    if (!sid || !name) throw new OsCommandError(`PowerShell did not print ${user}'s SID and name`);
    this.names.set(sid, Promise.resolve(name));
    return sid;
  }
}

/**
 * Start-up on Windows: the state directory is restricted, or the agent does not start; then
 * the guard for cookie directories, which logs why a person cannot authenticate.
 */
export async function protectWin32Dirs(
  stateDir: string,
  log: (msg: string) => void,
): Promise<DirGuard> {
  const acls = new Win32DirAcls();
  try {
    await acls.protectStateDir(stateDir);
  } catch (err) {
    throw new Error(
      `The state directory ${stateDir} cannot be restricted to SYSTEM and Administrators (${(err as Error).message}); run the agent as the Elevate service (LocalSystem) or as an administrator.`,
    );
  }
  return async (dir, account, created) => {
    try {
      // The directory's SID came with the account: no second lookup inside the hello.
      await acls.protectUserDir(dir, account.sid ?? account.name, created);
    } catch (err) {
      log(
        `${account.name} cannot authenticate: their cookie directory ${dir} cannot be restricted to them and SYSTEM (${(err as Error).message}).`,
      );
      throw err;
    }
  };
}
