/**
 * The agent's wire contract (PROTOCOL.md, version 1) as zod schemas: the JSON-RPC envelope,
 * every method's params and results, and (re-exported from domain-schemas.ts) what they carry.
 * Every client imports its types from here; the agent validates every frame against them. Add
 * fields, never rename.
 */
import * as z from 'zod';
import {
  GrantLevelSchema,
  isoDate,
  RequestKindSchema,
  RequestStateSchema,
  type AuditEvent,
  type PrivilegeRequest,
  type Snapshot,
} from './domain-schemas.js';
export * from './domain-schemas.js';

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
      /** Added: the client's language ("de-DE", "de_DE.UTF-8"); error messages use it. */
      locale: z.string().max(64).optional(),
      /**
       * Added: the client's IANA time zone ("Europe/Berlin"): times in error messages are
       * written in it (UTC, saying so, when absent or unknown).
       */
      timeZone: z.string().max(64).optional(),
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
      /** Added: approve beyond the user's maxElevatedSecPer* caps (audited as overCap). */
      overCap: z.boolean().optional(),
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
  /** Added: no rights are given or extended until the agent restarts (restore-all, uninstall). */
  'admin.close': z.object({}).strict(),
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
  /** Null on Windows, which has no uids (added: null). */
  uid: z.number().nullable(),
  /** Added: the account's SID, on Windows. */
  sid: z.string().optional(),
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
  'admin.close': Record<string, never>;
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
