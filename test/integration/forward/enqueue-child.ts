/**
 * Child process for the crash test: enqueues events for a sink whose receiver is down and
 * prints each event's id once enqueue() has returned, until it is killed. Env: STATE_DIR, PORT.
 */
import { AuditForwarder } from '../../../agent/forward/forwarder.js';
import { ForwardPolicySchema } from '../../../agent/forward/policy-schema.js';
import { sampleEvent } from './sample-events.js';

const fwd = new AuditForwarder({
  stateDir: process.env.STATE_DIR ?? '',
  sinks: ForwardPolicySchema.parse([
    { name: 'crash', type: 'webhook', url: `http://127.0.0.1:${process.env.PORT}/` },
  ]),
});
for (let i = 0; ; i++) {
  const e = sampleEvent(i, 'k');
  fwd.enqueue(e);
  process.stdout.write(`${e.id}\n`);
}
