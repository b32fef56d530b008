/** Which durations and levels a person may ask for, from their effective policy. */
import type {
  EffectivePolicy,
  GrantLevel,
  Level,
  Snapshot,
} from '../../../agent/protocol/schemas.js';
import { en, type PopoverMessages } from '../i18n/en.js';

// Same order as the protocol's LEVEL_RANK; a value import from the schemas would pull zod
// into the renderer bundle.
const RANK: Record<Level, number> = { none: 0, admin: 1, passwordless: 2 };

/** The policy's listed durations within its maximum, shortest first, without repeats. */
export function durationChoices(
  policy: Pick<EffectivePolicy, 'durationsSec' | 'maxDurationSec'>,
): number[] {
  return [...new Set(policy.durationsSec)]
    .filter((d) => d > 0 && d <= policy.maxDurationSec)
    .sort((a, b) => a - b);
}

/** Levels worth asking for: allowed by policy and above what the person holds permanently. */
export function levelChoices(snapshot: Pick<Snapshot, 'policy' | 'permanentLevel'>): GrantLevel[] {
  return snapshot.policy.levels.filter((l) => RANK[l] > RANK[snapshot.permanentLevel]);
}

export type RequestOffer =
  | { kind: 'elevate'; levels: GrantLevel[]; durations: number[] }
  | { kind: 'extend'; durations: number[]; extensionsLeft: number }
  | { kind: 'none'; why: string };

/** What the request form may offer now: new rights, more time, or nothing (and why). */
export function requestOffer(snapshot: Snapshot, t: PopoverMessages = en): RequestOffer {
  const { policy } = snapshot;
  if (!policy.selfServe && !policy.approvalRequired) {
    return { kind: 'none', why: t.form.notAllowed };
  }
  const durations = durationChoices(policy);
  if (durations.length === 0) {
    return { kind: 'none', why: t.form.noDurations };
  }
  if (snapshot.grant) {
    if (snapshot.grant.extensionsLeft <= 0) {
      return { kind: 'none', why: t.form.noExtensions };
    }
    return { kind: 'extend', durations, extensionsLeft: snapshot.grant.extensionsLeft };
  }
  const levels = levelChoices(snapshot);
  if (levels.length === 0) {
    return { kind: 'none', why: t.form.allLevels };
  }
  return { kind: 'elevate', levels, durations };
}
