/**
 * What the wire talks about (PROTOCOL.md, version 1): levels, grants, requests, the snapshot
 * and audit events, as zod schemas. schemas.ts adds the JSON-RPC methods and re-exports this,
 * so clients import from one place. Add fields, never rename.
 */
import * as z from 'zod';
import { AllowanceSchema, PolicyAdditionsSchema } from './policy-additions.js';

export const PROTOCOL_VERSION = 1;
export const MAX_LINE_BYTES = 65_536;

export const LevelSchema = z.enum(['none', 'admin', 'passwordless']);
export type Level = z.infer<typeof LevelSchema>;
export const GrantLevelSchema = z.enum(['admin', 'passwordless']);
export type GrantLevel = z.infer<typeof GrantLevelSchema>;

export const LEVEL_RANK: Record<Level, number> = { none: 0, admin: 1, passwordless: 2 };
export function higherLevel(a: Level, b: Level): Level {
  return LEVEL_RANK[a] >= LEVEL_RANK[b] ? a : b;
}

export const OsSchema = z.enum(['linux', 'darwin', 'win32']);
export type Os = z.infer<typeof OsSchema>;

export const isoDate = z.string().datetime({ offset: true });

export const GrantSourceSchema = z.enum(['admin', 'self-serve', 'approval']);

export const GrantSchema = z.object({
  id: z.string(),
  level: GrantLevelSchema,
  grantedAt: isoDate,
  expiresAt: isoDate,
  source: GrantSourceSchema,
  grantedBy: z.string(),
  reason: z.string().nullable(),
  extensionsUsed: z.number().int().nonnegative(),
  extensionsLeft: z.number().int().nonnegative(),
});
export type Grant = z.infer<typeof GrantSchema>;

export const RequestKindSchema = z.enum(['elevate', 'extend']);
export const RequestStateSchema = z.enum(['pending', 'approved', 'denied', 'cancelled']);
export type RequestState = z.infer<typeof RequestStateSchema>;

export const PrivilegeRequestSchema = z.object({
  id: z.string(),
  user: z.string().optional(),
  kind: RequestKindSchema,
  level: GrantLevelSchema,
  durationSec: z.number().int().positive(),
  reason: z.string().nullable(),
  state: RequestStateSchema,
  createdAt: isoDate,
  decidedAt: isoDate.nullable(),
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
  /** Added: the request code to read to the help desk (pending, approval codes on). */
  code: z.string().nullable().optional(),
  /**
   * Added: the grant an approved request created or extended, so a client shows the approval
   * only under that grant (absent from older agents and undecided requests).
   */
  grantId: z.string().nullable().optional(),
});
export type PrivilegeRequest = z.infer<typeof PrivilegeRequestSchema>;

/** Added: how the user's latest grant ended, who ended it and why (while no grant is active). */
export const GrantEndSchema = z.object({
  grantId: z.string(),
  level: GrantLevelSchema,
  how: z.enum(['expired', 'released', 'revoked']),
  at: isoDate,
  by: z.string(),
  reason: z.string().nullable(),
});
export type GrantEnd = z.infer<typeof GrantEndSchema>;

/** A user's effective policy as the snapshot carries it (POLICY.md fields the tray needs). */
export const EffectivePolicySchema = z.object({
  selfServe: z.boolean(),
  approvalRequired: z.boolean(),
  levels: z.array(GrantLevelSchema),
  durationsSec: z.array(z.number().int().positive()),
  maxDurationSec: z.number().int().positive(),
  requireReason: z.boolean(),
  reasonMinLength: z.number().int().nonnegative(),
  reasonMaxLength: z.number().int().positive(),
  maxExtensions: z.number().int().nonnegative(),
  warnBeforeSec: z.array(z.number().int().positive()),
  requireSignedRequests: z.boolean(),
  maxRequestsPerHour: z.number().int().positive(),
  /** Added: what happens to admin rights added during a grant, at its end. */
  cleanupOnEnd: z.enum(['report', 'remove']).optional(),
  /** Added: whether root processes left from the person's sudo use are ended with the grant. */
  endRootSessions: z.boolean().optional(),
  /** Added: seconds between SIGTERM and SIGKILL when those processes are ended. */
  rootSessionGraceSec: z.number().int().nonnegative().optional(),
  /** Added (issue 13): authentication, revokeAt, caps and reason presets. */
  ...PolicyAdditionsSchema.shape,
  /** Added (Windows): at a grant's end, show the log-out hint only, or also log the session off. */
  windowsLogoffAtEnd: z.enum(['hint', 'force']).optional(),
  /** Added (Windows): seconds the tray counts down before a forced log-off. */
  windowsLogoffCountdownSec: z.number().int().nonnegative().optional(),
});
export type EffectivePolicy = z.infer<typeof EffectivePolicySchema>;

