import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditForwarder } from '../../../agent/forward/forwarder.js';
import { ForwardPolicySchema } from '../../../agent/forward/policy-schema.js';
import { HttpsReceiver, makeCert, type Cert } from './receivers.js';
import { sampleEvent } from './sample-events.js';

describe('outbox bound', () => {
  let dir: string;
  let cert: Cert;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'elv-fwd-bound-'));
    cert = makeCert(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('drops the oldest undelivered events past maxOutbox and reports them once; the report itself fits', async () => {
    const receiver = new HttpsReceiver(cert);
    const port = await receiver.start();
    await receiver.stop(); // the receiver is down while events pile up
    const sinks = ForwardPolicySchema.parse([
      {
        name: 'hook',
        type: 'webhook',
        url: `https://127.0.0.1:${port}/`,
        caFile: cert.certFile,
        maxOutbox: 10,
      },
    ]);
    const drops: [string, number, string][] = [];
    const report = {
      ...sampleEvent(1000, 'b'),
      type: 'agent.started' as const,
      user: null,
      actor: 'agent',
    };
    const fwd: AuditForwarder = new AuditForwarder({
      stateDir: mkdtempSync(join(dir, 'state-')),
      sinks,
      retry: { baseMs: 20, maxMs: 100 },
      onDrop: (sink, count, reason) => {
        drops.push([sink, count, reason]);
        // What the agent does: audit the drop, and that audit event is forwarded like any other.
        fwd.enqueue({ ...report, detail: { sink, count, reason } });
      },
    });
    fwd.start();
    for (let i = 0; i < 25; i++) fwd.enqueue(sampleEvent(i, 'b'));
    // Past 10 the outbox drops the oldest down to 9, keeping one place for the drop report:
    // 16 dropped, e16..e24 kept; the report (one, coalesced) fills the tenth place.
    await new Promise((r) => setImmediate(r));
    expect(drops).toEqual([['hook', 16, 'overflow']]);
    expect(fwd.status()[0]).toMatchObject({ pending: 10, dropped: 16, delivered: 0 });

    await receiver.start();
    await receiver.waitFor(() => fwd.status()[0]!.pending === 0);
    expect(receiver.uniqueIds()).toEqual([
      ...Array.from({ length: 9 }, (_, i) => sampleEvent(16 + i, 'b').id),
      report.id,
    ]);
    expect(JSON.parse(receiver.requests.at(-1)!.body.toString()).detail).toEqual({
      sink: 'hook',
      count: 16,
      reason: 'overflow',
    });
    expect(drops).toHaveLength(1);
    await fwd.stop();
    await receiver.stop();
  });
});
