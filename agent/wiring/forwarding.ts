/** Audit events to the policy's forward sinks; a dropped batch is itself recorded. */
import type { AuditLog } from '../audit/audit-log.js';
import type { AgentConfig } from '../config.js';
import { AuditForwarder } from '../forward/forwarder.js';
import type { PolicyHolder } from '../policy/policy-holder.js';

export function auditForwarder(
  config: AgentConfig,
  policies: PolicyHolder,
  audit: AuditLog,
  log: (msg: string) => void,
): AuditForwarder {
  return new AuditForwarder({
    stateDir: config.stateDir,
    sinks: policies.policy.forward ?? [],
    log,
    onDrop: (sink, count, reason) =>
      void audit
        .append({
          type: 'forward.dropped',
          user: null,
          actor: 'agent',
          detail: { sink, count, reason },
        })
        .catch((err: unknown) => log(`could not record dropped forward events: ${String(err)}`)),
  });
}
