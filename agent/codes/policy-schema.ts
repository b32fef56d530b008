/** The policy's `approvalCodes` block (docs/approval-codes.md). */
import { posix, win32 } from 'node:path';
import * as z from 'zod';
import { says } from '../policy/policy-issue.js';
import { MAX_VALIDITY_SEC } from './approval-code.js';

export const ApprovalCodesPolicySchema = z
  .object({
    /** Root-only file holding this device's key (`elevatectl code device-key`). */
    keyFile: z
      .string()
      .min(1)
      .refine((p) => posix.isAbsolute(p) || win32.isAbsolute(p), says('absolutePath')),
    /** How long after it was made an approval code works. */
    validitySec: z.number().int().min(60).max(MAX_VALIDITY_SEC).default(900),
    /** Wrong codes per request before the request is cancelled. */
    maxTries: z.number().int().min(1).max(10).default(5),
  })
  .strict();
export type ApprovalCodesPolicy = z.infer<typeof ApprovalCodesPolicySchema>;
