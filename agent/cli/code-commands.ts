/**
 * Help-desk approval codes on the command line: the approver's offline `elevatectl code ...`
 * (no agent, no network: only the master key file) and the person's `elevate approve-code`.
 */
import {
  APPROVAL_CODE_LENGTH,
  MAX_CODE_DURATION_MIN,
  deriveDeviceKey,
  formatDeviceKey,
  makeApprovalCode,
  masterKeyId,
  normalizeDeviceId,
  readRequestCode,
} from '../codes/approval-code.js';
import { groupForReading, readCheckedCode } from '../codes/code-alphabet.js';
import { readMasterFile } from '../codes/key-files.js';
import { GrantLevelSchema, type Snapshot } from '../protocol/schemas.js';
import { choiceFlag, stringFlag, type CommandSpec, type ParsedArgs } from './args.js';
import { formatDuration, parseDuration } from './duration.js';
import { ExitCode } from './exit-codes.js';
import { formatLocalTime } from './format.js';
import { t } from './locale.js';
import type { Command } from './program.js';
import { UsageError } from './usage-error.js';

const LEVELS = GrantLevelSchema.options;

function spec(name: string, positionals: string[], flags: CommandSpec['flags'] = {}): CommandSpec {
  return { name, positionals, flags };
}

function required(args: ParsedArgs, flag: string, command: string): string {
  const value = stringFlag(args, flag);
  if (value === undefined || value.trim() === '') {
    throw new UsageError(t.help.errors.flagNeeded(`--${flag}`), command);
  }
  return value;
}

function master(args: ParsedArgs, flag: string, command: string): Buffer {
  try {
    return readMasterFile(required(args, flag, command), t.ctl.policy.problems);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message, command);
  }
}

export const deviceKey: Command = {
  spec: spec('code device-key', [], {
    master: { type: 'string', value: 'FILE' },
    device: { type: 'string', value: 'ID' },
  }),
  ...t.help.elevatectl['code device-key'],
  async run(args, ctx) {
    const secret = master(args, 'master', 'code device-key');
    const device = normalizeDeviceId(required(args, 'device', 'code device-key'));
    const line = formatDeviceKey(secret, device);
    ctx.print({ device, keyName: masterKeyId(secret), deviceKey: line }, () => line);
    return ExitCode.Ok;
  },
};

export const approveByCode: Command = {
  spec: spec('code approve', ['REQUEST-CODE'], {
    device: { type: 'string', value: 'ID' },
    user: { type: 'string', value: 'NAME' },
    for: { type: 'string', value: 'DURATION' },
    level: { type: 'string', value: 'admin|passwordless' },
    key: { type: 'string', value: 'FILE' },
  }),
  ...t.help.elevatectl['code approve'],
  async run(args, ctx) {
    const command = 'code approve';
    const request = readRequestCode(args.positionals[0] as string);
    if (!request.ok) {
      throw new UsageError(
        request.problem === 'length' ? t.ctl.code.requestLength : t.ctl.code.requestTypo,
        command,
      );
    }
    const device = normalizeDeviceId(required(args, 'device', command));
    const user = required(args, 'user', command).trim();
    const durationSec = parseDuration(required(args, 'for', command), command);
    const minutes = durationSec / 60;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_CODE_DURATION_MIN) {
      throw new UsageError(t.ctl.code.minutes(MAX_CODE_DURATION_MIN), command);
    }
    const asked = request.value.level;
    const level = choiceFlag(args, 'level', LEVELS, command) ?? asked;
    if (level !== asked) {
      throw new UsageError(t.ctl.code.levelMismatch(asked, level), command);
    }
    const secret = master(args, 'key', command);
    const issuedMinute = Math.floor(Date.now() / 60_000);
    const code = groupForReading(
      makeApprovalCode(deriveDeviceKey(secret, device), {
        deviceId: device,
        user,
        nonce: request.value.nonce,
        level,
        durationMin: minutes,
        issuedMinute,
      }),
    );
    const result = {
      code,
      device,
      user,
      level,
      durationSec,
      issuedAt: new Date(issuedMinute * 60_000).toISOString(),
      keyName: masterKeyId(secret),
    };
    ctx.print(result, () =>
      [
        t.ctl.code.approval(user, device, level === 'passwordless', formatDuration(durationSec)),
        t.ctl.code.readIt,
        code,
      ].join('\n'),
    );
    return ExitCode.Ok;
  },
};

export const enterApprovalCode: Command = {
  spec: spec('approve-code', ['CODE']),
  ...t.help.elevate['approve-code'],
  async run(args, ctx) {
    const typed = args.positionals[0] as string;
    const checked = readCheckedCode(typed, APPROVAL_CODE_LENGTH);
    if (!checked.ok) {
      throw new UsageError(
        checked.problem === 'length' ? t.code.length : t.code.typo,
        'approve-code',
      );
    }
    const client = await ctx.connect();
    const result = await client.call('request.approveCode', { code: typed });
    ctx.print(result, () => approvedSentence(result));
    return ExitCode.Ok;
  },
};

function approvedSentence(s: Snapshot): string {
  if (!s.grant) return t.code.approved;
  const until = formatLocalTime(s.grant.expiresAt);
  return t.code.approvedUntil(s.grant.level === 'passwordless', until);
}

/** The lines `elevate status` and `elevate request` add while a request waits for a code. */
export function helpDeskLines(s: Snapshot, program: string): string[] {
  const code = s.request?.state === 'pending' ? s.request.code : null;
  if (!code) return [];
  return [t.code.callHelpDesk(code, s.platform.deviceId ?? null), t.code.enterCode(program)];
}
