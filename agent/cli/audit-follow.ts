/**
 * `elevatectl audit --follow`: the recent trail oldest first, then each new event as the
 * agent appends it, like `tail -f`, until Ctrl-C or the agent goes away.
 */
import type { AgentClient } from '../client/agent-client.js';
import type { AuditEvent } from '../protocol/schemas.js';
import { ExitCode } from './exit-codes.js';
import { renderEventHeader, renderEventLine } from './format.js';
import { t } from './locale.js';
import type { CommandContext } from './program.js';

export interface AuditQuery {
  user?: string;
  since?: string;
  limit?: number;
}

const DEFAULT_BACKLOG = 20;

export async function followAudit(
  client: AgentClient,
  query: AuditQuery,
  ctx: CommandContext,
): Promise<number> {
  const seen = new Set<string>();
  let backlogDone = false;
  const early: AuditEvent[] = [];
  const show = (e: AuditEvent): void => {
    if (seen.has(e.id) || (query.user !== undefined && e.user !== query.user)) return;
    seen.add(e.id);
    ctx.io.out(ctx.json ? JSON.stringify(e) : renderEventLine(e, new Date(), ctx.io.columns));
  };

  // Subscribe before reading the backlog so nothing written in between is missed; events
  // that arrive meanwhile wait until the backlog is printed, and duplicates are dropped by id.
  client.onNotification('audit.appended', (e) => (backlogDone ? show(e) : early.push(e)));
  await client.call('admin.auditSubscribe', {});
  const { events } = await client.call('admin.audit', {
    ...query,
    limit: query.limit ?? DEFAULT_BACKLOG,
  });

  if (!ctx.json) ctx.io.out(renderEventHeader());
  for (const e of [...events].reverse()) show(e);
  for (const e of early) show(e);
  backlogDone = true;

  return new Promise<number>((resolve) => {
    const onInterrupt = (): void => {
      client.off('close', onClose);
      resolve(ExitCode.Ok);
    };
    const onClose = (): void => {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onInterrupt);
      ctx.io.err(`${ctx.program}: ${t.ctl.audit.agentGone}`);
      resolve(ExitCode.Error);
    };
    process.once('SIGINT', onInterrupt);
    process.once('SIGTERM', onInterrupt);
    client.once('close', onClose);
  });
}
