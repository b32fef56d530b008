/** elevatectl's commands: what an admin (or an MDM job) runs on the device. */
import { ErrorCode, RpcError } from '../protocol/errors.js';
import {
  GrantLevelSchema,
  RequestStateSchema,
  type ForwarderStatus,
  type Snapshot,
} from '../protocol/schemas.js';
import {
  choiceFlag,
  positiveIntFlag,
  stringFlag,
  type CommandSpec,
  type ParsedArgs,
} from './args.js';
import { followAudit } from './audit-follow.js';
import { approveByCode, deviceKey } from './code-commands.js';
import { formatTimeLeft, parseDuration } from './duration.js';
import { ExitCode } from './exit-codes.js';
import { levelLabel, t } from './locale.js';
import { decisionRefusal } from './next-step.js';
import {
  formatLocalTime,
  grantRemainingMs,
  renderEventsTable,
  renderForwardersTable,
  renderRequestsTable,
  renderSnapshot,
  renderStatusTable,
  renderRestoreFailures,
} from './format.js';
import { policyCheck } from './policy-check.js';
import { pairApprove, pairList, pairings, renderPairingsTable } from './pair-commands.js';
import type { Command, CommandContext, Program } from './program.js';
import { UsageError } from './usage-error.js';

const LEVELS = GrantLevelSchema.options;
const STATES = RequestStateSchema.options;

function spec(name: string, positionals: string[], flags: CommandSpec['flags'] = {}): CommandSpec {
  return { name, positionals, flags };
}

/** "alice: Administrator until 14:05:30 (10 min left)." or "alice: no temporary rights (Standard user)." */
export function describeOutcome(s: Snapshot): string {
  const left = grantRemainingMs(s);
  if (s.grant && left !== null) {
    const until = formatLocalTime(s.grant.expiresAt);
    return t.ctl.outcome.granted(s.user, levelLabel(s.grant.level), until, formatTimeLeft(left));
  }
  return t.ctl.outcome.none(s.user, levelLabel(s.level));
}

async function forwarders(ctx: CommandContext): Promise<ForwarderStatus[]> {
  const client = await ctx.connect();
  try {
    return (await client.call('admin.forwarders', {})).forwarders;
  } catch (err) {
    // An agent without audit forwarding does not know the method: there is nothing to show.
    if (err instanceof RpcError && err.code === ErrorCode.MethodNotFound) return [];
    throw err;
  }
}

const status: Command = {
  spec: spec('status', ['USER?']),
  ...t.help.elevatectl.status,
  async run(args, ctx) {
    const client = await ctx.connect();
    const user = args.positionals[0];
    const result = await client.call('admin.status', user ? { user } : {});
    if (user) {
      const snap = result.users[0];
      if (!snap) throw new RpcError(ErrorCode.NotFound, t.ctl.outcome.unknownUser(user));
      ctx.print(snap, () => renderSnapshot(snap));
      return ExitCode.Ok;
    }
    const sinks = await forwarders(ctx);
    const keys = await pairings(ctx);
    const value = {
      ...result,
      ...(sinks.length > 0 ? { forwarders: sinks } : {}),
      ...(keys.length > 0 ? { pairings: keys } : {}),
    };
    ctx.print(value, () =>
      [
        renderStatusTable(result.users, new Date(), ctx.io.columns),
        ...[renderRestoreFailures(result.users)].filter(Boolean).map((t) => `\n${t}`),
        ...(sinks.length > 0
          ? ['', t.ctl.status.forwarding, renderForwardersTable(sinks, new Date(), ctx.io.columns)]
          : []),
        ...(keys.length > 0 ? ['', t.ctl.status.appKeys, renderPairingsTable(keys)] : []),
      ].join('\n'),
    );
    return ExitCode.Ok;
  },
};

const grant: Command = {
  spec: spec('grant', ['USER'], {
    level: { type: 'string', value: 'admin|passwordless' },
    for: { type: 'string', value: 'DURATION' },
    reason: { type: 'string', value: 'TEXT' },
    'over-cap': { type: 'boolean' },
  }),
  ...t.help.elevatectl.grant,
  async run(args, ctx) {
    const user = args.positionals[0] as string;
    const forText = stringFlag(args, 'for');
    if (forText === undefined) throw new UsageError(t.help.errors.grantNeedsFor, 'grant');
    const durationSec = parseDuration(forText, 'grant');
    const level = choiceFlag(args, 'level', LEVELS, 'grant') ?? 'admin';
    const reason = stringFlag(args, 'reason');
    const client = await ctx.connect();
    const snap = await client.call('admin.grant', {
      user,
      level,
      durationSec,
      ...(reason !== undefined ? { reason } : {}),
      ...(args.flags['over-cap'] === true ? { overCap: true } : {}),
    });
    ctx.print(snap, () => describeOutcome(snap));
    return ExitCode.Ok;
  },
};

