/**
 * A throwaway copy of this whole machine to install packages into for real (RECIPES.md): an
 * overlay of / in a private mount namespace, held open by a chrooted `sleep`; commands run in
 * it through nsenter. dpkg, maintainer scripts and the agent write only to the overlay's upper
 * folder; the host's dpkg database, /etc and /run never change. /run and /tmp are private
 * tmpfs, so nothing inside can reach the host's services.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../helpers/agent-process.js';
import { privateMountNs } from '../../helpers/namespace-holder.js';
import { run, type RunResult } from '../../helpers/os-users.js';

export class OverlayRoot {
  private constructor(
    readonly dir: string,
    private readonly holder: ChildProcess,
  ) {}

  /** Files put here appear at / inside. */
  get upper(): string {
    return join(this.dir, 'u');
  }

  static async open(): Promise<OverlayRoot> {
    const dir = makeTempDir('elevate-overlay-');
    for (const d of ['u', 'w', 'm']) mkdirSync(join(dir, d));
    const m = join(dir, 'm');
    const [unshare, ...args] = privateMountNs(
      `set -e
        mount -t overlay overlay -o lowerdir=/,upperdir=${dir}/u,workdir=${dir}/w ${m}
        mount -t proc proc ${m}/proc
        mount --rbind /dev ${m}/dev
        mount -t tmpfs tmpfs ${m}/run
        mount -t tmpfs tmpfs ${m}/tmp
        exec chroot ${m} sleep infinity`,
    );
    const holder = spawn(unshare, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    holder.stderr!.on('data', (d) => (err += d));
    const root = new OverlayRoot(dir, holder);
    for (let i = 0; i < 200; i++) {
      if (holder.exitCode !== null) throw new Error(`the overlay root did not start: ${err}`);
      try {
        if (readFileSync(`/proc/${holder.pid}/comm`, 'utf8').trim() === 'sleep') return root;
      } catch {
        // not there yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the overlay root did not start: ${err}`);
  }

  private enter(): string[] {
    return ['nsenter', '-t', String(this.holder.pid), '-m', '-r', '-w', '--'];
  }

  /** A shell command inside, to completion. */
  sh(command: string): Promise<RunResult> {
    const [cmd, ...args] = this.enter();
    return run(cmd!, [...args, 'sh', '-c', command], undefined, {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    });
  }

  /** A long-running process inside (the agent, as its unit would start it). */
  spawn(argv: string[]): ChildProcess {
    const [cmd, ...args] = this.enter();
    return spawn(cmd!, [...args, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  }

  close(): void {
    this.holder.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
