import { AgentUnavailableError } from '../client/agent-client.js';
import { ErrorCode, RpcError } from '../protocol/errors.js';
import { UsageError } from './usage-error.js';

/** Exit codes shared by elevatectl and elevate; scripts and MDM jobs rely on them. */
export const ExitCode = {
  Ok: 0,
  Error: 1,
  Usage: 2,
  NotAuthorised: 3,
  Conflict: 4,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code for anything a command can throw. */
export function exitCodeFor(err: unknown): ExitCodeValue {
  if (err instanceof UsageError) return ExitCode.Usage;
  if (err instanceof RpcError) {
    if (err.code === ErrorCode.Unauthenticated || err.code === ErrorCode.Forbidden) {
      return ExitCode.NotAuthorised;
    }
    if (err.code === ErrorCode.Conflict) return ExitCode.Conflict;
    // Params are built from the command line, so the agent refusing them is a usage error.
    if (err.code === ErrorCode.InvalidParams) return ExitCode.Usage;
  }
  return ExitCode.Error;
}

/**
 * The one sentence a person reads for a failure. The agent's own sentences are shown as they
 * are (they are written for people); anything unexpected gets its message, never a stack.
 */
export function messageFor(err: unknown): string {
  if (err instanceof AgentUnavailableError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
