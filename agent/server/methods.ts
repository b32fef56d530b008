/** The protocol's methods: who may call each, and what it does (PROTOCOL.md tables). */
import type { AuditLog } from '../audit/audit-log.js';
import type { AuthFailures } from '../audit/auth-failures.js';
import { verifyRequestSignature } from '../auth/app-keys.js';
import type { PairingService } from '../auth/pairing.js';
import type { CookieChallenges } from '../auth/cookie-challenge.js';
import type { CodeApprovals } from '../codes/code-approvals.js';
import type { UserPresence } from '../auth/user-presence.js';
import { checkCaps } from '../caps/cap-check.js';
import type { ElevatedTime } from '../caps/elevated-time.js';
import type { RevokeTriggers } from '../revoke/revoke-triggers.js';
import type { PrivilegeService } from '../grants/privilege-service.js';
import type { RequestService } from '../grants/request-service.js';
import type { SnapshotBuilder } from '../grants/snapshot-builder.js';
import { agentError } from '../i18n/index.js';
import { knownTimeZone } from '../i18n/times.js';
import { ErrorCode } from '../protocol/errors.js';
import { intlTag, pickLocale } from '../shared/i18n/locale.js';
import {
  PROTOCOL_VERSION,
  isAdminMethod,
  type ForwarderStatus,
  type Method,
  type ParamsOf,
  type Snapshot,
} from '../protocol/schemas.js';
import type { Mutex } from '../shared/mutex.js';
import type { StateStore } from '../store/state-store.js';
import type { UserDirectory } from '../users/user-directory.js';
import type { AdminRule } from '../auth/admin-rule.js';
import type { ConnectionContext, Handler, Session } from './connection.js';
import { HELLOS_PER_CONNECTION } from './limits.js';
import type { Subscriptions } from './subscriptions.js';
import { VERSION } from '../shared/version.js';

export interface MethodDeps {
  lock: Mutex;
  store: StateStore;
  audit: AuditLog;
  authFailures: AuthFailures;
  users: UserDirectory;
  challenges: CookieChallenges;
  pairing: PairingService;
  privileges: PrivilegeService;
  requests: RequestService;
  codes: CodeApprovals;
  snapshots: SnapshotBuilder;
  subscriptions: Subscriptions;
  forwarders: () => ForwarderStatus[];
  /** Who gets admin.* (auth/admin-rule.ts; Windows: backends/win32/admin-rule.ts). */
  isAdmin: AdminRule;
  /** Issue 13: proof of presence, elevated-time caps, revokeAt "lock". */
  presence: UserPresence;
  elevatedTime: ElevatedTime;
  triggers: RevokeTriggers;
  wall: () => number;
}

type P<M extends Method> = ParamsOf<M>;

