/**
 * The agent as its single executable (npm run build:bin) next to `node dist/agent/main.js`:
 *
 * - agent_bin_start_ms / agent_node_start_ms: exec → "listening" on stdout, no grants, fresh
 *   state dir, simulated backend; the median of 9 starts.
 * - agent_bin_rss_idle_mb / agent_node_rss_idle_mb: VmRSS of an agent idle for a minute (no
 *   clients, no grants): what it holds for hours. V8 returns start-up's garbage and drops the
 *   bytecode of code that ran only at start (build-bin.js, V8_FLAGS) in its memory reducer's
 *   GCs, 8-30 s after the agent goes idle.
 * - agent_bin_rss_start_mb / agent_node_rss_start_mb: VmRSS 2 s after listening, before that.
 *   Most of it is the Node binary's own pages (shared, clean, dropped first under memory
 *   pressure), and how many of those a process maps depends on the page cache: a file just
 *   written or read whole sits in large folios that the kernel maps whole (RssFile 45-75 MB
 *   for the same executable). So the executable is dropped from the page cache first
 *   (`dd iflag=nocache`, our own build output only), as after a reboot.
 * - agent_bin_rss_anon_idle_mb / agent_node_rss_anon_idle_mb: the private part of the idle RSS
 *   (RssAnon: heap, stacks, malloc), which does not depend on the page cache.
 *
 * Builds dist/bin/linux-x64 first when it is missing or older than the agent's sources.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AGENT_MAIN, REPO, makeTempDir } from '../helpers/agent-process.js';
import { isStale } from '../helpers/freshness.js';

const BIN = join(REPO, 'dist/bin/linux-x64/elevate-agent');
const RUNS = 9;
/** Seconds after listening: just started, and idle for a minute. */
const START_S = 2;
const IDLE_S = 60;

function print(name: string, value: number, unit: string): void {
  console.log(`${name} ${value.toFixed(1)} ${unit}`);
}

interface Rss {
  start: number;
  idle: number;
  idleAnon: number;
}

/** One start: ms until listening, and (when `measureRss`) its RSS in MB as it goes idle. */
async function startOnce(cmd: string[], measureRss: boolean): Promise<[number, Rss | null]> {
  if (measureRss && cmd[0] === BIN)
    execFileSync('dd', [`if=${BIN}`, 'iflag=nocache', 'count=0', 'status=none']);
  const dir = makeTempDir('elevate-bench-bin-');
  const args = [...cmd.slice(1), '--socket', join(dir, 's'), '--state-dir', join(dir, 'st')];
  const t0 = process.hrtime.bigint();
  const p = spawn(cmd[0]!, [...args, '--backend', 'simulated'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ms = await new Promise<number>((resolve, reject) => {
    p.stdout.on('data', (d) => {
      out += d;
      if (out.includes('listening on')) resolve(Number(process.hrtime.bigint() - t0) / 1e6);
    });
    p.once('exit', (code) => reject(new Error(`agent exited ${code}: ${out}`)));
  });
  let rss: Rss | null = null;
  if (measureRss) {
    const mb = (field: string): number => {
      const status = readFileSync(`/proc/${p.pid}/status`, 'utf8');
      return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024;
    };
    await sleep(START_S * 1000);
    const start = mb('VmRSS');
    await sleep((IDLE_S - START_S) * 1000);
    rss = { start, idle: mb('VmRSS'), idleAnon: mb('RssAnon') };
  }
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  await exited;
  rmSync(dir, { recursive: true, force: true });
  return [ms, rss];
}

async function measure(name: string, cmd: string[]): Promise<void> {
  const times: number[] = [];
  let rss: Rss | null = null;
  for (let i = 0; i < RUNS; i++) {
    const [ms, sample] = await startOnce(cmd, i === RUNS - 1);
    times.push(ms);
    rss = sample ?? rss;
  }
  times.sort((a, b) => a - b);
  print(`agent_${name}_start_ms`, times[Math.floor(RUNS / 2)]!, 'ms');
  print(`agent_${name}_rss_start_mb`, rss!.start, 'MB');
  print(`agent_${name}_rss_idle_mb`, rss!.idle, 'MB');
  print(`agent_${name}_rss_anon_idle_mb`, rss!.idleAnon, 'MB');
}

if (isStale([BIN]))
  execFileSync(process.execPath, ['scripts/build-bin.js', '--target', 'linux-x64'], {
    cwd: REPO,
    stdio: 'ignore',
  });
await measure('bin', [BIN]);
await measure('node', [process.execPath, AGENT_MAIN]);
