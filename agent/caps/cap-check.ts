/** Refuses a grant that would pass the policy's elevated-time caps, saying what is left. */
import { ErrorCode, RpcError } from '../protocol/errors.js';
import type { Caps, ElevatedTime } from './elevated-time.js';

export interface CapRequest {
  user: string;
  /** Seconds of rights the change would add to what is already counted. */
  addSec: number;
  now: number;
  /** Words for the refusal: the person asking, or an admin acting for them. */
  asker: 'self' | 'admin';
}

export function checkCaps(time: ElevatedTime, caps: Caps, req: CapRequest): void {
  const a = time.allowance(req.user, caps, req.now);
  if (!a || req.addSec <= a.leftSec) return;
  const whose = req.asker === 'self' ? 'Your policy' : `${req.user}'s policy`;
  const left =
    a.leftSec === 0 ? 'no more admin time' : `only ${minutes(a.leftSec)} more of admin time`;
  const when = a.moreAt ? `; more becomes available at ${clockTime(a.moreAt)}` : '';
  const next =
    req.asker === 'admin'
      ? ' Approve or grant less time (--for), or add --over-cap to approve or grant beyond it.'
      : ' Ask for less time or try again then.';
  throw new RpcError(
    ErrorCode.Forbidden,
    `${whose} allows ${left} now (asked for ${minutes(req.addSec)})${when}.${next}`,
    { leftSec: a.leftSec, moreAt: a.moreAt },
  );
}

function minutes(sec: number): string {
  const m = Math.floor(sec / 60);
  return m >= 1 ? `${m} minute${m === 1 ? '' : 's'}` : `${sec} seconds`;
}

function clockTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
