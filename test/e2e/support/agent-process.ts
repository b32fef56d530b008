/** A real elevate-agent (simulated backend) on a temp socket, started and stopped per test. */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentEntry } from './build.js';

export interface AgentOptions {
  dir: string;
  os: 'linux' | 'darwin' | 'win32';
  policy: unknown;
}

export interface RunningAgent {
  socketPath: string;
  stateDir: string;
  process: ChildProcess;
  /** SIGKILL: the agent vanishes as after a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startAgent(opts: AgentOptions): Promise<RunningAgent> {
  const socketPath = join(opts.dir, 'a.sock');
  const stateDir = join(opts.dir, 'state');
  const policyPath = join(opts.dir, 'policy.json');
  writeFileSync(policyPath, JSON.stringify(opts.policy));
  const child = spawn(
    process.execPath,
    [
      agentEntry,
      '--socket',
      socketPath,
      '--state-dir',
      stateDir,
      '--backend',
      'simulated',
      '--simulate-os',
      opts.os,
      '--policy',
      policyPath,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The agent did not start in time:\n${output}`)),
      15_000,
    );
    const onData = (d: Buffer): void => {
      output += d.toString();
      if (output.includes('elevate-agent listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The agent exited (${code}) before listening:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    socketPath,
    stateDir,
    process: child,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}

export function policy(defaults: Record<string, unknown>): unknown {
  return {
    version: 1,
    defaults: {
      levels: ['admin'],
      durationsSec: [600, 1800, 3600],
      maxDurationSec: 3600,
      maxExtensions: 2,
      requireReason: true,
      reasonMinLength: 10,
      reasonMaxLength: 250,
      warnBeforeSec: [300, 60],
      ...defaults,
    },
  };
}
