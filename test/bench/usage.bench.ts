/**
 * privilege.used latency with real sudo in a private mount namespace: an elevated user runs
 * `sudo -n true`; the time runs from just before the command is started (so it includes
 * nsenter, runuser and sudo themselves) until a client subscribed to the audit trail receives
 * the privilege.used event. N commands, one at a time:
 *   used_event_latency_p50_ms / _p99_ms / _max_ms   (target p99 ≤ 500 ms)
 * Set USAGE_BENCH_COMMANDS (default 50) to change N.
 */
import { AgentClient } from '../../agent/client/agent-client.js';
import type { AuditEvent } from '../../agent/protocol/schemas.js';
import { createUser, deleteUser } from '../helpers/os-users.js';
import { copyEtcToTempDir, startNamespaceAgent } from '../integration/usage/namespace-agent.js';

const N = Number(process.env.USAGE_BENCH_COMMANDS ?? 50);

const user = createUser();
const ns = await startNamespaceAgent(copyEtcToTempDir());
const client = await AgentClient.connect({ socketPath: ns.agent.socket, user: 'root' });
try {
  await client.call('admin.grant', { user, level: 'passwordless', durationSec: 3600 });
  await client.call('admin.auditSubscribe', {});
  let waiter: ((e: AuditEvent) => void) | null = null;
  client.onNotification('audit.appended', (e) => {
    if (e.type === 'privilege.used' && e.user === user) waiter?.(e);
  });
  const latencies: number[] = [];
  for (let i = 0; i < N; i++) {
    const arrived = new Promise<number>((resolve) => {
      waiter = () => resolve(performance.now());
    });
    const t0 = performance.now();
    const ran = await ns.asUser(user, 'sudo', '-n', 'true');
    if (ran.code !== 0) throw new Error(`sudo failed: ${ran.stderr}`);
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no privilege.used event within 5 s')), 5000),
    );
    latencies.push((await Promise.race([arrived, timeout])) - t0);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number): number =>
    latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!;
  console.log(`used_event_latency_p50_ms ${at(0.5).toFixed(1)} ms`);
  console.log(`used_event_latency_p99_ms ${at(0.99).toFixed(1)} ms`);
  console.log(`used_event_latency_max_ms ${latencies[latencies.length - 1]!.toFixed(1)} ms`);
  await client.call('admin.revoke', { user });
} finally {
  client.close();
  await ns.close();
  deleteUser(user);
}
