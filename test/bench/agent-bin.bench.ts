/**
 * The agent as its single executable (npm run build:bin) next to `node dist/agent/main.js`:
 *
 * - agent_bin_start_ms / agent_node_start_ms: exec → "listening" on stdout, no grants, fresh
 *   state dir, simulated backend; the median of 9 starts.
 * - agent_bin_rss_idle_mb / agent_node_rss_idle_mb: VmRSS 2 s after listening, idle.
 *   Most of it is the Node binary's own pages (shared, clean, dropped first under memory
 *   pressure), and how many of those a process maps depends on the page cache: a file just
 *   written or read whole sits in large folios that the kernel maps whole (RssFile 45-75 MB
 *   for the same executable). So the executable is dropped from the page cache first
 *   (`dd iflag=nocache`, our own build output only), as after a reboot.
 * - agent_bin_rss_anon_idle_mb / agent_node_rss_anon_idle_mb: the private part of that RSS
 *   (RssAnon: heap, stacks, malloc), which does not depend on the page cache.
 *
 * Builds dist/bin/linux-x64 first when it is missing or older than the agent's sources.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_MAIN, REPO, makeTempDir } from '../helpers/agent-process.js';
import { isStale } from '../helpers/freshness.js';

const BIN = join(REPO, 'dist/bin/linux-x64/elevate-agent');
const RUNS = 9;

function print(name: string, value: number, unit: string): void {
  console.log(`${name} ${value.toFixed(1)} ${unit}`);
}

/** One start: ms until listening, and the idle RSS and RssAnon in MB when `measureRss`. */
async function startOnce(cmd: string[], measureRss: boolean): Promise<[number, number, number]> {
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
  let rss = 0;
  let anon = 0;
  if (measureRss) {
    await new Promise((r) => setTimeout(r, 2000));
    const status = readFileSync(`/proc/${p.pid}/status`, 'utf8');
    const mb = (field: string): number =>
      Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024;
    rss = mb('VmRSS');
    anon = mb('RssAnon');
  }
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  await exited;
  rmSync(dir, { recursive: true, force: true });
  return [ms, rss, anon];
}

async function measure(name: string, cmd: string[]): Promise<void> {
  const times: number[] = [];
  let rss = 0;
  let anon = 0;
  for (let i = 0; i < RUNS; i++) {
    const [ms, mb, anonMb] = await startOnce(cmd, i === RUNS - 1);
    times.push(ms);
    rss = mb || rss;
    anon = anonMb || anon;
  }
  times.sort((a, b) => a - b);
  print(`agent_${name}_start_ms`, times[Math.floor(RUNS / 2)]!, 'ms');
  print(`agent_${name}_rss_idle_mb`, rss, 'MB');
  print(`agent_${name}_rss_anon_idle_mb`, anon, 'MB');
}

if (isStale([BIN]))
  execFileSync(process.execPath, ['scripts/build-bin.js', '--target', 'linux-x64'], {
    cwd: REPO,
    stdio: 'ignore',
  });
await measure('bin', [BIN]);
await measure('node', [process.execPath, AGENT_MAIN]);
