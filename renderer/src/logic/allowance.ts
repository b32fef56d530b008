/** The request form's line about the policy's elevated-time caps (snapshot `allowance`). */
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import { formatDuration } from './format.js';

export function allowanceText(a: Snapshot['allowance'], timeZone?: string): string | null {
  if (!a) return null;
  const more = a.moreAt
    ? `; more from ${new Date(a.moreAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) })}`
    : '';
  return a.leftSec === 0
    ? `No admin time left under your policy's cap${more}.`
    : `Admin time left under your policy's cap: ${formatDuration(a.leftSec)}${more}.`;
}
