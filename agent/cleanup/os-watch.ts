/**
 * What the end-of-session check needs from the OS, so the check itself (session-cleanup.ts)
 * is the same on every backend: who holds admin (an Inventory), how to undo what was added,
 * and which root processes a person's sudo left. Linux reads files and /proc
 * (linux-watch.ts); macOS asks the directory service and ps (backends/darwin/session-watch.ts).
 */
import type { Inventory } from './admin-inventory.js';
import type { DriftReport, Outcome, QuarantineNote } from './drift-remover.js';
import type { Drift } from './inventory-diff.js';
import type { EndedProcess, RootProcess } from './root-processes.js';
import type { SudoRights } from './sudo-rights.js';

export interface AdminRightsWatch {
  /** Who holds admin now; `alsoGids`: gids watched at grant start (kept if renamed since). */
  take(alsoGids?: number[]): Promise<Inventory>;
  /** cleanupOnEnd "remove": undoes each addition on its own and says what it did. */
  undo(
    drift: Drift,
    before: Inventory,
    quarantineDir: string,
    note: QuarantineNote,
  ): Promise<DriftReport>;
  /** The inventory's key for the agent's own drop-in of `user` (left out of the diff). */
  dropInKey(user: string): string;
  /**
   * The accounts that could use a sudo right (they can log in, or sudoers names a group they
   * are in); cheap, no sudo run. Absent where sudo cannot be asked about this machine.
   */
  sudoAccounts?(inv: Inventory): Promise<string[]>;
  /**
   * What sudo lists for each of `names` (sudo-rights.ts); null where sudo cannot be asked
   * about this machine (a root prefix in tests).
   */
  sudoRights?(names: string[]): Promise<SudoRights | null>;
  /** Locks a new account that kept rights (it can no longer log in). */
  lockAccount?(name: string): Promise<Outcome>;
}

export interface RootProcessWatch {
  find(uid: number): Promise<RootProcess[]>;
  /** SIGTERM now to each process that is still the one found; returns those signalled. */
  terminate(list: RootProcess[]): Promise<RootProcess[]>;
  /** Waits up to `graceMs` for them to exit, then SIGKILLs the rest. */
  finishEnding(
    list: RootProcess[],
    signalled: RootProcess[],
    graceMs: number,
  ): Promise<EndedProcess[]>;
}

export interface SessionWatches {
  admin: AdminRightsWatch;
  processes: RootProcessWatch;
}