/** Added: what the end-of-session check found for the user's last ended grant. */
export const LastSessionSchema = z.object({
  grantId: z.string(),
  endedAt: isoDate,
  /** Commands run with sudo during the grant (`privilege.used` events). */
  commands: z.number().int().nonnegative(),
  /** Admin rights added during the grant (group members, uid-0 accounts, sudoers entries). */
  drift: z.object({
    found: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
  }),
  /** Root processes still running from the person's sudo use when the grant ended. */
  rootProcesses: z.object({
    found: z.number().int().nonnegative(),
    ended: z.number().int().nonnegative(),
  }),
});
export type LastSession = z.infer<typeof LastSessionSchema>;

/**
 * Added: the OS refused part of ending the user's grant. The grant stays due (its `expiresAt`
 * has passed or it was ended) and the agent retries every second; admins see this in status.
 */
export const RestoreFailureSchema = z.object({
  grantId: z.string(),
  /** First refusal. */
  since: isoDate,
  /** What failed (the latest refusal), one or more sentences. */
  error: z.string(),
  attempts: z.number().int().positive(),
});
export type RestoreFailure = z.infer<typeof RestoreFailureSchema>;

export const LogoutHintSchema = z.enum(['grant', 'revoke']).nullable();

export const SnapshotSchema = z.object({
  user: z.string(),
  level: LevelSchema,
  permanentLevel: LevelSchema,
  grant: GrantSchema.nullable(),
  request: PrivilegeRequestSchema.nullable(),
  policy: EffectivePolicySchema,
  platform: z.object({
    os: OsSchema,
    logoutHint: LogoutHintSchema,
    /** Added: this computer's id, what an approver types as `--device` (approval codes). */
    deviceId: z.string().optional(),
    /** Added: true when the agent runs the simulated backend (a demo that changes nothing). */
    simulated: z.boolean().optional(),
    /**
     * Added (Windows, policy windowsLogoffAtEnd "force"): when the agent will log the person's
     * session off to finish removing their rights; the tray counts down to it.
     */
    logoffAt: isoDate.optional(),
  }),
  now: isoDate,
  seq: z.number().int().nonnegative(),
  /** Added: `privilege.used` events (commands run with sudo) during the active grant. */
  usage: z.object({ commands: z.number().int().nonnegative() }).optional(),
  /** Added: the end-of-session summary of the user's last ended grant, if any. */
  lastSession: LastSessionSchema.optional(),
  /** Added: the end of the active grant is being retried because the OS refused a step. */
  restoreFailure: RestoreFailureSchema.optional(),
  /** Added: how the last grant ended; present only while no grant is active. */
  ended: GrantEndSchema.optional(),
  /** Added: elevated time the policy's caps still allow (only when a cap is set). */
  allowance: AllowanceSchema.optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const AuditEventTypeSchema = z.enum([
  'agent.started',
  'privilege.granted',
  'privilege.extended',
  'privilege.released',
  'privilege.expired',
  'privilege.revoked',
  'privilege.restored',
  'privilege.used',
  'request.created',
  'request.approved',
  'request.denied',
  'request.cancelled',
  'auth.failed',
  'auth.paired',
  'drift.detected',
  'clock.jumped',
  'recovery.applied',
  /** Added: a forwarding sink's outbox was full and its oldest events were dropped. */
  'forward.dropped',
  /** Added: a help-desk approval code was entered and refused (detail: problem, triesLeft). */
  'request.code_rejected',
  /** Added: the policy's onChange hook could not run, failed or timed out. */
  'hook.failed',
  /** Added: the OS refused a step of ending a grant; retried every second (detail: error, attempt). */
  'privilege.restore_failed',
  /** Added (Windows): the log-out hint is shown for these logon sessions (detail: hint, sessions). */
  'logout.hinted',
  /** Added (Windows): the hint is done (detail: hint, how: logged-out | not-logged-on | forced). */
  'logout.done',
  /** Added: an app key waits for an admin's approval (policy pairing "confirm"; detail: fingerprint, pid, exe). */
  'auth.pair_requested',
]);
export type AuditEventType = z.infer<typeof AuditEventTypeSchema>;

export const AuditEventSchema = z.object({
  id: z.string(),
  at: isoDate,
  type: AuditEventTypeSchema,
  user: z.string().nullable(),
  level: LevelSchema.optional(),
  grantId: z.string().optional(),
  requestId: z.string().optional(),
  actor: z.string(),
  reason: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
