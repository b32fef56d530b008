import type { AuditEvent, Snapshot } from '../protocol/schemas.js';
import type { ConnectionContext } from './connection.js';

/** Who gets `status.changed` (per user) and `audit.appended` (admins following the trail). */
export class Subscriptions {
  private readonly status = new Map<string, Set<ConnectionContext>>();
  private readonly audit = new Set<ConnectionContext>();

  addStatus(user: string, ctx: ConnectionContext): void {
    let set = this.status.get(user);
    if (!set) this.status.set(user, (set = new Set()));
    set.add(ctx);
  }

  addAudit(ctx: ConnectionContext): void {
    this.audit.add(ctx);
  }

  remove(ctx: ConnectionContext): void {
    this.audit.delete(ctx);
    for (const [user, set] of this.status) {
      set.delete(ctx);
      if (set.size === 0) this.status.delete(user);
    }
  }

  hasStatusSubscribers(user: string): boolean {
    return (this.status.get(user)?.size ?? 0) > 0;
  }

  subscribedUsers(): string[] {
    return [...this.status.keys()];
  }

  pushStatus(snapshot: Snapshot): void {
    for (const ctx of this.status.get(snapshot.user) ?? []) ctx.notify('status.changed', snapshot);
  }

  pushAudit(event: AuditEvent): void {
    for (const ctx of this.audit) ctx.notify('audit.appended', event);
  }
}
