/**
 * What the aria-live region says when the state changes. Only changes a person must know
 * about are spoken; the countdown itself is silent apart from the policy's warning points.
 */
import type { ConnectionState } from '../../../preload/api.js';
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import { levelLabel, spokenDuration } from './format.js';
import { en, type PopoverMessages } from '../i18n/en.js';

export interface AnnounceView {
  connection: ConnectionState;
  snapshot: Snapshot | null;
}

export function stateChangeAnnouncement(
  prev: AnnounceView,
  next: AnnounceView,
  t: PopoverMessages = en,
): string | null {
  if (prev.connection === 'connected' && next.connection !== 'connected') {
    return t.announce.agentDown;
  }
  if (prev.connection !== 'connected' && next.connection === 'connected' && prev.snapshot) {
    return t.announce.reconnected;
  }
  const a = prev.snapshot;
  const b = next.snapshot;
  if (!b) return null;
  if (!a || a.level !== b.level) {
    if (!a) return null;
    return b.level === 'none' ? t.announce.ended : t.announce.nowLevel(levelLabel(b.level, t));
  }
  if (a.grant && b.grant && a.grant.id === b.grant.id && b.grant.expiresAt > a.grant.expiresAt) {
    return t.announce.extended;
  }
  const ra = a.request;
  const rb = b.request;
  if (rb && (ra?.id !== rb.id || ra.state !== rb.state)) {
    switch (rb.state) {
      case 'pending':
        return t.announce.pending(spokenDuration(rb.durationSec, t));
      case 'approved':
        return t.announce.approved;
      case 'denied':
        return rb.note ? t.announce.deniedWithNote(rb.note) : t.announce.denied;
      case 'cancelled':
        return t.announce.cancelled;
    }
  }
  return null;
}

export function warningAnnouncement(pointSec: number, t: PopoverMessages = en): string {
  return t.announce.warning(spokenDuration(pointSec, t));
}
