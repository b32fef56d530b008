/**
 * Linux backend cost, on a private prefix root (real gpasswd -Q, real visudo), N iterations:
 *   linux_apply_p50_ms / _p99_ms       LinuxBackend.apply(admin) for a user with nothing
 *   linux_restore_p50_ms / _p99_ms     LinuxBackend.restore back to nothing
 *   linux_bare_apply_p50_ms            the same OS steps done directly: write+fsync temp,
 *                                      visudo -c -f, rename, gpasswd -a
 *   linux_bare_restore_p50_ms          unlink the drop-in, gpasswd -d
 *   linux_restore_overhead_ratio       restore p50 / bare restore p50 (target ≤ 2)
 * Set LINUX_BENCH_ITERATIONS (default 100) to change N.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LinuxBackend, dropInContent } from '../../agent/backends/linux.js';
import { dropInFileName } from '../../agent/backends/linux/account-name.js';

const N = Number(process.env.LINUX_BENCH_ITERATIONS ?? 100);
const run = promisify(execFile);

const root = mkdtempSync(join(tmpdir(), 'elv-linux-bench-'));
try {
  mkdirSync(join(root, 'etc/sudoers.d'), { recursive: true });
  for (const f of ['passwd', 'group', 'shadow', 'gshadow', 'sudoers']) {
    copyFileSync(join('/etc', f), join(root, 'etc', f));
  }
  const user = `elv${randomBytes(3).toString('hex')}`;
  execFileSync('useradd', ['--prefix', root, user], { stdio: 'ignore' });
  const backend = new LinuxBackend({ root });
  const none = await backend.inspect(user);
  const dropIn = join(root, 'etc/sudoers.d', dropInFileName(user));

  const apply: number[] = [];
  const restore: number[] = [];
  const bareApply: number[] = [];
  const bareRestore: number[] = [];
  for (let i = 0; i < N; i++) {
    // Interleaved so that both kinds see the same machine conditions.
    apply.push(await timed(() => backend.apply(user, 'admin', none)));
    restore.push(await timed(() => backend.restore(user, none)));
    bareApply.push(await timed(() => bareGrant(user, dropIn)));
    bareRestore.push(await timed(() => bareRevoke(user, dropIn)));
  }

  const p50 = (xs: number[]): number => quantile(xs, 0.5);
  const p99 = (xs: number[]): number => quantile(xs, 0.99);
  figure('linux_apply_p50_ms', p50(apply), 'ms');
  figure('linux_apply_p99_ms', p99(apply), 'ms');
  figure('linux_restore_p50_ms', p50(restore), 'ms');
  figure('linux_restore_p99_ms', p99(restore), 'ms');
  figure('linux_bare_apply_p50_ms', p50(bareApply), 'ms');
  figure('linux_bare_restore_p50_ms', p50(bareRestore), 'ms');
  figure('linux_restore_overhead_ratio', p50(restore) / p50(bareRestore), 'x');
} finally {
  rmSync(root, { recursive: true, force: true });
}

async function bareGrant(user: string, path: string): Promise<void> {
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w', 0o440);
  await fh.writeFile(dropInContent(user, 'admin'));
  await fh.sync();
  await fh.close();
  await run('visudo', ['-c', '-q', '-f', tmp]);
  await rename(tmp, path);
  await run('gpasswd', ['-Q', root, '-a', user, 'sudo']);
}

async function bareRevoke(user: string, path: string): Promise<void> {
  await unlink(path);
  await run('gpasswd', ['-Q', root, '-d', user, 'sudo']);
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function figure(name: string, value: number, unit: string): void {
  console.log(`${name} ${value.toFixed(2)} ${unit}`);
}
