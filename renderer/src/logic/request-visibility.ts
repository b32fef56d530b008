/**
 * Whether the snapshot's latest request is still news for the person. The agent keeps the
 * latest request for 24 hours; once a later session has started or the approved time has
 * been used up, showing "approved" or "denied" again would only confuse.
 */
import type { Snapshot } from '../../../agent/protocol/schemas.js';

// The agent stamps a grant made by an approval a moment after the decision.
const SAME_MOMENT_MS = 60_000;

export function isRequestCurrent(snapshot: Pick<Snapshot, 'request' | 'grant'>): boolean {
  const { request, grant } = snapshot;
  if (!request) return false;
  if (request.state === 'pending') return true;
  const decided = Date.parse(request.decidedAt ?? request.createdAt);
  const grantStart = grant ? Date.parse(grant.grantedAt) : null;
  if (request.state === 'approved') {
    // Approved time lives in the current grant; with no grant it has ended.
    return grantStart !== null && decided >= grantStart - SAME_MOMENT_MS;
  }
  // Denied or cancelled: news until a session starts after it.
  return grantStart === null || grantStart < decided;
}
