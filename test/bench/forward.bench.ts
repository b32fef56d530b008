/**
 * Audit forwarding benchmarks: webhook sink (HMAC on) to a real HTTPS receiver on loopback,
 * running in its own process.
 *   forward_enqueue_us           cost of one enqueue (append + fsync), as the agent pays it
 *   forward_throughput_events_s  events delivered per second while events stream in
 *   outbox_recovery_ms           receiver back after a long outage (default backoff, near its
 *                                cap) → a 10,000-event backlog delivered; target ≤ 30,000
 *   outbox_retry_wait_ms         of which: waiting for the next retry (≤ the 15 s backoff cap)
 *   forward_drain_events_s       of which: delivery rate of the backlog once the first event is through
 *   forward_drain_batch100_events_s  the same backlog with batchSize 100 ({events: [...]} bodies)
 * FORWARD_BENCH_OUTAGE_S (default 40) sets how long the receiver stays down.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditForwarder } from '../../agent/forward/forwarder.js';
import { ForwardPolicySchema } from '../../agent/forward/policy-schema.js';
import { makeCert } from '../integration/forward/receivers.js';
import { ReceiverProcess } from '../integration/forward/receiver-process.js';
import { sampleEvent } from '../integration/forward/sample-events.js';

const THROUGHPUT_EVENTS = 5_000;
const BACKLOG = 10_000;
const OUTAGE_MS = Number(process.env.FORWARD_BENCH_OUTAGE_S ?? 40) * 1000;

const dir = mkdtempSync(join(tmpdir(), 'elv-fwd-bench-'));
const secret = Buffer.from('bench-secret');
const secretFile = join(dir, 'hmac.key');
writeFileSync(secretFile, secret, { mode: 0o600 });
const cert = makeCert(dir);

async function until(
  pred: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function forwarder(port: number, batchSize = 1): AuditForwarder {
  const sinks = ForwardPolicySchema.parse([
    {
      batchSize,
      name: 'bench',
      type: 'webhook',
      url: `https://127.0.0.1:${port}/`,
      caFile: cert.certFile,
      hmacSecretFile: secretFile,
    },
  ]);
  return new AuditForwarder({ stateDir: mkdtempSync(join(dir, 'state-')), sinks });
}

async function expectAll(receiver: ReceiverProcess, n: number): Promise<void> {
  const s = await receiver.send('stats');
  if (s.unique !== n || s.badSignatures !== 0)
    throw new Error(`receiver got ${s.unique} of ${n} events, ${s.badSignatures} bad signatures`);
}

async function throughput(receiver: ReceiverProcess): Promise<void> {
  const { port } = await receiver.send('start');
  const fwd = forwarder(port);
  fwd.start();
  const t0 = performance.now();
  let enqueueMs = 0;
  // Events arrive in bursts of 50 per event-loop turn, as a busy agent would produce them.
  for (let i = 0; i < THROUGHPUT_EVENTS; i += 50) {
    const e0 = performance.now();
    for (let j = i; j < i + 50; j++) fwd.enqueue(sampleEvent(j, 'tp'));
    enqueueMs += performance.now() - e0;
    await new Promise((r) => setImmediate(r));
  }
  await until(() => fwd.status()[0]!.pending === 0, 300_000, 'throughput backlog');
  const seconds = (performance.now() - t0) / 1000;
  await expectAll(receiver, THROUGHPUT_EVENTS);
  console.log(`forward_enqueue_us ${((enqueueMs / THROUGHPUT_EVENTS) * 1000).toFixed(0)} us`);
  console.log(`forward_throughput_events_s ${(THROUGHPUT_EVENTS / seconds).toFixed(0)} events/s`);
  await fwd.stop();
  await receiver.send('stop');
}

async function recovery(receiver: ReceiverProcess): Promise<void> {
  const { port, requests: before } = await receiver.send('stats');
  const fwd = forwarder(port);
  fwd.start();
  const outageStart = performance.now();
  for (let i = 0; i < BACKLOG; i++) fwd.enqueue(sampleEvent(i, 'rc'));
  await new Promise((r) =>
    setTimeout(r, Math.max(0, OUTAGE_MS - (performance.now() - outageStart))),
  );
  await receiver.send('start');
  const t0 = performance.now();
  await until(
    async () => (await receiver.send('stats')).requests > before,
    300_000,
    'first event after the outage',
  );
  const t1 = performance.now();
  await until(() => fwd.status()[0]!.pending === 0, 300_000, 'recovery backlog');
  const t2 = performance.now();
  await expectAll(receiver, THROUGHPUT_EVENTS + BACKLOG);
  console.log(`outbox_recovery_ms ${(t2 - t0).toFixed(0)} ms`);
  console.log(`outbox_retry_wait_ms ${(t1 - t0).toFixed(0)} ms`);
  console.log(`forward_drain_events_s ${(BACKLOG / ((t2 - t1) / 1000)).toFixed(0)} events/s`);
  await fwd.stop();
}

/** A ready backlog sent with `{events: [...]}` bodies of 100 (policy batchSize: 100). */
async function batchDrain(receiver: ReceiverProcess): Promise<void> {
  const { port, unique: before } = await receiver.send('stats');
  const fwd = forwarder(port, 100);
  for (let i = 0; i < BACKLOG; i++) fwd.enqueue(sampleEvent(i, 'bd'));
  const t0 = performance.now();
  fwd.start();
  await until(() => fwd.status()[0]!.pending === 0, 300_000, 'batch backlog');
  const seconds = (performance.now() - t0) / 1000;
  await expectAll(receiver, before + BACKLOG);
  console.log(`forward_drain_batch100_events_s ${(BACKLOG / seconds).toFixed(0)} events/s`);
  await fwd.stop();
}

const receiver = new ReceiverProcess(dir, secret);
try {
  await throughput(receiver);
  await recovery(receiver);
  await batchDrain(receiver);
} finally {
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
}
