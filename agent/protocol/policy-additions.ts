/**
 * Issue 13's policy fields and snapshot additions (docs/policy-additions.md), kept apart from
 * schemas.ts so that file stays the protocol's core. All additive and optional on the wire.
 */
import * as z from 'zod';
import { says } from '../policy/policy-issue.js';

export const RequireAuthenticationSchema = z.enum(['none', 'password', 'biometric']);
export type RequireAuthentication = z.infer<typeof RequireAuthenticationSchema>;

export const RevokeTriggerSchema = z.enum(['logout', 'lock', 'reboot']);
export type RevokeTrigger = z.infer<typeof RevokeTriggerSchema>;

export const OnChangeHookSchema = z
  .object({
    /** Absolute path of the executable, run as root. */
    path: z.string().refine((p) => p.startsWith('/'), says('absolutePath')),
    /** Hex SHA-256 of the file; a file that does not match is not run. */
    sha256: z.string().refine((h) => /^[0-9a-f]{64}$/i.test(h), says('sha256')),
    timeoutSec: z.number().int().positive().max(300).default(10),
  })
  .strict();
export type OnChangeHook = z.infer<typeof OnChangeHookSchema>;

/** The policy fields the tray and CLI need (added to the snapshot's `policy`). */
export const PolicyAdditionsSchema = z.object({
  requireAuthentication: RequireAuthenticationSchema.optional(),
  revokeAt: z.array(RevokeTriggerSchema).optional(),
  maxElevatedSecPerDay: z.number().int().positive().nullable().optional(),
  maxElevatedSecPerWeek: z.number().int().positive().nullable().optional(),
  reasonPresets: z.array(z.string()).optional(),
  reasonPresetsOnly: z.boolean().optional(),
});

/** How much elevated time the caps leave (snapshot `allowance`, present when a cap is set). */
export const AllowanceSchema = z.object({
  /** Seconds that may still be granted now (the tighter of the two caps). */
  leftSec: z.number().int().nonnegative(),
  usedDaySec: z.number().int().nonnegative(),
  usedWeekSec: z.number().int().nonnegative(),
  /** When counted time starts to fall out of the window that limits, or null if none used. */
  moreAt: z.string().datetime({ offset: true }).nullable(),
});
export type Allowance = z.infer<typeof AllowanceSchema>;
