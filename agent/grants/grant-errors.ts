/** The errors a grant operation answers with, worded once for every caller. */
import { OsCommandError } from '../backends/backend.js';
import { agentError, type AgentMessages } from '../i18n/index.js';
import { ErrorCode, RpcError } from '../protocol/errors.js';
import type { UserState } from '../store/agent-state.js';

/** Rights whose end the OS refused are on their way out: they cannot be renewed or extended. */
export function refuseWhileEnding(u: UserState, user: string): void {
  if (u.pending?.op !== 'restore') return;
  throw agentError(ErrorCode.Conflict, (m) => m.stillEnding(user));
}

/**
 * The OS refused a change: `what` words the change in the catalogue's `os`, given what the OS
 * (or the backend, for its own checks) said about it.
 */
export function osRefused(
  err: unknown,
  what: (m: AgentMessages, detail: string) => string,
): RpcError {
  if (err instanceof RpcError) return err;
  const said = (m: AgentMessages): string =>
    err instanceof OsCommandError
      ? (err.say?.(m) ?? err.message)
      : ((err as Error)?.message ?? String(err));
  return agentError(ErrorCode.OsRefused, (m) => what(m, said(m).replace(/\.$/, '')));
}

export function storageError(err: unknown): RpcError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why = code === 'ENOSPC' ? null : (code ?? String(err));
  return agentError(ErrorCode.InternalError, (m) => m.notRecorded(why ?? m.diskIsFull));
}

export function noSuchUser(user: string): RpcError {
  return agentError(ErrorCode.NotFound, (m) => m.noSuchUser(user));
}
