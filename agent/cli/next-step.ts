/**
 * What to do next after a refusal or failure: the agent's sentence says what is wrong, these
 * add the command that moves the person on, using what the command line knows (its own name,
 * the socket it tried, the person's status).
 */
import { statSync } from 'node:fs';
import type { AgentUnavailableError } from '../client/agent-client.js';
import { ErrorCode, RpcError } from '../protocol/errors.js';
import type { Snapshot } from '../protocol/schemas.js';
import { formatLocalTime } from './format.js';
import { levelLabel, t } from './locale.js';

/** Why the agent could not be reached at the path tried, and how to find the right one. */
export function unreachableSentence(err: AgentUnavailableError): string {
  const path = err.socketPath;
  const code = (err.cause as NodeJS.ErrnoException | null)?.code;
  const find = t.next.findSocket;
  // connect() to a file that is not a socket fails as EACCES or ECONNREFUSED, not ENOTSOCK.
  if (existsButIsNotSocket(path)) return t.next.notSocket(path, find);
  switch (code) {
    case 'EACCES':
      return t.next.denied(path, find);
    case 'ENOENT':
      return t.next.notRunning(path, find);
    case 'ECONNREFUSED':
      return t.next.stopped(path, find);
    case 'ENOTSOCK':
    case 'ENOTDIR':
      return t.next.notSocket(path, find);
    default:
      return t.next.noAnswer(path, find);
  }
}

function existsButIsNotSocket(path: string): boolean {
  try {
    return !statSync(path).isSocket();
  } catch {
    // Missing or not ours to look at: the connect error says which.
    return false;
  }
}

/** The retry time an agent sends with a rate-limit refusal (error.data.retryAt), if any. */
function retryAt(err: RpcError): string | null {
  const data = err.data as { retryAt?: unknown } | undefined;
  return typeof data?.retryAt === 'string' ? data.retryAt : null;
}

/**
 * `elevate request` / `extend` refused: the agent's sentence plus the next step for this
 * person, from their status as it was just read.
 */
export function requestRefusal(
  err: unknown,
  snap: Snapshot,
  program: string,
  kind: 'elevate' | 'extend',
): unknown {
  if (!(err instanceof RpcError)) return err;
  const pending = snap.request?.state === 'pending' ? snap.request : null;
  let next: string | null = null;
  if (err.code === ErrorCode.RateLimited) {
    const at = retryAt(err);
    next = at ? t.next.retryAt(formatLocalTime(at)) : t.next.retryInAnHour;
  } else if (err.code === ErrorCode.Conflict && pending) {
    next = t.next.stillWaiting(pending.id, program);
  } else if (err.code === ErrorCode.Conflict && kind === 'elevate' && snap.grant) {
    const until = formatLocalTime(snap.grant.expiresAt);
    next = t.next.extendInstead(levelLabel(snap.grant.level), until, program);
  } else if (
    err.code === ErrorCode.Forbidden &&
    kind === 'extend' &&
    snap.grant &&
    snap.grant.extensionsLeft <= 0
  ) {
    next = t.next.askAgain(formatLocalTime(snap.grant.expiresAt), program);
  }
  return next ? new RpcError(err.code, `${err.message} ${next}`, err.data) : err;
}

/** `elevatectl approve/deny ID` with something that is not a pending request's ID. */
export function decisionRefusal(err: unknown, id: string, program: string): unknown {
  if (!(err instanceof RpcError) || err.code !== ErrorCode.NotFound) return err;
  const notAnId = !/^r_/.test(id);
  const what = notAnId ? t.ctl.requests.notAnId(id) : err.message;
  return new RpcError(err.code, `${what} ${t.ctl.requests.listIds(program)}`, err.data);
}
