/**
 * A real agent with the Linux backend in a private mount namespace whose /etc is a copy
 * (the host's /etc is never touched), and helpers to act inside that namespace.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { copyEtc } from '../../helpers/copy-etc.js';
import { bindEtc, holdNamespace } from '../../helpers/namespace-holder.js';
import { run, type RunResult } from '../../helpers/os-users.js';

export interface NamespaceAgent {
  dir: string;
  agent: AgentHandle;
  /** Runs a command as root inside the agent's mount namespace. */
  inNs(...cmd: string[]): Promise<RunResult>;
  /** Runs a command as `user` inside the agent's mount namespace. */
  asUser(user: string, ...cmd: string[]): Promise<RunResult>;
  /** Starts a command as `user` inside the namespace and leaves it running. */
  spawnAsUser(user: string, cmd: string[], options: SpawnOptions): ChildProcess;
  /** Stops the agent and starts it again on the same state dir and /etc copy. */
  restart(): Promise<void>;
  /** Stops the agent, ends the namespace and removes the temp dir. */
  close(): Promise<void>;
}

/** Copies /etc (call after creating the test's users so the copy knows them). */
export function copyEtcToTempDir(): string {
  const dir = makeTempDir();
  copyEtc(join(dir, 'etc'));
  return dir;
}

/** Another backend in the namespace: the darwin backend over stand-ins, with its own /etc. */
export interface NamespaceOptions {
  backend: 'linux' | 'darwin';
  /** The directory bind-mounted over /etc (default DIR/etc). */
  etc?: string;
  root?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The namespace is held by a process of its own, so it outlives the agent: a test can stop
 * the agent, use sudo in there while it is down, and start it again.
 */
export async function startNamespaceAgent(
  dir: string,
  policy?: object,
  opts: NamespaceOptions = { backend: 'linux' },
): Promise<NamespaceAgent> {
  // A policy path (not the object) so a restart keeps what a test wrote there since.
  const policyPath = join(dir, 'policy.json');
  if (policy) writeFileSync(policyPath, JSON.stringify(policy));
  const ns = await holdNamespace(
    `${bindEtc(opts.etc ?? join(dir, 'etc'))} && echo ready && exec sleep infinity`,
  );
  const nsArg = ns.nsArg;
  const start = (): Promise<AgentHandle> =>
    startAgentProcess({
      dir,
      backend: opts.backend,
      ...(opts.root ? { root: opts.root } : {}),
      ...(opts.env ? { env: opts.env, startTimeoutMs: 60_000 } : {}),
      ...(policy ? { policy: policyPath } : {}),
      wrap: (cmd) => ['nsenter', nsArg, '--', ...cmd],
    });
  const handle: NamespaceAgent = {
    dir,
    agent: await start(),
    inNs: (...cmd) => run('nsenter', [nsArg, '--', ...cmd]),
    asUser: (user, ...cmd) => handle.inNs('runuser', '-u', user, '--', ...cmd),
    spawnAsUser: (user, cmd, options) =>
      spawn('nsenter', [nsArg, '--', 'runuser', '-u', user, '--', ...cmd], options),
    async restart() {
      await handle.agent.stop();
      handle.agent = await start();
    },
    async close() {
      await handle.agent.stop();
      await ns.stop();
      handle.agent.cleanup();
    },
  };
  return handle;
}

/** inotify watches the process holds (fs.watch is the agent's only use of inotify). */
export function inotifyWatches(pid: number): number {
  let n = 0;
  for (const fd of readdirSync(`/proc/${pid}/fdinfo`)) {
    try {
      n += (readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').match(/^inotify wd:/gm) ?? []).length;
    } catch {
      // Closed while we looked.
    }
  }
  return n;
}
