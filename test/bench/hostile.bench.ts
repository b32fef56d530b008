/**
 * Benchmarks under a hostile local user (issue 7). Prints `NAME value unit` lines:
 *
 * - agent_peak_rss_under_unread_flood_mb: the agent's peak resident memory (VmHWM) while an
 *   ordinary account (runuser) floods it on 8 connections with history.list / status.subscribe
 *   / status.get for 10 s and never reads an answer. Target: under 150 MB.
 * - expiry_latency_under_flood_p99_ms (+ _max_ms): deadline → `privilege.expired` written, for
 *   40 one-second grants to other users that expire during that flood plus a flood of failed
 *   proofs and unknown-name hellos from the same account. Target: under 100 ms. Simulated
 *   backend: this measures the agent's own scheduling, not the OS tools (agent.bench.ts does).
 */
import { readFileSync } from 'node:fs';
import { AgentClient } from '../../agent/client/agent-client.js';
import { attack, peakRssMb } from '../helpers/attacker.js';
import { startAgentProcess } from '../helpers/agent-process.js';
import { createUser, deleteUser } from '../helpers/os-users.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const print = (name: string, value: number, unit: string): void =>
  console.log(`${name} ${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}`);

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mallory = createUser('mal');
const others = [createUser(), createUser(), createUser(), createUser()];
const agent = await startAgentProcess({
  policy: { version: 1, defaults: { selfServe: true, requireReason: false } },
});
try {
  const admin = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
  for (let i = 0; i < 60; i++) {
    await admin.call('admin.grant', { user: mallory, level: 'admin', durationSec: 600 });
    await admin.call('admin.revoke', { user: mallory });
  }
  const floods = [
    attack(mallory, agent.dir, agent.socket, {
      mode: 'unread-flood',
      connections: 8,
      durationMs: 10_000,
      perSecond: 500,
      requests: [
        { method: 'history.list', params: { limit: 200 } },
        { method: 'status.subscribe' },
        { method: 'status.get' },
      ],
    }),
    attack(mallory, agent.dir, agent.socket, {
      mode: 'prove-flood',
      claim: others[0]!,
      count: 2000,
      parallel: 4,
    }),
    attack(mallory, agent.dir, agent.socket, {
      mode: 'hello-flood',
      durationMs: 8000,
      names: ['nosuchRANDOM'],
      parallel: 4,
    }),
  ];
  await sleep(1000);
  const deadlines = new Map<string, number>();
  for (let i = 0; i < 40; i++) {
    const user = others[i % others.length]!;
    const s = await admin.call('admin.grant', { user, level: 'admin', durationSec: 1 });
    deadlines.set(s.grant!.id, Date.parse(s.grant!.expiresAt));
    await sleep(150);
  }
  await Promise.all(floods.map((f) => f.result));
  await sleep(1500);
  const peak = peakRssMb(agent.proc.pid!, readFileSync(`/proc/${agent.proc.pid}/status`, 'utf8'));
  const { events } = await admin.call('admin.audit', { limit: 10_000 });
  admin.close();
  const late = events
    .filter((e) => e.type === 'privilege.expired' && e.grantId && deadlines.has(e.grantId))
    .map((e) => Date.parse(e.at) - deadlines.get(e.grantId!)!);
  if (late.length !== deadlines.size) {
    throw new Error(`only ${late.length} of ${deadlines.size} grants were recorded as expired`);
  }
  print('agent_peak_rss_under_unread_flood_mb', peak, 'MB');
  print('expiry_latency_under_flood_p99_ms', percentile(late, 99), 'ms');
  print('expiry_latency_under_flood_max_ms', Math.max(...late), 'ms');
} finally {
  await agent.stop();
  agent.cleanup();
  for (const u of [mallory, ...others]) deleteUser(u);
}
