/**
 * zod schemas for every IPC argument the renderer can send (preload/api.ts IpcChannels).
 * The renderer is the less trusted side: nothing reaches a handler unless it parses here.
 */
import { z } from 'zod';
import { GrantLevelSchema } from '../../agent/protocol/schemas.js';
import { RENDERER_ERROR_LIMITS, type IpcChannel, type IpcChannels } from '../../preload/api.js';

const none = z.undefined();
const durationSec = z
  .number()
  .int()
  .positive()
  .max(366 * 86_400);
const reason = z.string().max(1000);

export const IpcArgumentSchemas = {
  'elevate:get-state': none,
  'elevate:stop-now': none,
  'elevate:request-elevation': z.object({ level: GrantLevelSchema, durationSec, reason }).strict(),
  'elevate:request-more-time': z.object({ durationSec, reason }).strict(),
  'elevate:cancel-request': z.string().min(1).max(100),
  'elevate:enter-approval-code': z.string().min(1).max(64),
  'elevate:get-history': z.number().int().min(1).max(200),
  'elevate:log-out-now': none,
  'elevate:set-open-at-login': z.boolean(),
  'elevate:hide-popover': none,
  // Clamped to the screen in main (popover-size.ts); this only keeps out what is not a size.
  'elevate:fit-content': z.object({ height: z.number().int().nonnegative().max(100_000) }).strict(),
  // Bounded so a page gone wrong (or taken over) cannot fill the disk through the log.
  'elevate:log': z
    .object({
      kind: z.enum(['error', 'unhandledrejection', 'render']),
      message: z.string().max(RENDERER_ERROR_LIMITS.message),
      stack: z.string().max(RENDERER_ERROR_LIMITS.stack).optional(),
    })
    .strict(),
} as const satisfies { [C in IpcChannel]: z.ZodType<IpcChannels[C][0]> };

export const IPC_CHANNELS = Object.keys(IpcArgumentSchemas) as IpcChannel[];

export class InvalidIpcArgumentError extends Error {
  constructor(channel: string, detail: string) {
    super(`The app sent an invalid value to ${channel}: ${detail}.`);
    this.name = 'InvalidIpcArgumentError';
  }
}

export function isIpcChannel(name: string): name is IpcChannel {
  return Object.hasOwn(IpcArgumentSchemas, name);
}

export function validateIpcArgument<C extends IpcChannel>(
  channel: C,
  raw: unknown,
): IpcChannels[C][0] {
  const result = IpcArgumentSchemas[channel].safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InvalidIpcArgumentError(channel, `${where}${issue?.message ?? 'not valid'}`);
  }
  return result.data as IpcChannels[C][0];
}
