// The real Slack cannot be reached from here: a local HTTPS server stands in for the incoming webhook.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditForwarder } from '../../../agent/forward/forwarder.js';
import { ForwardPolicySchema } from '../../../agent/forward/policy-schema.js';
import { HttpsReceiver, makeCert, type Cert } from './receivers.js';
import { sampleEvent } from './sample-events.js';

describe('Slack incoming-webhook forwarding (local HTTPS stand-in)', () => {
  let dir: string;
  let cert: Cert;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'elv-fwd-slack-'));
    cert = makeCert(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('posts one readable {text} message per matching event, in order', async () => {
    let calls = 0;
    // Slack answers 429 with Retry-After when rate limited: the first post is refused that way.
    const receiver = new HttpsReceiver(cert, { respond: () => (++calls === 1 ? 429 : 200) });
    const port = await receiver.start();
    const sinks = ForwardPolicySchema.parse([
      {
        name: 'slack',
        type: 'slack',
        url: `https://localhost:${port}/services/T0/B0/x`,
        caFile: cert.certFile,
        events: ['privilege.granted', 'request.*'],
      },
    ]);
    const fwd = new AuditForwarder({
      stateDir: mkdtempSync(join(dir, 'state-')),
      sinks,
      retry: { baseMs: 10, maxMs: 100 },
      hostName: 'build-mac-7',
    });
    fwd.start();
    fwd.enqueue(sampleEvent(1));
    fwd.enqueue({ ...sampleEvent(2), type: 'privilege.expired', detail: {} }); // not in the filter
    fwd.enqueue({
      ...sampleEvent(3),
      type: 'request.created',
      detail: { kind: 'elevate', durationSec: 3600 },
      reason: 'update <Xcode> & tools',
    });
    await receiver.waitFor(() => receiver.requests.length === 2);
    expect(calls).toBe(3);
    expect(receiver.requests.map((r) => r.headers['content-type'])).toEqual([
      'application/json',
      'application/json',
    ]);
    expect(receiver.requests.map((r) => JSON.parse(r.body.toString()))).toEqual([
      {
        text: 'sam got administrator rights for 30 min on build-mac-7: install BBEdit #1 (granted by root)',
      },
      {
        text: 'sam asked for administrator rights for 1 h on build-mac-7: update &lt;Xcode&gt; &amp; tools',
      },
    ]);
    await fwd.stop();
    await receiver.stop();
  });
});
