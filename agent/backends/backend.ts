/**
 * What a privilege backend does: read what a user has, add a temporary level, and put back
 * exactly what was there. The agent records `PriorState` (write-ahead) before it calls
 * `apply`, and `restore` removes only what `apply` added, so a permanent privilege survives.
 */
import { en, type AgentMessages } from '../i18n/en.js';
import * as z from 'zod';
import { LevelSchema, type GrantLevel, type Os } from '../protocol/schemas.js';

export const PriorStateSchema = z.object({
  /** What the user has outside any grant. */
  permanentLevel: LevelSchema,
  /** Member of the OS admin group (sudo/wheel, admin, Administrators) before the grant. */
  adminGroupMember: z.boolean(),
  /**
   * The admin group `adminGroupMember` refers to, by name, as found when the grant started.
   * Restore acts on this group even if the policy's adminGroup has changed since; absent in
   * states saved before the field existed (the backend's current group is used then).
   */
  adminGroup: z.string().min(1).optional(),
  /** Content of the agent's own per-user sudoers drop-in before the grant, null if none. */
  dropIn: z.string().nullable(),
});
export type PriorState = z.infer<typeof PriorStateSchema>;

export interface Backend {
  readonly os: Os;
  /** Short name for logs and the audit trail ("linux", "simulated"). */
  readonly name: string;
  /** Reads what the OS grants the user right now; throws OsCommandError if it cannot. */
  inspect(user: string): Promise<PriorState>;
  /** Makes `level` effective for `user`. Idempotent; throws OsCommandError on refusal. */
  apply(user: string, level: GrantLevel, prior: PriorState): Promise<void>;
  /** Puts back exactly `prior`, removing only what apply added. Idempotent. */
  restore(user: string, prior: PriorState): Promise<void>;
  /** Whether the account exists where this backend acts (unknown users are refused early). */
  userExists(user: string): Promise<boolean>;
  /**
   * This computer's id for help-desk approval codes (what the MDM knows it by); null or absent
   * where the OS gives none, and codes then stay off.
   */
  deviceId?(): Promise<string | null>;
  /**
   * Where rights reach a person only at their next logon (Windows: the logon token keeps its
   * groups), the person's logon sessions, so the agent can tell when the log-out hint is done.
   */
  readonly logonSessions?: LogonSessions;
}

export interface LogonSession {
  /** What `logoff` takes. */
  id: string;
  /** Identifies this logon (id + logon time): a new logon in the same slot has another key. */
  key: string;
}

export interface LogonSessions {
  /** The person's sessions now; empty when they are not logged on. */
  list(user: string): Promise<LogonSession[]>;
  /** Ends a session (its programs close without saving). */
  logoff(id: string): Promise<void>;
}

/**
 * An OS command or file operation refused; becomes `-32010` with this sentence. `say`, where
 * given, words it from the agent's catalogue in the client's language (osError).
 */
export class OsCommandError extends Error {
  constructor(
    message: string,
    readonly say?: (m: AgentMessages) => string,
  ) {
    super(message);
    this.name = 'OsCommandError';
  }
}

/** An OsCommandError worded from the agent's catalogue; its message is the English. */
export function osError(say: (m: AgentMessages) => string): OsCommandError {
  return new OsCommandError(say(en), say);
}
