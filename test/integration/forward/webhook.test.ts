import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditForwarder } from '../../../agent/forward/forwarder.js';
import { ForwardPolicySchema } from '../../../agent/forward/policy-schema.js';
import { eventIds, HttpsReceiver, makeCert, type Cert } from './receivers.js';
import { sampleEvent } from './sample-events.js';

const FAST = { baseMs: 20, maxMs: 200 };

describe('webhook forwarding to a real HTTPS receiver', () => {
  let dir: string;
  let cert: Cert;
  let secretFile: string;
  const secret = Buffer.from('s3cret-key-for-hmac');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'elv-fwd-webhook-'));
    cert = makeCert(dir);
    secretFile = join(dir, 'hmac.key');
    writeFileSync(secretFile, `${secret.toString()}\n`, { mode: 0o600 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function sinks(port: number, extra: Record<string, unknown> = {}) {
    return ForwardPolicySchema.parse([
      {
        name: 'siem',
        type: 'webhook',
        url: `https://127.0.0.1:${port}/hook`,
        hmacSecretFile: secretFile,
        caFile: cert.certFile,
        headers: { Authorization: 'Bearer abc' },
        ...extra,
      },
    ]);
  }

  it('signs each event, and after a receiver outage and an agent restart delivers every event once, in order', async () => {
    const stateDir = mkdtempSync(join(dir, 'state-'));
    const receiver = new HttpsReceiver(cert, { secret });
    const port = await receiver.start();
    const first = new AuditForwarder({ stateDir, sinks: sinks(port), retry: FAST });
    first.start();
    for (let i = 0; i < 3; i++) first.enqueue(sampleEvent(i));
    await receiver.waitFor(() => receiver.requests.length === 3);
    const r0 = receiver.requests[0]!;
    expect(JSON.parse(r0.body.toString())).toEqual(sampleEvent(0));
    expect(r0.headers['authorization']).toBe('Bearer abc');
    expect(r0.headers['x-elevate-event-type']).toBe('privilege.granted');

    await receiver.stop();
    for (let i = 3; i < 40; i++) first.enqueue(sampleEvent(i));
    await new Promise((r) => setTimeout(r, 150)); // a few failed attempts against the closed port
    expect(first.status()[0]).toMatchObject({
      name: 'siem',
      type: 'webhook',
      pending: 37,
      delivered: 3,
    });
    expect(first.status()[0]!.lastError).toMatch(
      /^Cannot reach 127\.0\.0\.1:\d+: connect ECONNREFUSED 127\.0\.0\.1:\d+\.$/,
    );
    await first.stop();

    // The agent restarts (a new forwarder on the same state dir) before the receiver is back.
    const second = new AuditForwarder({ stateDir, sinks: sinks(port), retry: FAST });
    second.start();
    await new Promise((r) => setTimeout(r, 100));
    await receiver.start();
    await receiver.waitFor(() => receiver.uniqueIds().length === 40);
    expect(receiver.uniqueIds()).toEqual(Array.from({ length: 40 }, (_, i) => sampleEvent(i).id));
    expect(receiver.badSignatures).toBe(0);
    await receiver.waitFor(() => second.status()[0]!.pending === 0);
    expect(second.status()[0]).toMatchObject({
      pending: 0,
      delivered: 40,
      dropped: 0,
      lastError: null,
    });
    // Delivered entries are compacted away.
    expect(readFileSync(join(stateDir, 'forward', 'siem.jsonl'), 'utf8')).toBe('');
    await second.stop();
    await receiver.stop();
  });

  it('skips and reports an event the receiver refuses for good (422), then goes on in order', async () => {
    const stateDir = mkdtempSync(join(dir, 'state-'));
    const receiver = new HttpsReceiver(cert, {
      secret,
      respond: (r) => (r.id === sampleEvent(1, 'r').id ? 422 : 200),
    });
    const port = await receiver.start();
    const drops: [string, number, string][] = [];
    const fwd = new AuditForwarder({
      stateDir,
      sinks: sinks(port),
      retry: FAST,
      onDrop: (...a) => drops.push(a),
    });
    fwd.start();
    for (let i = 0; i < 3; i++) fwd.enqueue(sampleEvent(i, 'r'));
    await receiver.waitFor(() => fwd.status()[0]!.pending === 0);
    await new Promise((r) => setImmediate(r));
    expect(receiver.uniqueIds()).toEqual([sampleEvent(0, 'r').id, sampleEvent(2, 'r').id]);
    expect(drops).toEqual([['siem', 1, 'rejected']]);
    expect(fwd.status()[0]).toMatchObject({ delivered: 2, dropped: 1 });
    await fwd.stop();
    await receiver.stop();
  });

  it('sends {events: [...]} batches with batchSize, and isolates an event refused within a batch', async () => {
    const stateDir = mkdtempSync(join(dir, 'state-'));
    const bad = sampleEvent(3, 'bt').id;
    const receiver = new HttpsReceiver(cert, {
      secret,
      respond: (r) => (eventIds(r).includes(bad) ? 422 : 200),
    });
    const port = await receiver.start();
    const drops: [string, number, string][] = [];
    const fwd = new AuditForwarder({
      stateDir,
      sinks: sinks(port, { batchSize: 5 }),
      retry: FAST,
      onDrop: (...a) => drops.push(a),
    });
    for (let i = 0; i < 12; i++) fwd.enqueue(sampleEvent(i, 'bt'));
    fwd.start();
    await receiver.waitFor(() => fwd.status()[0]!.pending === 0);
    await new Promise((r) => setImmediate(r));
    const expected = Array.from({ length: 12 }, (_, i) => sampleEvent(i, 'bt').id).filter(
      (id) => id !== bad,
    );
    expect(receiver.uniqueIds()).toEqual(expected);
    // Batch 0-4 refused, then 0..4 one by one (3 refused), then 5-9 and 10-11 as batches.
    expect(receiver.requests.map((r) => r.headers['x-elevate-event-count'])).toEqual([
      '1',
      '1',
      '1',
      '1',
      '5',
      '2',
    ]);
    expect(drops).toEqual([['siem', 1, 'rejected']]);
    await fwd.stop();
    await receiver.stop();
  });

  it('does not loop when the receiver refuses everything, drop reports included', async () => {
    const stateDir = mkdtempSync(join(dir, 'state-'));
    const receiver = new HttpsReceiver(cert, { secret, respond: () => 400 });
    const port = await receiver.start();
    const drops: number[] = [];
    let n = 0;
    const fwd: AuditForwarder = new AuditForwarder({
      stateDir,
      sinks: sinks(port),
      retry: FAST,
      dropReportIntervalMs: 300,
      onDrop: (_sink, count) => {
        drops.push(count);
        fwd.enqueue({
          ...sampleEvent(100 + n++, 'loop'),
          type: 'agent.started',
          detail: { count },
        });
      },
    });
    fwd.start();
    for (let i = 0; i < 5; i++) fwd.enqueue(sampleEvent(i, 'loop'));
    await new Promise((r) => setTimeout(r, 1000));
    // One report at once, then at most one per 300 ms: a handful, not thousands.
    expect(drops.length).toBeGreaterThanOrEqual(2);
    expect(drops.length).toBeLessThanOrEqual(5);
    // Every refused event is counted: the five, plus the reports that were refused in turn.
    expect(drops.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
    await fwd.stop();
    await receiver.stop();
  });

  it('keeps events while the secret file is unsafe and names the problem, then delivers once it is fixed', async () => {
    const stateDir = mkdtempSync(join(dir, 'state-'));
    const receiver = new HttpsReceiver(cert, { secret });
    const port = await receiver.start();
    chmodSync(secretFile, 0o644);
    const fwd = new AuditForwarder({ stateDir, sinks: sinks(port), retry: FAST });
    try {
      fwd.start();
      fwd.enqueue(sampleEvent(0, 's'));
      await receiver.waitFor(() => fwd.status()[0]!.lastError !== null);
      expect(fwd.status()[0]!.lastError).toBe(
        `Sink "siem": The secret file ${secretFile} is readable by group or others (mode 0644): run chmod 600 ${secretFile}.`,
      );
      expect(receiver.requests).toHaveLength(0);
      chmodSync(secretFile, 0o600);
      await receiver.waitFor(() => receiver.requests.length === 1);
    } finally {
      chmodSync(secretFile, 0o600);
      await fwd.stop();
      await receiver.stop();
    }
  });

  it('holds no timers once its outboxes are empty (no wake-ups when idle)', async () => {
    const stateDir = mkdtempSync(join(dir, 'state-'));
    const receiver = new HttpsReceiver(cert, { secret });
    const port = await receiver.start();
    const timers = (): number =>
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    // Let timers left by earlier tests (closed sockets, finished sleeps) run out first.
    await new Promise((r) => setTimeout(r, 100));
    const before = timers();
    const fwd = new AuditForwarder({ stateDir, sinks: sinks(port), retry: FAST });
    fwd.start();
    expect(timers()).toBe(before);
    fwd.enqueue(sampleEvent(0, 'i'));
    await receiver.waitFor(() => fwd.status()[0]!.pending === 0);
    // The kept-alive connection closes on its own idle timeout; the receiver closing it is the same.
    await receiver.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(timers()).toBe(before);
    await fwd.stop();
  });
});
