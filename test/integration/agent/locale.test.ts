/**
 * A client that names its language in auth.hello gets the agent's refusals in it; one that
 * names none, or one without a catalogue, gets English. The error codes never change.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { ErrorCode, RpcError } from '../../../agent/protocol/errors.js';
import { agentPerTest } from '../../helpers/agent-per-test.js';
import { readAudit } from '../../helpers/audit.js';

const agents = agentPerTest();

async function refusal(socketPath: string, locale?: string): Promise<RpcError> {
  const client = await AgentClient.connect({
    socketPath,
    user: 'root',
    ...(locale ? { locale } : {}),
  });
  try {
    await client.call('privilege.release');
    throw new Error('privilege.release with no rights was not refused');
  } catch (err) {
    return err as RpcError;
  } finally {
    client.close();
  }
}

describe('error messages in the client’s language', () => {
  it('answers in German to a client that says de_DE.UTF-8, in English otherwise', async () => {
    const { agent } = await agents.start();
    const de = await refusal(agent.socket, 'de_DE.UTF-8');
    expect(de).toBeInstanceOf(RpcError);
    expect([de.code, de.message]).toEqual([
      ErrorCode.NotFound,
      'Sie haben keine aktiven Administratorrechte, die Sie zurückgeben könnten.',
    ]);
    for (const locale of [undefined, 'fr-FR']) {
      const en = await refusal(agent.socket, locale);
      expect([en.code, en.message]).toEqual([
        ErrorCode.NotFound,
        'You have no active admin rights to give back.',
      ]);
    }
  });
});

const SELF_SERVE = { selfServe: true, approvalRequired: false, reasonMinLength: 3 };

async function german(socketPath: string, timeZone?: string): Promise<AgentClient> {
  const client = await AgentClient.connect({
    socketPath,
    user: 'root',
    locale: 'de_DE.UTF-8',
    // '' names no zone, as a client from before the timeZone addition.
    timeZone: timeZone ?? '',
  });
  opened.push(client);
  return client;
}
const opened: AgentClient[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

async function refusedWith(call: Promise<unknown>): Promise<RpcError> {
  try {
    await call;
  } catch (err) {
    return err as RpcError;
  }
  throw new Error('the call was not refused');
}

describe('a German client gets every refusal in German, times in its own zone', () => {
  it('words a cap refusal in German, with the time in the client’s zone, else in UTC saying so', async () => {
    const { agent, client } = await agents.start({
      policy: { version: 1, defaults: { ...SELF_SERVE, maxElevatedSecPerDay: 900 } },
    });
    await client.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'first' });
    const berlin = await german(agent.socket, 'Europe/Berlin');
    const refusal = await refusedWith(
      berlin.call('request.create', { kind: 'extend', durationSec: 600, reason: 'more' }),
    );
    const { moreAt } = refusal.data as { moreAt: string };
    const local = new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(moreAt));
    expect(refusal.code).toBe(ErrorCode.Forbidden);
    expect(refusal.message).toMatch(
      new RegExp(
        `^Ihre Richtlinie erlaubt jetzt nur noch [45] Minuten Administratorzeit \\(angefragt: 10 Minuten\\); weitere Zeit gibt es ab ([^;]*, )?${local}\\. Fragen Sie weniger Zeit an oder versuchen Sie es dann erneut\\.$`,
      ),
    );
    const noZone = await german(agent.socket);
    const utc = await refusedWith(
      noZone.call('admin.grant', { user: 'root', level: 'passwordless', durationSec: 3600 }),
    );
    expect(utc.message).toMatch(
      /^Die Richtlinie von root erlaubt jetzt .+; weitere Zeit gibt es ab [^;]*\d\d:\d\d UTC\. Genehmigen oder vergeben Sie weniger Zeit \(--for\), oder geben Sie --over-cap an, um darüber hinaus zu genehmigen oder zu vergeben\.$/,
    );
  });

  it('refuses an unknown method and invalid params in German, with zod’s reason in German', async () => {
    const { agent } = await agents.start();
    const client = await german(agent.socket);
    const call = client.call.bind(client) as (m: string, p?: unknown) => Promise<unknown>;
    const noMethod = await refusedWith(call('privilege.steal'));
    expect([noMethod.code, noMethod.message]).toEqual([
      ErrorCode.MethodNotFound,
      'Es gibt keine Methode namens privilege.steal.',
    ]);
    const badType = await refusedWith(
      call('request.create', { kind: 'elevate', durationSec: 'zehn' }),
    );
    expect([badType.code, badType.message]).toEqual([
      ErrorCode.InvalidParams,
      'durationSec ist ungültig: Ungültige Eingabe: erwartet Zahl, erhalten string.',
    ]);
    const unknown = await refusedWith(call('status.get', { colour: 'blue' }));
    expect([unknown.code, unknown.message]).toEqual([
      ErrorCode.InvalidParams,
      'colour ist kein bekannter Parameter.',
    ]);
  });

  it('words an OS refusal in German around what the OS said', async () => {
    const { agent } = await agents.start();
    writeFileSync(join(agent.stateDir, 'simulated-os.json'), '{"users": 5}');
    const client = await german(agent.socket);
    const refusal = await refusedWith(
      client.call('admin.grant', { user: 'root', level: 'admin', durationSec: 600 }),
    );
    expect(refusal.code).toBe(ErrorCode.OsRefused);
    expect(refusal.message).toMatch(
      /^Die aktuellen Rechte von root konnten nicht gelesen werden: The simulated OS file .+ is not valid\.$/,
    );
  });

  it('sends why the rights ended in German, while the audit trail keeps English', async () => {
    const { agent, client } = await agents.start({
      policy: {
        version: 1,
        defaults: SELF_SERVE,
        rules: [{ users: ['root'], revokeAt: ['lock'] }],
      },
    });
    const de = await german(agent.socket);
    await de.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'Drucker' });
    const s = await de.call('session.locked');
    expect(s.ended).toMatchObject({
      how: 'revoked',
      reason: 'Der Bildschirm wurde gesperrt (Richtlinie revokeAt: lock).',
    });
    const history = await de.call('history.list', {});
    expect(history.events.find((e) => e.type === 'privilege.revoked')?.reason).toBe(
      'Der Bildschirm wurde gesperrt (Richtlinie revokeAt: lock).',
    );
    // The person's own reason is theirs, and English readers and the file keep the record.
    expect(history.events.find((e) => e.type === 'privilege.granted')?.reason).toBe('Drucker');
    const { events } = await client.call('admin.audit', { user: 'root', limit: 50 });
    expect(events.find((e) => e.type === 'privilege.revoked')?.reason).toBe(
      'The screen was locked (policy revokeAt: lock).',
    );
    expect(
      readAudit(agent.stateDir).find((e) => e.type === 'privilege.revoked' && e.user === 'root')
        ?.reason,
    ).toBe('The screen was locked (policy revokeAt: lock).');
  });
});
