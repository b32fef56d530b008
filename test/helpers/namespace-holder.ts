/**
 * A private mount namespace kept alive for a test file: `setup` (bash) mounts private copies,
 * starts daemons (each printing its pid on a line of its own), prints `ready` once they answer,
 * then sleeps. Commands run inside it through `nsenter ${nsArg} --`.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface NamespaceHolder {
  /** `--mount=/proc/PID/ns/mnt`, for nsenter. */
  nsArg: string;
  /** Kills the daemons it started and the namespace's holder process; resolves once it is gone. */
  stop(): Promise<void>;
}

/** argv: bash running `script` in a private mount namespace of its own; `args` are its $0, $1… */
export function privateMountNs(script: string, ...args: string[]): [string, ...string[]] {
  return ['unshare', '--mount', '--propagation', 'private', '--', 'bash', '-c', script, ...args];
}

/** The setup line that puts `etc` (a copy of /etc, see copy-etc.ts) over /etc. */
export function bindEtc(etc: string): string {
  return `mount --bind ${etc} /etc`;
}

export async function holdNamespace(setup: string): Promise<NamespaceHolder> {
  const [cmd, ...args] = privateMountNs(setup);
  const holder: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
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
    async stop() {
      for (const pid of daemons) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      if (holder.exitCode !== null || holder.signalCode !== null) return;
      const gone = new Promise((r) => holder.once('exit', r));
      holder.kill('SIGKILL');
      await gone;
    },
  };
}
