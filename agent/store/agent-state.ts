/**
 * The agent's durable state: one JSON document, validated on load. A `pending` entry is the
 * write-ahead record of an OS change in progress, so start-up can finish or undo it.
 */
import * as z from 'zod';
import { PriorStateSchema } from '../backends/backend.js';
import {
  PendingPairingSchema,
  GrantEndSchema,
  GrantLevelSchema,
  GrantSchema,
  PrivilegeRequestSchema,
  RestoreFailureSchema,
} from '../protocol/schemas.js';

export const EndKindSchema = z.enum(['expired', 'released', 'revoked']);
export type EndKind = z.infer<typeof EndKindSchema>;

/** Where the deadline is on this boot's clock that sleep cannot stop (/proc/uptime). */
export const BootDeadlineSchema = z.object({ bootId: z.string(), uptimeMs: z.number() });

export const GrantRecordSchema = GrantSchema.omit({ extensionsLeft: true }).extend({
  prior: PriorStateSchema,
  bootDeadline: BootDeadlineSchema.nullable(),
});
export type GrantRecord = z.infer<typeof GrantRecordSchema>;

export const PendingOpSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('apply'),
    grantId: z.string(),
    level: GrantLevelSchema,
    prior: PriorStateSchema,
  }),
  z.object({
    op: z.literal('restore'),
    grantId: z.string(),
    level: GrantLevelSchema,
    prior: PriorStateSchema,
    end: EndKindSchema,
    actor: z.string(),
    reason: z.string().nullable(),
  }),
]);
export type PendingOp = z.infer<typeof PendingOpSchema>;

export const StoredRequestSchema = PrivilegeRequestSchema.extend({
  user: z.string(),
  /** The request code's random part (hex), when approval codes were on at its creation. */
  codeNonce: z.string().optional(),
  /** Wrong approval codes entered for this request. */
  codeTries: z.number().int().nonnegative().optional(),
});
export type StoredRequest = z.infer<typeof StoredRequestSchema>;

export const UserStateSchema = z.object({
  seq: z.number().int().nonnegative(),
  grant: GrantRecordSchema.nullable(),
  pending: PendingOpSchema.nullable(),
  requests: z.array(StoredRequestSchema),
  requestTimes: z.array(z.number()),
  pairedKey: z.string().nullable(),
  /** App keys waiting for an admin's approval (policy pairing "confirm"), newest last. */
  pendingKeys: z.array(PendingPairingSchema.extend({ publicKey: z.string() })).optional(),
  logoutHint: z.enum(['grant', 'revoke']).nullable(),
  /** Logon sessions (LogonSession.key) the hint was shown for; null until the agent looked. */
  logoutSessions: z.array(z.string()).nullable().optional(),
  /** When the agent logs those sessions off (policy windowsLogoffAtEnd "force"). */
  logoffAt: z.string().nullable().optional(),
  /** When wrong approval codes were entered (ms), kept for a day: a cap across requests. */
  codeFailures: z.array(z.number()).optional(),
  /** How the last grant ended (optional: state files from before it was recorded). */
  lastEnd: GrantEndSchema.nullable().optional(),
  /** The OS refused part of ending the grant; `pending` keeps the restore due until it works. */
  restoreFailure: RestoreFailureSchema.nullable().optional(),
});
export type UserState = z.infer<typeof UserStateSchema>;

export const AgentStateSchema = z.object({
  version: z.literal(1),
  users: z.record(z.string(), UserStateSchema),
});
export type AgentState = z.infer<typeof AgentStateSchema>;

export function emptyUserState(): UserState {
  return {
    seq: 0,
    grant: null,
    pending: null,
    requests: [],
    requestTimes: [],
    pairedKey: null,
    logoutHint: null,
  };
}
