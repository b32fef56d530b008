/**
 * Real parts for the CLI integration tests: a real agent (simulated backend) on a temp socket,
 * real OS users, and the compiled command lines run as root or as those users.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
export const ELEVATECTL = join(REPO, 'dist/agent/cli/elevatectl.js');
export const ELEVATE = join(REPO, 'dist/agent/cli/elevate.js');
const AGENT = join(REPO, 'dist/agent/main.js');

/** Builds once when the compiled files are missing (CI runs `npm run build` first). */
export function ensureBuilt(): void {
  if (existsSync(AGENT) && existsSync(ELEVATECTL) && existsSync(ELEVATE)) return;
  execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: REPO, stdio: 'inherit' });
}

export interface RunningAgent {
  dir: string;
  socket: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startAgent(policy: unknown): Promise<RunningAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'elv-cli-'));
  // Other users must reach the socket and their cookie directory inside the state dir.
  chmodSync(dir, 0o711);
  const socket = join(dir, 'agent.sock');
  const policyFile = join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify(policy));
  const child = spawn(
    process.execPath,
    [
      AGENT,
      '--socket',
      socket,
      '--state-dir',
      join(dir, 'state'),
      '--backend',
      'simulated',
      '--policy',
      policyFile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`the agent did not start in time: ${output}`)),
      15_000,
    );
    const onData = (d: Buffer): void => {
      output += d.toString();
      if (output.includes('elevate-agent listening on')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the agent exited with ${code}: ${output}`));
    });
  });
  child.stdout.resume();
  child.stderr.resume();
  return {
    dir,
    socket,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function createUser(): string {
  const name = `elv${randomBytes(4).toString('hex')}`;
  execFileSync('useradd', ['-m', '-s', '/bin/sh', name]);
  return name;
}

export function deleteUser(name: string): void {
  try {
    execFileSync('userdel', ['-r', name], { stdio: 'ignore' });
  } catch {
    // userdel -r complains about a missing mail spool; the account itself is gone.
  }
}

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a compiled CLI to completion, as root or (with `user`) as that account via runuser. */
export function run(
  script: string,
  args: string[],
  user?: string,
  timeoutMs = 20_000,
): Promise<Result> {
  const child = spawnCli(script, args, user);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${args.join(' ')} did not finish: ${stdout} ${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

export function spawnCli(script: string, args: string[], user?: string): ChildProcess {
  const argv = [script, ...args];
  // A clean environment: the CLI must find everything from its flags and the calling account.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC' };
  return user
    ? spawn('runuser', ['-u', user, '--', process.execPath, ...argv], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env,
      })
    : spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'], env });
}
