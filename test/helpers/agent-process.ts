/**
 * Starts a real agent (the compiled dist/agent/main.js) on a temp socket and state dir, for
 * integration tests, e2e and benchmarks. The socket's directory is world-traversable so tests
 * can connect as other OS users. With ELEVATE_AGENT_BIN=dist/bin/linux-x64/elevate-agent (from
 * `npm run build:bin`) every test runs the built executable instead, so what ships is tested.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const AGENT_MAIN = join(REPO, 'dist/agent/main.js');
export const AGENT_BIN = process.env.ELEVATE_AGENT_BIN
  ? resolve(process.env.ELEVATE_AGENT_BIN)
  : null;

/**
 * The command that runs a compiled program (dist/agent/main.js, dist/agent/cli/elevatectl.js,
 * dist/agent/cli/elevate.js): `node SCRIPT`, or the executable of the same name beside
 * ELEVATE_AGENT_BIN.
 */
export function programCommand(script: string): string[] {
  if (!AGENT_BIN) return [process.execPath, script];
  const name = basename(script, '.js');
  return [join(dirname(AGENT_BIN), name === 'main' ? 'elevate-agent' : name)];
}

export interface AgentOptions {
  backend?: 'simulated' | 'linux' | 'darwin' | 'win32';
  simulateOs?: 'linux' | 'darwin' | 'win32';
  /** How long start-up may take (recovery through slow stand-in tools on a loaded machine). */
  startTimeoutMs?: number;
  root?: string;
  /** Policy object written to a file in the temp dir (or a path to an existing file). */
  policy?: object | string;
  /** Reuse a state dir and socket (restart after a crash). */
  dir?: string;
  /** Extra environment (e.g. LD_PRELOAD for libfaketime). */
  env?: NodeJS.ProcessEnv;
  /** Wrap the command (e.g. ['unshare', '--mount', '--', ...]). */
  wrap?: (cmd: string[]) => string[];
}

export interface AgentHandle {
  dir: string;
  socket: string;
  stateDir: string;
  policyPath: string | null;
  proc: ChildProcess;
  output: () => string;
  /** Graceful stop (SIGTERM) and wait for exit. */
  stop(): Promise<void>;
  /** kill -9 and wait for exit. */
  kill9(): Promise<void>;
  /** Removes the temp dir (after stop). */
  cleanup(): void;
}

export function makeTempDir(prefix = 'elevate-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export async function startAgentProcess(opts: AgentOptions = {}): Promise<AgentHandle> {
  const dir = opts.dir ?? makeTempDir();
  const socket = join(dir, 'agent.sock');
  const stateDir = join(dir, 'state');
  let policyPath: string | null = null;
  if (typeof opts.policy === 'string') policyPath = opts.policy;
  else if (opts.policy) {
    policyPath = join(dir, 'policy.json');
    writeFileSync(policyPath, JSON.stringify(opts.policy));
  }
  const args = [
    ...programCommand(AGENT_MAIN),
    '--socket',
    socket,
    '--state-dir',
    stateDir,
    '--backend',
    opts.backend ?? 'simulated',
    ...(opts.simulateOs ? ['--simulate-os', opts.simulateOs] : []),
    ...(opts.root ? ['--root', opts.root] : []),
    ...(policyPath ? ['--policy', policyPath] : []),
  ];
  const cmd = opts.wrap ? opts.wrap(args) : args;
  const proc = spawn(cmd[0]!, cmd.slice(1), {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`agent did not start:\n${out}`)),
      opts.startTimeoutMs ?? 15_000,
    );
    const check = (): void => {
      if (out.includes('elevate-agent listening on')) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`agent exited with ${code}:\n${out}`));
    });
  });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    dir,
    socket,
    stateDir,
    policyPath,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
    async kill9() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