export function createHandler(d: MethodDeps): Handler {
  // Built inside the core lock, never in the middle of an operation (see the lock in agent.ts).
  const build = (user: string): Promise<Snapshot> => d.snapshots.build(user);
  const snap = (user: string): Promise<Snapshot> => d.lock.run(() => build(user));
  /** Runs an operation and returns the user's snapshot as that operation left it. */
  const change = (user: string, op: () => Promise<unknown>): Promise<Snapshot> =>
    d.lock.run(async () => {
      await op();
      return build(user);
    });

  return async (ctx, method, params, raw) => {
    if (method === 'auth.hello') return hello(ctx, params as P<'auth.hello'>);
    if (method === 'auth.prove') return prove(ctx, params as P<'auth.prove'>);
    const session = ctx.session as Session;
    const me = session.account.name;
    if (isAdminMethod(method) && !session.admin) {
      throw agentError(ErrorCode.Forbidden, (m) => m.adminOnly);
    }
    if (isAdminMethod(method)) params = await withCanonicalUser(params);
    switch (method) {
      case 'auth.pair': {
        const p = params as P<'auth.pair'>;
        return d.lock.run(() => d.pairing.pair(me, p.publicKey, p.client ?? null, ctx.peer));
      }
      case 'status.get':
        return snap(me);
      case 'status.subscribe':
        return d.lock.run(() => {
          d.subscriptions.addStatus(me, ctx);
          return build(me);
        });
      case 'privilege.release':
        return change(me, async () => {
          if (!d.store.peek(me)?.grant) {
            throw agentError(ErrorCode.NotFound, (m) => m.nothingToRelease);
          }
          await d.privileges.end(me, 'released', me, null);
        });
      case 'request.create': {
        const p = params as P<'request.create'>;
        const key = d.store.peek(me)?.pairedKey ?? null;
        const signed = !!key && verifyRequestSignature(key, session.nonce, method, raw);
        const policy = await d.snapshots.policyFor(me);
        await d.presence.confirm(policy.requireAuthentication, {
          user: me,
          uid: session.account.uid,
          peer: ctx.peer,
          challenges: ctx.presenceChallenges,
          signedByApp: signed,
          proof: p.presence,
        });
        return change(me, () =>
          d.requests.create(
            me,
            {
              kind: p.kind,
              durationSec: p.durationSec,
              ...(p.level ? { level: p.level } : {}),
              ...(p.reason !== undefined ? { reason: p.reason } : {}),
            },
            signed,
          ),
        );
      }
      case 'session.locked':
        return change(me, () => d.triggers.locked(me));
      case 'auth.presenceChallenge':
        return { challenge: d.presence.issue(ctx.presenceChallenges) };
      case 'request.cancel':
        return change(me, () => d.requests.cancel(me, (params as P<'request.cancel'>).id));
      case 'request.approveCode': {
        const code = (params as P<'request.approveCode'>).code;
        return change(me, () => d.codes.redeem(me, code));
      }
      case 'history.list':
        return { events: d.audit.history(me, (params as P<'history.list'>).limit ?? 50) };
      case 'admin.grant': {
        const p = params as P<'admin.grant'>;
        return change(p.user, async () => {
          if (!p.overCap) {
            const now = d.wall();
            const replaced = d.elevatedTime.remainingSec(p.user, now);
            checkCaps(d.elevatedTime, await d.snapshots.policyFor(p.user), {
              user: p.user,
              addSec: p.durationSec - replaced,
              now,
              asker: 'admin',
            });
          }
          await d.privileges.grant({
            user: p.user,
            level: p.level,
            durationSec: p.durationSec,
            reason: p.reason ?? null,
            source: 'admin',
            actor: me,
            ...(p.overCap ? { overCap: true } : {}),
          });
        });
      }
      case 'admin.revoke': {
        const p = params as P<'admin.revoke'>;
        return change(p.user, async () => {
          if (!d.store.peek(p.user)?.grant) throw await d.privileges.nothingToEnd(p.user);
          await d.privileges.end(p.user, 'revoked', me, p.reason ?? null);
        });
      }
      case 'admin.status': {
        const p = params as P<'admin.status'>;
        const names = p.user
          ? [p.user]
          : d.store.users().filter((u) => {
              const s = d.store.peek(u);
              return !!s && (s.grant !== null || s.requests.length > 0);
            });
        return { users: await d.lock.run(() => Promise.all(names.map(build))) };
      }
      case 'admin.requests':
        return { requests: d.requests.list((params as P<'admin.requests'>).state) };
      case 'admin.approve': {
        const p = params as P<'admin.approve'>;
        return d.lock.run(async () =>
          build(
            await d.requests.approve(me, p.id, p.durationSec, p.note ?? null, p.overCap === true),
          ),
        );
      }
      case 'admin.deny': {
        const p = params as P<'admin.deny'>;
        return d.lock.run(async () => build(await d.requests.deny(me, p.id, p.note ?? null)));
      }
      case 'admin.audit': {
        const p = params as P<'admin.audit'>;
        return d.audit.page({
          limit: p.limit ?? 100,
          ...(p.user ? { user: p.user } : {}),
          ...(p.since ? { since: p.since } : {}),
          ...(p.before ? { before: p.before } : {}),
        });
      }
      case 'admin.unpair': {
        const user = (params as P<'admin.unpair'>).user;
        await d.lock.run(async () => {
          const u = d.store.user(user);
          u.pairedKey = null;
          u.pendingKeys = [];
          await d.store.save();
        });
        return {};
      }
      case 'admin.close':
        // Under the lock: a grant already under way finishes first, and restore-all sees it.
        await d.lock.run(async () => d.privileges.close());
        return {};
      case 'admin.auditSubscribe':
        d.subscriptions.addAudit(ctx);
        return {};
      case 'admin.forwarders':
        return { forwarders: d.forwarders() };
      case 'admin.pairings':
        return { pairings: d.pairing.list((params as P<'admin.pairings'>).user) };
      case 'admin.pairApprove': {
        const p = params as P<'admin.pairApprove'>;
        await d.lock.run(() => d.pairing.approve(me, p.user, p.fingerprint));
        return {};
      }
      default:
        throw agentError(ErrorCode.MethodNotFound, (m) => m.protocol.noMethod(method));
    }
  };

  /**
   * Windows: `AzureAD\bob@contoso.com`, `contoso\BOB` and a SID are one person, kept under the
   * name Windows prints for them (the name their own session has); elsewhere names are unique.
   */
  async function withCanonicalUser(
    params: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    if (!d.users.canonicalName || typeof params.user !== 'string') return params;
    return { ...params, user: await d.users.canonicalName(params.user) };
  }

  async function hello(ctx: ConnectionContext, p: P<'auth.hello'>) {
    // First, so that even this call's refusals are worded in the client's language.
    if (p.locale !== undefined) ctx.locale = pickLocale([p.locale]);
    ctx.place = { tag: intlTag(p.locale), timeZone: knownTimeZone(p.timeZone) };
    if (ctx.session) throw agentError(ErrorCode.Conflict, (m) => m.alreadyAuthenticated);
    if (ctx.challenge) await d.challenges.discard(ctx.challenge);
    ctx.challenge = null;
    // The connection's unauthenticated deadline ends it soon anyway.
    if (++ctx.hellos > HELLOS_PER_CONNECTION) {
      throw agentError(ErrorCode.RateLimited, (m) => m.tooManyHellos);
    }
    const account = await d.users.lookup(p.user);
    if (!account) throw agentError(ErrorCode.Unauthenticated, (m) => m.authFailed);
    try {
      ctx.challenge = await d.challenges.create(account);
    } catch {
      throw agentError(ErrorCode.Unauthenticated, (m) => m.authFailed);
    }
    return {
      protocol: PROTOCOL_VERSION,
      version: VERSION,
      challenge: { path: ctx.challenge.path, nonce: ctx.challenge.nonce.toString('base64') },
    };
  }

  async function prove(ctx: ConnectionContext, p: P<'auth.prove'>) {
    if (ctx.session) throw agentError(ErrorCode.Conflict, (m) => m.alreadyAuthenticated);
    const challenge = ctx.challenge;
    ctx.challenge = null;
    if (!challenge || !(await d.challenges.verify(challenge, p.proof))) {
      if (challenge)
        d.authFailures.record(ctx.peer, challenge.account.name, 'wrong or expired proof');
      throw agentError(ErrorCode.Unauthenticated, (m) => m.authFailed);
    }
    const account = challenge.account;
    ctx.session = {
      account,
      admin: await d.isAdmin(account),
      nonce: challenge.nonce.toString('base64'),
    };
    return {
      user: account.name,
      uid: account.uid,
      ...(account.sid ? { sid: account.sid } : {}),
      admin: ctx.session.admin,
    };
  }
}
