/**
 * What the aria-live region says when the state changes. Only changes a person must know
 * about are spoken; the countdown itself is silent apart from the policy's warning points.
 */
import type { ConnectionState } from '../../../preload/api.js';
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import { levelLabel, spokenDuration } from './format.js';

export interface AnnounceView {
  connection: ConnectionState;
  snapshot: Snapshot | null;
}

export function stateChangeAnnouncement(prev: AnnounceView, next: AnnounceView): string | null {
  if (prev.connection === 'connected' && next.connection !== 'connected') {
    return 'The Elevate agent is not running. Your status may be out of date.';
  }
  if (prev.connection !== 'connected' && next.connection === 'connected' && prev.snapshot) {
    return 'Reconnected to the Elevate agent.';
  }
  const a = prev.snapshot;
  const b = next.snapshot;
  if (!b) return null;
  if (!a || a.level !== b.level) {
    if (!a) return null;
    return b.level === 'none'
      ? 'Your administrator rights have ended.'
      : `You are now: ${levelLabel(b.level)}.`;
  }
  if (a.grant && b.grant && a.grant.id === b.grant.id && b.grant.expiresAt > a.grant.expiresAt) {
    return 'Your rights were extended.';
  }
  const ra = a.request;
  const rb = b.request;
  if (rb && (ra?.id !== rb.id || ra.state !== rb.state)) {
    switch (rb.state) {
      case 'pending':
        return `Request for ${spokenDuration(rb.durationSec)} sent; waiting for an administrator.`;
      case 'approved':
        return 'Your request was approved.';
      case 'denied':
        return rb.note ? `Your request was denied: ${rb.note}` : 'Your request was denied.';
      case 'cancelled':
        return 'Your request was cancelled.';
    }
  }
  return null;
}

export function warningAnnouncement(pointSec: number): string {
  return `Your administrator rights end in ${spokenDuration(pointSec)}.`;
}
