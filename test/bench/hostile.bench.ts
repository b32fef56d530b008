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
 * - expiry_latency_no_flood_p99_ms: the same 40 grants before the flood, so a loaded machine's
 *   own share (fsync on a shared disk, CPU) can be told from the attacker's.
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
// Ten users, one grant each every 1.5 s: every grant ends before its user's next one starts.
const others = Array.from({ length: 10 }, () => createUser());
const agent = await startAgentProcess({
  policy: { version: 1, defaults: { selfServe: true, requireReason: false } },
});

/** 40 one-second grants 150 ms apart; how late each one's end was recorded. */
async function expiries(admin: AgentClient): Promise<number[]> {
  const deadlines = new Map<string, number>();
  for (let i = 0; i < 40; i++) {
    const user = others[i % others.length]!;
    const s = await admin.call('admin.grant', { user, level: 'admin', durationSec: 1 });
    deadlines.set(s.grant!.id, Date.parse(s.grant!.expiresAt));
    await sleep(150);
  }
  await sleep(2500);
  const { events } = await admin.call('admin.audit', { limit: 10_000 });
  const late = events
    .filter((e) => e.type === 'privilege.expired' && e.grantId && deadlines.has(e.grantId))
    .map((e) => Date.parse(e.at) - deadlines.get(e.grantId!)!);
  if (late.length !== deadlines.size) {
    throw new Error(`only ${late.length} of ${deadlines.size} grants were recorded as expired`);
  }
  return late;
}

try {
  const admin = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
  const quiet = await expiries(admin);
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
      count: 400,
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
  const late = await expiries(admin);
  await Promise.all(floods.map((f) => f.result));
  const peak = peakRssMb(agent.proc.pid!, readFileSync(`/proc/${agent.proc.pid}/status`, 'utf8'));
  admin.close();
  print('agent_peak_rss_under_unread_flood_mb', peak, 'MB');
  print('expiry_latency_under_flood_p99_ms', percentile(late, 99), 'ms');
  print('expiry_latency_under_flood_max_ms', Math.max(...late), 'ms');
  print('expiry_latency_no_flood_p99_ms', percentile(quiet, 99), 'ms');
} finally {
  await agent.stop();
  agent.cleanup();
  for (const u of [mallory, ...others]) deleteUser(u);
}
