/**
 * A real elevate-agent on a temp socket, started and stopped per test: the simulated backend,
 * or (`win32StandIns`) the real win32 backend running the Windows stand-in tools
 * (test/standins/win32/, never shipped) against a pretend machine in that folder.
 */
import type { ChildProcess } from 'node:child_process';
import { startAgentProcess } from '../../helpers/agent-process.js';
import { startWin32Agent, type PretendWindows } from '../../helpers/win32-machine.js';

export interface AgentOptions {
  dir: string;
  os: 'linux' | 'darwin' | 'win32';
  policy: object;
  /** The pretend Windows machine, written to machineDirIn(dir). */
  win32StandIns?: PretendWindows;
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
  const a = opts.win32StandIns
    ? await startWin32Agent(opts.dir, opts.win32StandIns, opts.policy)
    : await startAgentProcess({ dir: opts.dir, policy: opts.policy, simulateOs: opts.os });
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
