/**
 * The admin's policy file (POLICY.md, version 1). Strict everywhere: an unknown field is an
 * error, so a typo never silently weakens a policy.
 */
import * as z from 'zod';
import { ApprovalCodesPolicySchema } from '../codes/policy-schema.js';
import { ForwardPolicySchema } from '../forward/policy-schema.js';
import {
  OnChangeHookSchema,
  RequireAuthenticationSchema,
  RevokeTriggerSchema,
} from '../protocol/policy-additions.js';
import { GrantLevelSchema } from '../protocol/schemas.js';
import { says } from './policy-issue.js';

const seconds = z.number().int().positive();
const unique = (a: readonly unknown[]): boolean => new Set(a).size === a.length;

export const PolicySettingsSchema = z
  .object({
    selfServe: z.boolean(),
    approvalRequired: z.boolean(),
    levels: z.array(GrantLevelSchema).min(1),
    durationsSec: z.array(seconds).min(1),
    maxDurationSec: seconds,
    maxExtensions: z.number().int().nonnegative(),
    requireReason: z.boolean(),
    reasonMinLength: z.number().int().nonnegative(),
    reasonMaxLength: z.number().int().positive().max(10_000),
    requireSignedRequests: z.boolean(),
    /** Added: "tofu" trusts the first app key to pair; "confirm" waits for an admin. */
    pairing: z.enum(['tofu', 'confirm']),
    warnBeforeSec: z.array(seconds),
    maxRequestsPerHour: z.number().int().positive(),
    /** Admin rights added during a grant (docs/policy-additions.md): reported, or also undone. */
    cleanupOnEnd: z.enum(['report', 'remove']),
    /** Root processes left from the person's sudo use are ended when the grant ends. */
    endRootSessions: z.boolean(),
    /** Seconds between SIGTERM and SIGKILL when root processes are ended. */
    rootSessionGraceSec: z.number().int().nonnegative().max(300),
    // Issue 13 (docs/policy-additions.md):
    /** Self-serve requests need the person's own proof (polkit / Touch ID), not just a cookie. */
    requireAuthentication: RequireAuthenticationSchema,
    /** Events that end the rights early. */
    revokeAt: z.array(RevokeTriggerSchema).refine(unique, says('distinct')),
    /** Caps on elevated time in a rolling 24 h / 7 day window; null: no cap. */
    maxElevatedSecPerDay: seconds.nullable(),
    maxElevatedSecPerWeek: seconds.nullable(),
    reasonPresets: z.array(z.string().trim().min(1).max(250)).max(50),
    /** Only a preset is accepted as the reason. */
    reasonPresetsOnly: z.boolean(),
    /** Run as root after every grant and every end of a grant. */
    onChange: OnChangeHookSchema.nullable(),
    /** Windows: after a grant ends, show the log-out hint ("hint") or also log off ("force"). */
    windowsLogoffAtEnd: z.enum(['hint', 'force']),
    /** Windows: the tray's countdown ("save your work") before a forced log-off. */
    windowsLogoffCountdownSec: z.number().int().nonnegative().max(3600),
  })
  .strict();
export type PolicySettings = z.infer<typeof PolicySettingsSchema>;

const PartialSettings = PolicySettingsSchema.partial();

const accountName = z.string().min(1).max(256);

export const PolicyRuleSchema = PartialSettings.extend({
  users: z.array(accountName).optional(),
  groups: z.array(accountName).optional(),
}).strict();
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

export const PolicyFileSchema = z
  .object({
    version: z.literal(1),
    adminGroup: z
      .string()
      .refine((g) => /^[a-z_][a-z0-9_-]*\$?$/i.test(g), says('groupName'))
      .optional(),
    defaults: PartialSettings.optional(),
    rules: z.array(PolicyRuleSchema).optional(),
    /** Added: where the audit trail is forwarded (docs/forwarding.md). */
    forward: ForwardPolicySchema.optional(),
    /** Added: help-desk approval codes (docs/approval-codes.md); absent = codes off. */
    approvalCodes: ApprovalCodesPolicySchema.optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    // A rule that accepts only presets must have some, or nobody under it could ask at all.
    const blocks = [file.defaults ?? {}, ...(file.rules ?? [])];
    blocks.forEach((b, i) => {
      const presets = b.reasonPresets ?? file.defaults?.reasonPresets ?? [];
      if (b.reasonPresetsOnly && presets.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: i === 0 ? ['defaults', 'reasonPresetsOnly'] : ['rules', i - 1, 'reasonPresetsOnly'],
          ...says('presetsNeeded'),
        });
      }
    });
  });
export type PolicyFile = z.infer<typeof PolicyFileSchema>;

export const BUILT_IN_DEFAULTS: PolicySettings = {
  selfServe: false,
  approvalRequired: true,
  levels: ['admin'],
  durationsSec: [600, 1800, 3600],
  maxDurationSec: 3600,
  maxExtensions: 2,
  requireReason: true,
  reasonMinLength: 10,
  reasonMaxLength: 250,
  requireSignedRequests: false,
  pairing: 'tofu',
  warnBeforeSec: [300, 60],
  maxRequestsPerHour: 10,
  cleanupOnEnd: 'report',
  endRootSessions: false,
  rootSessionGraceSec: 5,
  requireAuthentication: 'none',
  revokeAt: [],
  maxElevatedSecPerDay: null,
  maxElevatedSecPerWeek: null,
  reasonPresets: [],
  reasonPresetsOnly: false,
  onChange: null,
  windowsLogoffAtEnd: 'hint',
  windowsLogoffCountdownSec: 120,
};

export const EMPTY_POLICY: PolicyFile = { version: 1 };
