/**
 * A real elevate-agent on a temp socket, started and stopped per test: the simulated backend,
 * or (`win32StandIns`) the real win32 backend running the Windows stand-in tools
 * (test/standins/win32/, never shipped) against a pretend machine in that folder.
 */
import type { ChildProcess } from 'node:child_process';
import { startAgentProcess } from '../../helpers/agent-process.js';
import { standinEnv } from '../../helpers/win32-machine.js';

export interface AgentOptions {
  dir: string;
  os: 'linux' | 'darwin' | 'win32';
  policy: object;
  /** The pretend Windows machine's folder (machine.json written there) and its name. */
  win32StandIns?: { machineDir: string; computerName: string };
}

export interface RunningAgent {
  socketPath: string;
  stateDir: string;
  process: ChildProcess;
  /** SIGKILL: the agent vanishes as after a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** The socket a started agent listens on, for tests that start main before the agent. */
export const socketIn = (dir: string): string => `${dir}/agent.sock`;

export async function startAgent(opts: AgentOptions): Promise<RunningAgent> {
  const standIns = opts.win32StandIns;
  const a = await startAgentProcess({
    dir: opts.dir,
    policy: opts.policy,
    ...(standIns
      ? {
          backend: 'win32',
          env: standinEnv(standIns.machineDir, standIns.computerName),
          // Every OS step starts a stand-in process: seconds on a loaded 2-core machine.
          startTimeoutMs: 60_000,
        }
      : { simulateOs: opts.os }),
  });
  return {
    socketPath: a.socket,
    stateDir: a.stateDir,
    process: a.proc,
    kill: () => a.kill9(),
    stop: () => a.stop(),
  };
}

/** A policy file: the built-in defaults (POLICY.md) with these overrides. */
export function policy(defaults: Record<string, unknown>): object {
  return { version: 1, defaults };
}
