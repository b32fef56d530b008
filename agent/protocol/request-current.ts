/**
 * Whether the snapshot's latest request is still news for the person (the popover and
 * `elevate status` both ask). The agent keeps the latest request for 24 hours; once a later
 * grant has started or the approved time has been used up, showing "approved" or "denied"
 * again would only confuse. Type imports only: the renderer bundles this without zod.
 */
import type { Snapshot } from './schemas.js';

// Agents without `request.grantId` stamp a grant made by an approval a moment after it.
const SAME_MOMENT_MS = 60_000;

export function isRequestCurrent(snapshot: Pick<Snapshot, 'request' | 'grant'>): boolean {
  const { request, grant } = snapshot;
  if (!request) return false;
  if (request.state === 'pending') return true;
  const decided = Date.parse(request.decidedAt ?? request.createdAt);
  const grantStart = grant ? Date.parse(grant.grantedAt) : null;
  if (request.state === 'approved') {
    // Approved time lives in the grant it created or extended; with no grant it has ended.
    if (!grant) return false;
    if (request.grantId) return request.grantId === grant.id;
    return grantStart !== null && decided >= grantStart - SAME_MOMENT_MS;
  }
  // Denied or cancelled: news until a grant starts after it.
  return grantStart === null || grantStart < decided;
}
