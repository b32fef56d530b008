import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditForwarder } from '../../../agent/forward/forwarder.js';
import { ForwardPolicySchema } from '../../../agent/forward/policy-schema.js';
import { HttpsReceiver, makeCert, type Cert } from './receivers.js';
import { sampleEvent } from './sample-events.js';

describe('reconfigure (SIGHUP)', () => {
  let dir: string;
  let cert: Cert;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'elv-fwd-reconf-'));
    cert = makeCert(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sends a changed sink’s backlog to its new receiver, adds and removes sinks', async () => {
    const dead = new HttpsReceiver(cert);
    const deadPort = await dead.start();
    await dead.stop();
    const live = new HttpsReceiver(cert);
    const port = await live.start();
    const hook = (p: number, extra: Record<string, unknown> = {}) => ({
      type: 'webhook',
      url: `https://127.0.0.1:${p}/`,
      caFile: cert.certFile,
      ...extra,
    });
    const fwd = new AuditForwarder({
      stateDir: mkdtempSync(join(dir, 'state-')),
      sinks: ForwardPolicySchema.parse([{ name: 'a', ...hook(deadPort) }]),
      retry: { baseMs: 20, maxMs: 100 },
    });
    fwd.start();
    for (let i = 0; i < 5; i++) fwd.enqueue(sampleEvent(i, 'rc'));
    await live.waitFor(() => fwd.status()[0]!.lastError !== null);

    await fwd.reconfigure(
      ForwardPolicySchema.parse([
        { name: 'a', ...hook(port) },
        { name: 'b', ...hook(port, { events: ['auth.*'] }) },
      ]),
    );
    await live.waitFor(() => fwd.status()[0]!.pending === 0);
    expect(live.uniqueIds()).toEqual([0, 1, 2, 3, 4].map((i) => sampleEvent(i, 'rc').id));
    fwd.enqueue({ ...sampleEvent(5, 'rc'), type: 'auth.failed' });
    await live.waitFor(() => fwd.status()[1]!.delivered === 1); // to a and to b
    expect(live.requests).toHaveLength(7);
    expect(fwd.status().map((s) => [s.name, s.delivered])).toEqual([
      ['a', 6],
      ['b', 1],
    ]);

    await fwd.reconfigure(ForwardPolicySchema.parse([{ name: 'a', ...hook(port) }]));
    fwd.enqueue({ ...sampleEvent(6, 'rc'), type: 'auth.failed' });
    await live.waitFor(() => live.requests.length === 8);
    expect(fwd.status().map((s) => s.name)).toEqual(['a']);
    await fwd.stop();
    await live.stop();
  });
});
