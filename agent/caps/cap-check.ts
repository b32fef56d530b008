/** Refuses a grant that would pass the policy's elevated-time caps, saying what is left. */
import { agentError } from '../i18n/index.js';
import { moment } from '../i18n/times.js';
import { ErrorCode } from '../protocol/errors.js';
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
  const moreAt = a.moreAt;
  throw agentError(
    ErrorCode.Forbidden,
    (m, place) =>
      m.capRefused({
        forUser: req.asker === 'self' ? null : req.user,
        leftSec: a.leftSec,
        askedSec: req.addSec,
        at: moreAt ? moment(moreAt, place, req.now) : null,
      }),
    { leftSec: a.leftSec, moreAt },
  );
}
