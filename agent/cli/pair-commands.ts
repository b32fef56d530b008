/** elevatectl's app-key pairing commands (policy pairing "confirm", docs/threat-model.md). */
import { ErrorCode, RpcError } from '../protocol/errors.js';
import type { Pairing } from '../protocol/schemas.js';
import { ExitCode } from './exit-codes.js';
import { formatLocalTime } from './format.js';
import { t } from './locale.js';
import type { Command, CommandContext } from './program.js';
import { renderTable } from './table.js';

/** Every user's paired key and waiting keys; empty from an agent that predates pairing lists. */
export async function pairings(ctx: CommandContext, user?: string): Promise<Pairing[]> {
  const client = await ctx.connect();
  try {
    return (await client.call('admin.pairings', user ? { user } : {})).pairings;
  } catch (err) {
    if (err instanceof RpcError && err.code === ErrorCode.MethodNotFound) return [];
    throw err;
  }
}

const m = t.ctl.pairing;

export function renderPairingsTable(list: readonly Pairing[]): string {
  const rows = list.flatMap((p) => [
    ...(p.fingerprint ? [[p.user, m.paired, p.fingerprint, '', '']] : []),
    ...p.pending.map((k) => [
      p.user,
      m.waiting,
      k.fingerprint,
      formatLocalTime(k.at),
      k.exe ?? (k.pid !== null ? m.pid(k.pid) : m.unknown),
    ]),
  ]);
  return renderTable(Object.values(m.columns), rows);
}

export const pairList: Command = {
  spec: { name: 'pair list', positionals: ['USER?'], flags: {} },
  ...t.help.elevatectl['pair list'],
  async run(args, ctx) {
    const list = await pairings(ctx, args.positionals[0]);
    ctx.print({ pairings: list }, () => (list.length ? renderPairingsTable(list) : m.none));
    return ExitCode.Ok;
  },
};

export const pairApprove: Command = {
  spec: { name: 'pair approve', positionals: ['USER', 'FINGERPRINT'], flags: {} },
  ...t.help.elevatectl['pair approve'],
  async run(args, ctx) {
    const [user, fingerprint] = args.positionals as [string, string];
    const client = await ctx.connect();
    const result = await client.call('admin.pairApprove', { user, fingerprint });
    ctx.print(result, () => m.approved(user, fingerprint));
    return ExitCode.Ok;
  },
};
