/**
 * The agent's wire contract (PROTOCOL.md, version 1) as zod schemas. Every client imports
 * its types from here; the agent validates every frame against them. Add fields, never rename.
 */
import { z } from 'zod';
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

const isoDate = z.string().datetime({ offset: true });

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

// ---- JSON-RPC envelope ----

export const RequestIdSchema = z.union([z.number(), z.string()]);
export type RequestId = z.infer<typeof RequestIdSchema>;

export const RpcRequestSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: RequestIdSchema.optional(),
  method: z.string().min(1),
  params: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
});

// ---- Method params ----

const signature = z.string().max(200).optional();
const noParams = z.object({ signature }).strict();
const userName = z.string().min(1).max(256);
const durationSec = z
  .number()
  .int()
  .positive()
  .max(10 * 365 * 86_400);
const reason = z.string().max(10_000);
const note = z.string().max(10_000);

export const ParamsSchemas = {
  'auth.hello': z
    .object({
      user: userName,
      client: z.string().max(200).optional(),
      protocol: z.number().int().optional(),
    })
    .strict(),
  'auth.prove': z.object({ proof: z.string().max(256) }).strict(),
  'auth.pair': z
    .object({ publicKey: z.string().min(1).max(1024), client: z.string().max(200).optional() })
    .strict(),
  'status.get': noParams,
  'status.subscribe': noParams,
  'privilege.release': noParams,
  'request.create': z
    .object({
      kind: RequestKindSchema,
      level: GrantLevelSchema.optional(),
      durationSec,
      reason: reason.optional(),
      /** Added: the tray confirmed it is the person (requireAuthentication, macOS). */
      presence: z
        .object({
          challenge: z.string().min(1).max(100),
          method: z.enum(['password', 'biometric']),
        })
        .strict()
        .optional(),
      signature,
    })
    .strict(),
  'request.cancel': z.object({ id: z.string().min(1).max(100), signature }).strict(),
  /** Added: approve the pending request with a help-desk approval code. */
  'request.approveCode': z.object({ code: z.string().min(1).max(64), signature }).strict(),
  'history.list': z
    .object({ limit: z.number().int().positive().max(200).optional(), signature })
    .strict(),
  /** Added: the tray reports the screen lock; rights under revokeAt "lock" end. */
  'session.locked': noParams,
  /** Added: a fresh single-use challenge the tray signs after its own prompt (macOS). */
  'auth.presenceChallenge': noParams,
  'admin.grant': z
    .object({
      user: userName,
      level: GrantLevelSchema,
      durationSec,
      reason: reason.optional(),
      /** Added: grant even beyond the user's maxElevatedSecPer* caps (audited). */
      overCap: z.boolean().optional(),
    })
    .strict(),
  'admin.revoke': z.object({ user: userName, reason: reason.optional() }).strict(),
  'admin.status': z.object({ user: userName.optional() }).strict(),
  'admin.requests': z.object({ state: RequestStateSchema.optional() }).strict(),
  'admin.approve': z
    .object({
      id: z.string().min(1).max(100),
      durationSec: durationSec.optional(),
      note: note.optional(),
    })
    .strict(),
  'admin.deny': z.object({ id: z.string().min(1).max(100), note: note.optional() }).strict(),
  'admin.audit': z
    .object({
      user: userName.optional(),
      since: isoDate.optional(),
      limit: z.number().int().positive().max(10_000).optional(),
      /** Added: only events older than the one with this id (the previous page's `next`). */
      before: z.string().max(64).optional(),
    })
    .strict(),
  'admin.unpair': z.object({ user: userName }).strict(),
  /** Added: stream of audit events as `audit.appended` notifications (elevatectl audit --follow). */
  'admin.auditSubscribe': z.object({}).strict(),
  /** Added: state of each audit forwarding sink (elevatectl status). */
  'admin.forwarders': z.object({}).strict(),
  /** Added: each user's paired app key and the keys waiting for an admin (pairing "confirm"). */
  'admin.pairings': z.object({ user: userName.optional() }).strict(),
  /** Added: trusts the waiting app key with this fingerprint as the user's paired key. */
  'admin.pairApprove': z
    .object({ user: userName, fingerprint: z.string().min(1).max(100) })
    .strict(),
} as const;

export type Method = keyof typeof ParamsSchemas;
export type ParamsOf<M extends Method> = z.input<(typeof ParamsSchemas)[M]>;

export const HelloResultSchema = z.object({
  protocol: z.number(),
  /** Added: the agent's release version, so a client can say when it differs from its own. */
  version: z.string().optional(),
  challenge: z.object({ path: z.string(), nonce: z.string() }),
});
export const ProveResultSchema = z.object({
  user: z.string(),
  uid: z.number(),
  admin: z.boolean(),
});

export const ForwarderStatusSchema = z.object({
  name: z.string(),
  type: z.string(),
  pending: z.number().int().nonnegative(),
  delivered: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  lastDeliveredAt: isoDate.nullable(),
});
export type ForwarderStatus = z.infer<typeof ForwarderStatusSchema>;

export const PendingPairingSchema = z.object({
  fingerprint: z.string(),
  at: isoDate,
  client: z.string().nullable(),
  /** The pairing process as the kernel saw it (null where the OS does not tell). */
  pid: z.number().int().nullable(),
  exe: z.string().nullable(),
});
export const PairingSchema = z.object({
  user: z.string(),
  /** The paired key's fingerprint ("SHA256:" + base64 of the SPKI DER's SHA-256), or null. */
  fingerprint: z.string().nullable(),
  pending: z.array(PendingPairingSchema),
});
export type Pairing = z.infer<typeof PairingSchema>;

export interface ResultOf {
  'auth.hello': z.infer<typeof HelloResultSchema>;
  'auth.prove': z.infer<typeof ProveResultSchema>;
  /** Added: `pending` when an admin must approve the key first (policy pairing "confirm"). */
  'auth.pair': { pending?: boolean; fingerprint?: string };
  'status.get': Snapshot;
  'status.subscribe': Snapshot;
  'privilege.release': Snapshot;
  'request.create': Snapshot;
  'request.cancel': Snapshot;
  'request.approveCode': Snapshot;
  'history.list': { events: AuditEvent[] };
  'session.locked': Snapshot;
  'auth.presenceChallenge': { challenge: string };
  'admin.grant': Snapshot;
  'admin.revoke': Snapshot;
  'admin.status': { users: Snapshot[] };
  'admin.requests': { requests: PrivilegeRequest[] };
  'admin.approve': Snapshot;
  'admin.deny': Snapshot;
  /** `next` (added): set when older events were left out; pass it as `before`. */
  'admin.audit': { events: AuditEvent[]; next?: string };
  'admin.unpair': Record<string, never>;
  'admin.auditSubscribe': Record<string, never>;
  'admin.forwarders': { forwarders: ForwarderStatus[] };
  'admin.pairings': { pairings: Pairing[] };
  'admin.pairApprove': Record<string, never>;
}

/** Server → client notifications. */
export interface NotificationOf {
  'status.changed': Snapshot;
  'audit.appended': AuditEvent;
}
export type NotificationMethod = keyof NotificationOf;

export const USER_METHODS = new Set<Method>([
  'status.get',
  'status.subscribe',
  'privilege.release',
  'request.create',
  'request.cancel',
  'request.approveCode',
  'history.list',
  'auth.pair',
  'session.locked',
  'auth.presenceChallenge',
]);
export const UNAUTHENTICATED_METHODS = new Set<Method>(['auth.hello', 'auth.prove']);
export function isAdminMethod(method: Method): boolean {
  return method.startsWith('admin.');
}
