import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor as waitForShared } from '../../helpers/until.js';
import { AuditForwarder } from '../../../agent/forward/forwarder.js';
import { ForwardPolicySchema } from '../../../agent/forward/policy-schema.js';
import { makeCert } from './receivers.js';
import { freePort, Rsyslog } from './rsyslog.js';
import { sampleEvent } from './sample-events.js';

const FAST = { baseMs: 20, maxMs: 200 };

/** Waits for what rsyslogd or the forwarder shows. */
const waitFor = (pred: () => boolean, what: string) =>
  waitForShared(what, pred, { withinMs: 15_000, everyMs: 25 });

describe('syslog forwarding to a real rsyslogd', () => {
  let dir: string;
  const daemons: Rsyslog[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'elv-fwd-syslog-'));
  });
  afterAll(async () => {
    await Promise.all(daemons.map((d) => d.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers RFC 5424 over TCP; after rsyslog and the agent restart every event arrives once (by id), in order', async () => {
    const port = await freePort();
    const rsyslog = new Rsyslog(mkdtempSync(join(dir, 'rs-')), port);
    daemons.push(rsyslog);
    const stateDir = mkdtempSync(join(dir, 'state-'));
    const sinks = ForwardPolicySchema.parse([
      {
        name: 'rsyslog',
        type: 'syslog',
        host: '127.0.0.1',
        port,
        protocol: 'tcp',
        appName: 'elevate',
        events: ['privilege.*'],
      },
    ]);
    const opts = { stateDir, sinks, retry: FAST, syslogSettleMs: 50, hostName: 'testhost' };
    await rsyslog.start();
    const first = new AuditForwarder(opts);
    first.start();
    for (let i = 0; i < 5; i++) first.enqueue(sampleEvent(i, 's'));
    first.enqueue({ ...sampleEvent(99, 's'), type: 'auth.failed' }); // filtered out by "privilege.*"
    await waitFor(() => rsyslog.messages().length === 5, '5 messages at rsyslog');
    const m = rsyslog.messages()[0]!;
    expect(m.msgid).toBe('privilege.granted');
    expect(m.sd).toBe(
      `[elevate@32473 id="${sampleEvent(0, 's').id}" user="sam" actor="root" grantId="g_0"]`,
    );
    expect(m.event).toEqual(sampleEvent(0, 's'));

    await rsyslog.stop();
    for (let i = 5; i < 60; i++) first.enqueue(sampleEvent(i, 's'));
    await waitFor(
      () => (first.status()[0]!.lastError ?? '').includes('ECONNREFUSED'),
      'a refused connection',
    );
    await first.stop();

    const second = new AuditForwarder(opts);
    second.start();
    await rsyslog.start();
    const expected = Array.from({ length: 60 }, (_, i) => sampleEvent(i, 's').id);
    const uniqueIds = (): string[] => [...new Set(rsyslog.messages().map((x) => x.event.id))];
    await waitFor(() => uniqueIds().length === 60, 'all 60 events at rsyslog');
    expect(uniqueIds()).toEqual(expected);
    await waitFor(() => second.status()[0]!.pending === 0, 'an empty outbox');
    expect(second.status()[0]).toMatchObject({
      name: 'rsyslog',
      type: 'syslog',
      delivered: 60,
      dropped: 0,
      lastError: null,
    });
    await second.stop();
    await rsyslog.stop();
  });

  it('delivers over TLS (rsyslog gtls) checking the receiver against caFile', async () => {
    const port = await freePort();
    const rsDir = mkdtempSync(join(dir, 'rs-'));
    const cert = makeCert(rsDir);
    const rsyslog = new Rsyslog(rsDir, port, {
      caFile: cert.certFile,
      certFile: cert.certFile,
      keyFile: join(rsDir, 'key.pem'),
    });
    daemons.push(rsyslog);
    await rsyslog.start();
    const stateDir = mkdtempSync(join(dir, 'state-'));
    const sinks = ForwardPolicySchema.parse([
      {
        name: 'tls',
        type: 'syslog',
        host: '127.0.0.1',
        port,
        protocol: 'tls',
        caFile: cert.certFile,
      },
      // Without the CA the self-signed receiver must be refused, and nothing sent to it.
      { name: 'tls-no-ca', type: 'syslog', host: '127.0.0.1', port, protocol: 'tls' },
    ]);
    const fwd = new AuditForwarder({ stateDir, sinks, retry: FAST, syslogSettleMs: 50 });
    fwd.start();
    for (let i = 0; i < 3; i++) fwd.enqueue(sampleEvent(i, 'tls'));
    await waitFor(() => rsyslog.messages().length === 3, '3 messages over TLS');
    expect(rsyslog.messages().map((x) => x.event.id)).toEqual(
      [0, 1, 2].map((i) => sampleEvent(i, 'tls').id),
    );
    await waitFor(() => fwd.status()[1]!.lastError !== null, 'the untrusted certificate refused');
    expect(fwd.status()[1]).toMatchObject({ name: 'tls-no-ca', pending: 3, delivered: 0 });
    expect(fwd.status()[1]!.lastError).toMatch(
      /^Cannot reach syslog receiver 127\.0\.0\.1:\d+: self-signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\)\.$/,
    );
    await fwd.stop();
    await rsyslog.stop();
  });
});
