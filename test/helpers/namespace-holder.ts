/**
 * A private mount namespace kept alive for a test file: `setup` (bash) mounts private copies,
 * starts daemons (each printing its pid on a line of its own), prints `ready` once they answer,
 * then sleeps. Commands run inside it through `nsenter ${nsArg} --`.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface NamespaceHolder {
  /** `--mount=/proc/PID/ns/mnt`, for nsenter. */
  nsArg: string;
  /** Kills the daemons it started and the namespace's holder process. */
  stop(): void;
}

export async function holdNamespace(setup: string): Promise<NamespaceHolder> {
  const holder: ChildProcess = spawn(
    'unshare',
    ['--mount', '--propagation', 'private', '--', 'bash', '-c', setup],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('ready')) resolve();
    });
    holder.once('exit', (code) => reject(new Error(`the namespace did not start (${code})`)));
  });
  const daemons = out.split('\n').filter((l) => /^\d+$/.test(l.trim()));
  return {
    nsArg: `--mount=/proc/${holder.pid}/ns/mnt`,
    stop() {
      for (const pid of daemons) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      holder.kill('SIGKILL');
    },
  };
}
