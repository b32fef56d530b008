/** A real elevate-agent (simulated backend) on a temp socket, started and stopped per test. */
import type { ChildProcess } from 'node:child_process';
import { startAgentProcess } from '../../helpers/agent-process.js';

export interface AgentOptions {
  dir: string;
  os: 'linux' | 'darwin' | 'win32';
  policy: object;
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
  const a = await startAgentProcess({ dir: opts.dir, simulateOs: opts.os, policy: opts.policy });
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
