/** `elevate`'s commands: the person's own rights, from a terminal or over SSH. */
import type { AgentClient } from '../client/agent-client.js';
import { ErrorCode, RpcError } from '../protocol/errors.js';
import { GrantLevelSchema, type GrantLevel, type Snapshot } from '../protocol/schemas.js';
import { choiceFlag, positiveIntFlag, stringFlag, type CommandSpec } from './args.js';
import { formatTimeLeft, parseDuration } from './duration.js';
import { enterApprovalCode, helpDeskLines } from './code-commands.js';
import { ExitCode } from './exit-codes.js';
import { levelLabel, t } from './locale.js';
import { describePolicy, formatLocalTime, grantRemainingMs, renderSnapshot } from './format.js';
import type { Command, CommandContext, Program } from './program.js';
import {
  policyAdditionLines,
  presetProblem,
  resolveReasonPreset,
  startTerminalPrompt,
} from './policy-additions.js';
import { groupSessions } from '../shared/sessions.js';
import { renderHistory } from './history-view.js';
import { requestRefusal } from './next-step.js';
import { reasonProblem } from './reason-check.js';
import { UsageError } from './usage-error.js';
import { watch as watchCountdown } from './watch.js';

const LEVELS = GrantLevelSchema.options;

function spec(name: string, positionals: string[], flags: CommandSpec['flags'] = {}): CommandSpec {
  return { name, positionals, flags };
}

/** What a request's answer means for the person, in one or two sentences. */
export function describeRequestOutcome(s: Snapshot, program: string): string {
  const r = s.request;
  const left = grantRemainingMs(s);
  if (r?.state === 'pending') {
    return [t.outcome.pending(r.id, program), ...helpDeskLines(s, program)].join('\n');
  }
  if (r?.state === 'denied') return t.outcome.denied(r.id, r.note ?? null);
  if (s.grant && left !== null) {
    const until = formatLocalTime(s.grant.expiresAt);
    return t.outcome.granted(levelLabel(s.grant.level), until, formatTimeLeft(left));
  }
  return t.outcome.none(levelLabel(s.level));
}

function checkedReason(
  args: Parameters<Command['run']>[0],
  snap: Snapshot,
  command: string,
): string | undefined {
  const reason = resolveReasonPreset(stringFlag(args, 'reason'), snap.policy);
  const problem = presetProblem(reason, snap.policy) ?? reasonProblem(reason, snap.policy);
  if (problem) throw new UsageError(problem, command);
  const text = reason?.trim();
  return text ? text : undefined;
}

async function currentStatus(
  ctx: CommandContext,
): Promise<{ client: AgentClient; snap: Snapshot }> {
  const client = await ctx.connect();
  return { client, snap: await client.call('status.get') };
}

const status: Command = {
  spec: spec('status', []),
  ...t.help.elevate.status,
  async run(_args, ctx) {
    const { snap } = await currentStatus(ctx);
    ctx.print(snap, () =>
      [
        renderSnapshot(snap, new Date(), true),
        ...helpDeskLines(snap, ctx.program),
        describePolicy(snap.policy),
        ...policyAdditionLines(snap),
      ].join('\n'),
    );
    return ExitCode.Ok;
  },
};

const request: Command = {
  spec: spec('request', ['DURATION...'], {
    reason: { type: 'string', value: 'TEXT' },
    level: { type: 'string', value: 'admin|passwordless' },
  }),
  ...t.help.elevate.request,
  async run(args, ctx) {
    const durationSec = parseDuration(args.positionals.join(' '), 'request');
    const asked = choiceFlag(args, 'level', LEVELS, 'request');
    const { client, snap } = await currentStatus(ctx);
    const reason = checkedReason(args, snap, 'request');
    const level: GrantLevel =
      asked ??
      (snap.policy.levels.includes('admin') ? 'admin' : (snap.policy.levels[0] ?? 'admin'));
    const stopPrompt = await startTerminalPrompt(snap);
    const result = await client
      .call('request.create', {
        kind: 'elevate',
        level,
        durationSec,
        ...(reason !== undefined ? { reason } : {}),
      })
      .catch((err: unknown) => {
        throw requestRefusal(err, snap, ctx.program, 'elevate');
      })
      .finally(stopPrompt);
    ctx.print(result, () => describeRequestOutcome(result, ctx.program));
    return result.request?.state === 'denied' ? ExitCode.NotAuthorised : ExitCode.Ok;
  },
};

const extend: Command = {
  spec: spec('extend', ['DURATION...'], { reason: { type: 'string', value: 'TEXT' } }),
  ...t.help.elevate.extend,
  async run(args, ctx) {
    const durationSec = parseDuration(args.positionals.join(' '), 'extend');
    const { client, snap } = await currentStatus(ctx);
    if (!snap.grant) {
      throw new RpcError(ErrorCode.NotFound, t.outcome.nothingToExtend(ctx.program));
    }
    const reason = checkedReason(args, snap, 'extend');
    // An extension is a request too: the same proof is asked for as for the first one.
    const stopPrompt = await startTerminalPrompt(snap);
    const result = await client
      .call('request.create', {
        kind: 'extend',
        level: snap.grant.level,
        durationSec,
        ...(reason !== undefined ? { reason } : {}),
      })
      .catch((err: unknown) => {
        throw requestRefusal(err, snap, ctx.program, 'extend');
      })
      .finally(stopPrompt);
    ctx.print(result, () => describeRequestOutcome(result, ctx.program));
    return result.request?.state === 'denied' ? ExitCode.NotAuthorised : ExitCode.Ok;
  },
};

const stop: Command = {
  spec: spec('stop', []),
  ...t.help.elevate.stop,
  async run(_args, ctx) {
    const client = await ctx.connect();
    const result = await client.call('privilege.release');
    ctx.print(result, () => t.outcome.released(levelLabel(result.level)));
    return ExitCode.Ok;
  },
};

const cancel: Command = {
  spec: spec('cancel', []),
  ...t.help.elevate.cancel,
  async run(_args, ctx) {
    const { client, snap } = await currentStatus(ctx);
    if (snap.request?.state !== 'pending') {
      throw new RpcError(ErrorCode.NotFound, t.outcome.noPending);
    }
    const result = await client.call('request.cancel', { id: snap.request.id });
    ctx.print(result, () => t.outcome.cancelled(snap.request?.id ?? ''));
    return ExitCode.Ok;
  },
};

const history: Command = {
  spec: spec('history', [], { limit: { type: 'string', value: 'N' } }),
  ...t.help.elevate.history,
  async run(args, ctx) {
    const limit = positiveIntFlag(args, 'limit', 'history', 50) ?? 5;
    const { client, snap } = await currentStatus(ctx);
    const { events } = await client.call('history.list', { limit: 200 });
    const activeGrantId = snap.grant?.id ?? null;
    ctx.print({ sessions: groupSessions(events, activeGrantId, limit), events }, () =>
      renderHistory(events, activeGrantId, limit, ctx.io.columns, { user: snap.user }),
    );
    return ExitCode.Ok;
  },
};

const watch: Command = {
  spec: spec('watch', []),
  ...t.help.elevate.watch,
  async run(_args, ctx) {
    const client = await ctx.connect();
    return watchCountdown(client, ctx);
  },
};

export const elevate: Program = {
  name: 'elevate',
  description: t.help.elevate.description,
  commands: {
    status,
    request,
    extend,
    stop,
    cancel,
    'approve-code': enterApprovalCode,
    history,
    watch,
  },
};
