/**
 * What happened while a person was elevated: sudo usage and the end-of-session check (Linux,
 * macOS: ElevationSessions), or the Security log's check (Windows: Win32SessionCheck). Both
 * follow grants through the PrivilegeService hooks, next to policy enforcement's.
 */
import type { Win32SessionCheck } from '../backends/win32/session-check.js';
import { ElevationSessions, type ElevationSessionsDeps } from '../cleanup/elevation-sessions.js';
import type { AgentConfig } from '../config.js';
import type { PrivilegeHooks } from '../grants/privilege-service.js';
import type { PolicyHolder } from '../policy/policy-holder.js';
import type { Platform } from './platform.js';

export interface SessionChecks {
  sessions: ElevationSessions | null;
  win32Check: Win32SessionCheck | null;
}

/** What ElevationSessions needs besides what the configuration decides. */
export type SessionCheckDeps = Omit<ElevationSessionsDeps, 'stateDir' | 'watches'>;

export function sessionChecks(
  config: AgentConfig,
  platform: Platform,
  policies: PolicyHolder,
  d: SessionCheckDeps,
): SessionChecks {
  const watches = platform.sessionWatches?.(policies);
  const sessions = watches
    ? new ElevationSessions({ stateDir: config.stateDir, watches, ...d })
    : null;
  const win32Check =
    platform.win32Check?.({
      stateDir: config.stateDir,
      audit: d.audit,
      lastSessions: d.lastSessions,
      elevatedUsers: () => d.store.users().filter((u) => d.store.peek(u)?.grant),
      log: d.log,
      policyGroups: () => (policies.policy.rules ?? []).flatMap((r) => r.groups ?? []),
    }) ?? null;
  return { sessions, win32Check };
}

/** The grant hooks: the session checks first, then policy enforcement's. */
export function grantHooks(
  { sessions, win32Check }: SessionChecks,
  enforcement: Required<Pick<PrivilegeHooks, 'started' | 'ended'>>,
): PrivilegeHooks {
  return {
    async starting(user) {
      await sessions?.starting(user);
    },
    async started(user, grant) {
      await sessions?.started(user, grant);
      await win32Check?.started(user, grant);
      await enforcement.started(user, grant);
    },
    async ended(user, grant, end) {
      await sessions?.ended(user, grant);
      await win32Check?.ended(user, grant);
      await enforcement.ended(user, grant, end);
    },
  };
}
