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
import { levelLabel } from './locale.js';

const FIND_SOCKET =
  "give the agent's socket with --socket PATH or ELEVATE_SOCKET (the agent prints 'elevate-agent listening on PATH' when it starts; a service's unit file names it after --socket)";

/** Why the agent could not be reached at the path tried, and how to find the right one. */
export function unreachableSentence(err: AgentUnavailableError): string {
  const path = err.socketPath;
  const code = (err.cause as NodeJS.ErrnoException | null)?.code;
  // connect() to a file that is not a socket fails as EACCES or ECONNREFUSED, not ENOTSOCK.
  if (existsButIsNotSocket(path)) {
    return `${path} is not the Elevate agent's socket (it is not a socket at all); ${FIND_SOCKET}.`;
  }
  switch (code) {
    case 'EACCES':
      return `You may not connect to the Elevate agent at ${path} (permission denied); run this as a user the socket admits, or ${FIND_SOCKET}.`;
    case 'ENOENT':
      return `The Elevate agent is not running: nothing is at ${path}. Start it (e.g. 'sudo systemctl start elevate-agent'), or ${FIND_SOCKET}.`;
    case 'ECONNREFUSED':
      return `Nothing answers at ${path}: the Elevate agent that made it has stopped. Start it again, or ${FIND_SOCKET}.`;
    case 'ENOTSOCK':
    case 'ENOTDIR':
      return `${path} is not the Elevate agent's socket (it is not a socket at all); ${FIND_SOCKET}.`;
    default:
      return `The Elevate agent did not answer at ${path}; if that is not its socket, ${FIND_SOCKET}.`;
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
    next = at ? `Try again at ${formatLocalTime(at)}.` : 'Try again in an hour.';
  } else if (err.code === ErrorCode.Conflict && pending) {
    next = `Your request ${pending.id} is still waiting: run '${program} watch' to follow it or '${program} cancel' to withdraw it.`;
  } else if (err.code === ErrorCode.Conflict && kind === 'elevate' && snap.grant) {
    next = `You are ${levelLabel(snap.grant.level)} until ${formatLocalTime(snap.grant.expiresAt)}; for more time run '${program} extend DURATION --reason TEXT'.`;
  } else if (
    err.code === ErrorCode.Forbidden &&
    kind === 'extend' &&
    snap.grant &&
    snap.grant.extensionsLeft <= 0
  ) {
    next = `Your rights end at ${formatLocalTime(snap.grant.expiresAt)}; after that, ask again with '${program} request DURATION --reason TEXT', or ask IT.`;
  }
  return next ? new RpcError(err.code, `${err.message} ${next}`, err.data) : err;
}

/** `elevatectl approve/deny ID` with something that is not a pending request's ID. */
export function decisionRefusal(err: unknown, id: string, program: string): unknown {
  if (!(err instanceof RpcError) || err.code !== ErrorCode.NotFound) return err;
  const notAnId = !/^r_/.test(id);
  const what = notAnId
    ? `"${id}" is not a request ID (approve and deny take the ID, not a user name).`
    : err.message;
  return new RpcError(
    err.code,
    `${what} List the waiting requests and their IDs with '${program} requests'.`,
    err.data,
  );
}
