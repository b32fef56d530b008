/**
 * Which notifications to show, and when: rights granted, each warning point before the end,
 * rights ended (and by whom), a request approved, denied or cancelled by the agent, the agent
 * going away and coming back, and Windows' forced log-off counting down. Every notification has a key and is shown at
 * most once per app run, so a reconnect that replays the same snapshot shows nothing twice.
 */
import type { Snapshot } from '../../agent/protocol/schemas.js';
import type { ConnectionState } from '../../preload/api.js';
import type { Locale } from '../../agent/shared/i18n/locale.js';
import { actorOf, actorText } from '../../agent/shared/actor.js';
import { mainMessages, type MainMessages } from '../i18n/index.js';

export interface NotificationModel {
  key: string;
  title: string;
  body: string;
  /** A button, where the OS supports one: only offered when the policy allows more time. */
  action: { type: 'request-more-time'; label: string } | null;
}

export class NotificationSchedule {
  private readonly shown = new Set<string>();
  private last: Snapshot | null = null;
  private connection: ConnectionState = 'connecting';
  private agentLost = false;
  private agentEpisodes = 0;
  private readonly t: MainMessages;

  /** `language`: what main chose from the OS (main/locale.ts). */
  constructor(language: Locale = 'en') {
    this.t = mainMessages(language);
  }

  /**
   * Call with every snapshot shown (already seq-filtered). The first one only primes the
   * state: a grant or decision that existed before the app started is not news.
   */
  onSnapshot(next: Snapshot): NotificationModel[] {
    const prev = this.last;
    this.last = next;
    const out: NotificationModel[] = [];
    const t = this.t;
    const grant = next.grant;
    // Urgent even in the first snapshot: apps close without saving when the time comes.
    this.logoffNotice(next, out);
    if (prev === null) {
      if (grant) this.shown.add(`granted:${grant.id}`);
      if (next.request) this.shown.add(`request:${next.request.id}:${next.request.state}`);
      return out;
    }

    const prevGrant = prev.grant;
    const report = next.lastSession;
    if (prevGrant && prevGrant.id !== grant?.id) {
      const revokeHint = next.platform.os === 'win32' && next.platform.logoutHint === 'revoke';
      const summary = report?.grantId === prevGrant.id ? sessionSummary(report, t) : '';
      if (summary) this.shown.add(`session-report:${prevGrant.id}:${summary}`);
      const ended = next.ended?.grantId === prevGrant.id ? next.ended : undefined;
      // Someone else ended them: say who, and the reason they wrote.
      const byOther =
        ended && ended.how !== 'expired' && ended.by !== next.user
          ? t.notify.endedBy(
              actorText(actorOf(ended.by, next.user), t.notify.who),
              ended.reason ? ended.reason.replace(/[.!?]?$/, (p) => p || '.') : null,
            ) + ' '
          : '';
      this.push(out, {
        key: `ended:${prevGrant.id}`,
        title: t.notify.ended(prevGrant.level),
        body:
          byOther +
          (revokeHint ? t.notify.logOutToFinish : t.notify.backToBefore) +
          (summary ? ` ${summary}` : ''),
        action: null,
      });
    } else if (report && this.shown.has(`ended:${report.grantId}`)) {
      // The clean-up report can follow the end (root processes are ended after a grace period).
      const summary = sessionSummary(report, t);
      if (summary && (report.drift.found > 0 || report.rootProcesses.found > 0)) {
        this.push(out, {
          key: `session-report:${report.grantId}:${summary}`,
          title: t.notify.afterSession,
          body: summary,
          action: null,
        });
      }
    }
    if (grant && grant.id !== prevGrant?.id) {
      const lengthSec = Math.round(
        (Date.parse(grant.expiresAt) - Date.parse(grant.grantedAt)) / 1000,
      );
      const grantHint = next.platform.os === 'win32' && next.platform.logoutHint === 'grant';
      this.push(out, {
        key: `granted:${grant.id}`,
        title: t.notify.granted(grant.level === 'passwordless'),
        body:
          t.notify.grantedFor(t.duration(lengthSec)) +
          (grantHint ? ` ${t.notify.logOutToApply}` : ''),
        action: null,
      });
    } else if (grant && prevGrant && grant.expiresAt !== prevGrant.expiresAt) {
      const gainedSec = Math.round(
        (Date.parse(grant.expiresAt) - Date.parse(prevGrant.expiresAt)) / 1000,
      );
      if (gainedSec > 0) {
        this.push(out, {
          key: `extended:${grant.id}:${grant.expiresAt}`,
          title: t.notify.moreTime,
          body: t.notify.added(t.duration(gainedSec), grant.level),
          action: null,
        });
      }
    }

    const req = next.request;
    const sawPending = !!req && prev.request?.id === req.id && prev.request.state === 'pending';
    const who = req?.decidedBy
      ? actorText(actorOf(req.decidedBy, next.user), t.notify.who)
      : t.notify.someAdmin;
    if (req?.state === 'approved' && sawPending) {
      // Self-serve requests come back approved at once, and the grant notice says it all.
      this.push(out, {
        key: `request:${req.id}:approved`,
        title: t.notify.approvedTitle,
        body:
          t.notify.approved(who, t.duration(req.durationSec), req.level) +
          (req.note ? ` ${t.notify.note(req.note)}` : ''),
        action: null,
      });
    } else if (req?.state === 'denied') {
      this.push(out, {
        key: `request:${req.id}:denied`,
        title: t.notify.deniedTitle,
        body: req.note ? t.notify.deniedSaid(who, req.note) : t.notify.denied(who),
        action: null,
      });
    } else if (req?.state === 'cancelled' && sawPending && req.decidedBy !== next.user) {
      // The agent cancelled it (the rights it would extend ended): the person did not.
      this.push(out, {
        key: `request:${req.id}:cancelled`,
        title: t.notify.cancelledTitle,
        body: req.note ?? t.notify.cancelled,
        action: null,
      });
    }
    return out;
  }

