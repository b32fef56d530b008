/**
 * PROTOCOL.md, seq: "clients drop a snapshot whose seq is not newer than the one they show".
 * A subscriber that follows exactly that rule must always end on what `status.get` returns,
 * whatever operation ran: grants that replace a level, approvals that grant or extend,
 * self-serve requests, denials, cancellations, revocations, releases, expiry.
 */
import { describe, expect, it } from 'vitest';
import type { AgentClient } from '../../../agent/client/agent-client.js';
import { isRequestCurrent } from '../../../agent/protocol/request-current.js';
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import { agentPerTest } from '../../helpers/agent-per-test.js';

const agents = agentPerTest();

/** What a PROTOCOL.md client shows: the newest snapshot by seq, nothing else. */
class SeqFollower {
  shown: Snapshot;
  readonly pushes: Snapshot[] = [];
  constructor(first: Snapshot, client: AgentClient) {
    this.shown = first;
    client.onNotification('status.changed', (s) => {
      this.pushes.push(s);
      if (s.seq > this.shown.seq) this.shown = s;
    });
  }
}

/** `now` is the agent's clock at build time, not state. */
function state(s: Snapshot): Omit<Snapshot, 'now'> {
  const { now: _now, ...rest } = s;
  return rest;
}

async function setUp(policy?: object) {
  // The tests run as root: root is both the person (subscriber) and the admin.
  const { agent, client: person } = await agents.start(policy ? { policy } : {});
  const admin = await agents.connect(agent);
  const follower = new SeqFollower(await person.call('status.subscribe'), person);
  const settle = async (what: string): Promise<Snapshot> => {
    const truth = await person.call('status.get');
    await expect
      .poll(() => state(follower.shown), { timeout: 3000, message: what })
      .toEqual(state(truth));
    return truth;
  };
  return { person, admin, follower, settle };
}

function sameSeqDifferentState(pushes: Snapshot[]): Snapshot[][] {
  const bySeq = new Map<number, Snapshot>();
  const clashes: Snapshot[][] = [];
  for (const p of pushes) {
    const seen = bySeq.get(p.seq);
    if (seen && JSON.stringify(state(seen)) !== JSON.stringify(state(p))) clashes.push([seen, p]);
    bySeq.set(p.seq, p);
  }
  return clashes;
}

describe('a subscriber following the seq rule ends on status.get', () => {
  it('admin grants, replaced levels, a moved deadline, revoke and release', async () => {
    const { admin, person, follower, settle } = await setUp();
    const grant = (level: 'admin' | 'passwordless', durationSec: number) =>
      admin.call('admin.grant', { user: 'root', level, durationSec, reason: 'printer driver' });

    await grant('admin', 600);
    await settle('first grant');
    await grant('passwordless', 600);
    expect((await settle('admin replaced by passwordless')).level).toBe('passwordless');
    await grant('admin', 600);
    expect((await settle('passwordless replaced by admin')).level).toBe('admin');
    await grant('admin', 1200);
    await settle('deadline moved');
    await admin.call('admin.revoke', { user: 'root', reason: 'done' });
    expect((await settle('revoked')).level).toBe('none');
    await grant('passwordless', 600);
    await person.call('privilege.release');
    expect((await settle('released')).level).toBe('none');
    expect(sameSeqDifferentState(follower.pushes)).toEqual([]);
  });

  it('self-serve requests: record + approve + grant, extend, and replace are one change each', async () => {
    const { person, follower, settle } = await setUp({
      version: 1,
      defaults: { selfServe: true, levels: ['admin', 'passwordless'], requireReason: false },
    });
    await person.call('request.create', { kind: 'elevate', level: 'admin', durationSec: 600 });
    expect((await settle('self-serve grant')).grant?.level).toBe('admin');
    await person.call('request.create', { kind: 'extend', durationSec: 600 });
    expect((await settle('self-serve extension')).grant?.extensionsUsed).toBe(1);
    await person.call('request.create', {
      kind: 'elevate',
      level: 'passwordless',
      durationSec: 600,
    });
    expect((await settle('self-serve replace')).level).toBe('passwordless');
    expect(sameSeqDifferentState(follower.pushes)).toEqual([]);
  });

  it('approval: pending, denied, cancelled, approved into a grant, an extension and a replace', async () => {
    const { admin, person, follower, settle } = await setUp({
      version: 1,
      defaults: {
        selfServe: false,
        approvalRequired: true,
        levels: ['admin', 'passwordless'],
        requireReason: false,
      },
    });
    const ask = async (kind: 'elevate' | 'extend', level?: 'admin' | 'passwordless') => {
      const s = await person.call('request.create', {
        kind,
        durationSec: 600,
        ...(level ? { level } : {}),
      });
      return s.request!.id;
    };
    await admin.call('admin.deny', { id: await ask('elevate', 'admin'), note: 'not today' });
    expect((await settle('denied')).request?.note).toBe('not today');
    await person.call('request.cancel', { id: await ask('elevate', 'admin') });
    await settle('cancelled');
    await admin.call('admin.approve', { id: await ask('elevate', 'admin'), note: 'go ahead' });
    expect((await settle('approved into a grant')).grant?.source).toBe('approval');
    await admin.call('admin.approve', { id: await ask('extend') });
    expect((await settle('approved extension')).grant?.extensionsUsed).toBe(1);
    await admin.call('admin.approve', { id: await ask('elevate', 'passwordless') });
    expect((await settle('approved replace')).level).toBe('passwordless');
    expect(sameSeqDifferentState(follower.pushes)).toEqual([]);
  });

  it('expiry, pushed by the agent on its own', async () => {
    const { admin, settle } = await setUp();
    await admin.call('admin.grant', { user: 'root', level: 'passwordless', durationSec: 1 });
    await settle('granted');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await settle('expired')).level).toBe('none');
  });
});

describe('what the person is told', () => {
  it('an approval shows only under its own grant; the end says who and why', async () => {
    const { admin, person } = await setUp({
      version: 1,
      defaults: { selfServe: true, levels: ['admin', 'passwordless'], requireReason: false },
    });
    await person.call('request.create', { kind: 'elevate', level: 'admin', durationSec: 600 });
    const extended = await person.call('request.create', { kind: 'extend', durationSec: 600 });
    expect(extended.request).toMatchObject({ state: 'approved', grantId: extended.grant!.id });
    expect(isRequestCurrent(extended)).toBe(true);
    // An admin's fresh grant: the earlier extension's approval is not news under it.
    const fresh = await admin.call('admin.grant', {
      user: 'root',
      level: 'passwordless',
      durationSec: 600,
    });
    expect(fresh.request?.grantId).not.toBe(fresh.grant!.id);
    expect(isRequestCurrent(fresh)).toBe(false);
    expect(fresh.ended).toBeUndefined();
    const revoked = await admin.call('admin.revoke', { user: 'root', reason: 'Audit finished' });
    expect(revoked.ended).toMatchObject({
      grantId: fresh.grant!.id,
      level: 'passwordless',
      how: 'revoked',
      by: 'root',
      reason: 'Audit finished',
    });
  });
});