const revoke: Command = {
  spec: spec('revoke', ['USER'], { reason: { type: 'string', value: 'TEXT' } }),
  ...t.help.elevatectl.revoke,
  async run(args, ctx) {
    const user = args.positionals[0] as string;
    const reason = stringFlag(args, 'reason');
    const client = await ctx.connect();
    const snap = await client.call('admin.revoke', {
      user,
      ...(reason !== undefined ? { reason } : {}),
    });
    ctx.print(snap, () => t.ctl.outcome.revoked(describeOutcome(snap)));
    return ExitCode.Ok;
  },
};

const requests: Command = {
  spec: spec('requests', [], { state: { type: 'string', value: `${STATES.join('|')}|all` } }),
  ...t.help.elevatectl.requests,
  async run(args, ctx) {
    const state = choiceFlag(args, 'state', [...STATES, 'all'], 'requests') ?? 'pending';
    const client = await ctx.connect();
    const result = await client.call('admin.requests', state === 'all' ? {} : { state });
    ctx.print(result, () =>
      result.requests.length === 0 && state === 'pending'
        ? t.ctl.requests.noneWaiting
        : renderRequestsTable(result.requests, new Date(), ctx.io.columns),
    );
    return ExitCode.Ok;
  },
};

const approve: Command = {
  spec: spec('approve', ['ID'], {
    for: { type: 'string', value: 'DURATION' },
    note: { type: 'string', value: 'TEXT' },
    'over-cap': { type: 'boolean' },
  }),
  ...t.help.elevatectl.approve,
  async run(args, ctx) {
    const id = args.positionals[0] as string;
    const forText = stringFlag(args, 'for');
    const durationSec = forText === undefined ? undefined : parseDuration(forText, 'approve');
    const note = stringFlag(args, 'note');
    const client = await ctx.connect();
    const snap = await client
      .call('admin.approve', {
        id,
        ...(durationSec !== undefined ? { durationSec } : {}),
        ...(note !== undefined ? { note } : {}),
        ...(args.flags['over-cap'] === true ? { overCap: true } : {}),
      })
      .catch((err: unknown) => {
        throw decisionRefusal(err, id, ctx.program);
      });
    ctx.print(snap, () => t.ctl.outcome.approved(id, describeOutcome(snap)));
    return ExitCode.Ok;
  },
};

const deny: Command = {
  spec: spec('deny', ['ID'], { note: { type: 'string', value: 'TEXT' } }),
  ...t.help.elevatectl.deny,
  async run(args, ctx) {
    const id = args.positionals[0] as string;
    const note = stringFlag(args, 'note');
    const client = await ctx.connect();
    const snap = await client
      .call('admin.deny', { id, ...(note !== undefined ? { note } : {}) })
      .catch((err: unknown) => {
        throw decisionRefusal(err, id, ctx.program);
      });
    ctx.print(snap, () => t.ctl.outcome.denied(id, snap.user));
    return ExitCode.Ok;
  },
};

function auditQuery(args: ParsedArgs): {
  user?: string;
  since?: string;
  limit?: number;
  before?: string;
} {
  const user = stringFlag(args, 'user');
  const before = stringFlag(args, 'before');
  const since = stringFlag(args, 'since');
  if (since !== undefined && Number.isNaN(Date.parse(since))) {
    throw new UsageError(t.help.errors.since(since), 'audit');
  }
  const limit = positiveIntFlag(args, 'limit', 'audit', 10_000);
  return {
    ...(user !== undefined ? { user } : {}),
    ...(since !== undefined ? { since: new Date(since).toISOString() } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(before !== undefined ? { before } : {}),
  };
}

const audit: Command = {
  spec: spec('audit', [], {
    user: { type: 'string', value: 'USER' },
    since: { type: 'string', value: 'ISO-TIME' },
    limit: { type: 'string', value: 'N' },
    before: { type: 'string', value: 'EVENT-ID' },
    follow: { type: 'boolean', short: 'f' },
  }),
  ...t.help.elevatectl.audit,
  async run(args, ctx) {
    const query = auditQuery(args);
    const client = await ctx.connect();
    if (args.flags.follow) return followAudit(client, query, ctx);
    const result = await client.call('admin.audit', query);
    ctx.print(result, () =>
      [
        renderEventsTable(result.events, new Date(), ctx.io.columns),
        ...(result.next ? [t.ctl.audit.olderLeftOut(result.next)] : []),
      ].join('\n'),
    );
    return ExitCode.Ok;
  },
};

const unpair: Command = {
  spec: spec('unpair', ['USER']),
  ...t.help.elevatectl.unpair,
  async run(args, ctx) {
    const user = args.positionals[0] as string;
    const client = await ctx.connect();
    const result = await client.call('admin.unpair', { user });
    ctx.print(result, () => t.ctl.pairing.unpaired(user));
    return ExitCode.Ok;
  },
};

export const elevatectl: Program = {
  name: 'elevatectl',
  description: t.help.elevatectl.description,
  commands: {
    status,
    grant,
    revoke,
    requests,
    approve,
    deny,
    audit,
    unpair,
    'pair list': pairList,
    'pair approve': pairApprove,
    'policy check': policyCheck(spec('policy check', ['FILE'])),
    'code device-key': deviceKey,
    'code approve': approveByCode,
  },
};