  /**
   * Call with each connection change: the agent going away (after it was reached) and coming
   * back are news, because until it is back nothing can be checked or changed.
   */
  onConnection(connection: ConnectionState): NotificationModel[] {
    const prev = this.connection;
    this.connection = connection;
    if (connection === 'unavailable' && prev === 'connected') {
      this.agentLost = true;
      return [
        {
          key: `agent-lost:${++this.agentEpisodes}`,
          title: this.t.notify.agentLostTitle,
          body: this.t.notify.agentLost,
          action: null,
        },
      ];
    }
    if (connection === 'connected' && this.agentLost) {
      this.agentLost = false;
      return [
        {
          key: `agent-back:${this.agentEpisodes}`,
          title: this.t.notify.agentBackTitle,
          body: this.t.notify.agentBack,
          action: null,
        },
      ];
    }
    return [];
  }

  /**
   * Call every second with the countdown. A warning point fires once per grant and deadline
   * (an extension moves the deadline, so its warnings come again). Points already passed
   * when the grant began (a 2-minute grant and a 5-minute warning) never fire; if several
   * are crossed at once (after sleep), only the nearest one is shown.
   */
  onTick(snapshot: Snapshot, remainingMs: number, totalMs: number): NotificationModel[] {
    const grant = snapshot.grant;
    if (!grant || remainingMs <= 0) return [];
    const crossed = [...snapshot.policy.warnBeforeSec]
      .sort((a, b) => b - a)
      .filter((sec) => remainingMs <= sec * 1000)
      .filter((sec) => !this.shown.has(warnKey(grant.id, grant.expiresAt, sec)));
    if (crossed.length === 0) return [];
    for (const sec of crossed) this.shown.add(warnKey(grant.id, grant.expiresAt, sec));
    const nearest = crossed[crossed.length - 1] as number;
    if (totalMs <= nearest * 1000) return [];
    const canExtend =
      grant.extensionsLeft > 0 && (snapshot.policy.selfServe || snapshot.policy.approvalRequired);
    const t = this.t;
    return [
      {
        key: warnKey(grant.id, grant.expiresAt, nearest),
        title: t.notify.endsIn(grant.level, t.duration(roundUpForHumans(remainingMs))),
        body: canExtend ? t.notify.saveOrAsk : t.notify.saveWork,
        action: canExtend ? { type: 'request-more-time', label: t.notify.requestMoreTime } : null,
      },
    ];
  }

  /** Windows, policy windowsLogoffAtEnd "force": once per deadline, when the countdown starts. */
  private logoffNotice(next: Snapshot, out: NotificationModel[]): void {
    const { logoffAt, logoutHint } = next.platform;
    if (!logoffAt) return;
    const t = this.t;
    const leftMs = Date.parse(logoffAt) - Date.parse(next.now);
    this.push(out, {
      key: `logoff:${logoffAt}`,
      title: t.notify.logoffTitle(t.duration(roundUpForHumans(Math.max(0, leftMs)))),
      body: t.notify.logoff(logoutHint ?? 'revoke'),
      action: null,
    });
  }

  private push(out: NotificationModel[], n: NotificationModel): void {
    if (this.shown.has(n.key)) return;
    this.shown.add(n.key);
    out.push(n);
  }
}

function warnKey(grantId: string, expiresAt: string, sec: number): string {
  return `warn:${grantId}:${expiresAt}:${sec}`;
}

/** Seconds to announce: whole minutes (rounded up) from a minute on, whole seconds below. */
function roundUpForHumans(remainingMs: number): number {
  const sec = Math.ceil(remainingMs / 1000);
  return sec >= 60 ? Math.ceil(sec / 60) * 60 : sec;
}

/** The end-of-session report in a sentence or three: commands run, rights and processes left behind. */
function sessionSummary(r: NonNullable<Snapshot['lastSession']>, t: MainMessages): string {
  const parts: string[] = [];
  if (r.commands > 0) parts.push(t.notify.commands(r.commands));
  if (r.drift.found > 0) parts.push(t.notify.drift(r.drift.found, r.drift.removed));
  if (r.rootProcesses.found > 0) {
    parts.push(t.notify.rootProcesses(r.rootProcesses.found, r.rootProcesses.ended));
  }
  return parts.join(' ');
}
