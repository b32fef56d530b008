/**
 * Running the compiled command lines in integration tests: as root, or as a real OS user
 * through runuser, against a real agent started by the shared helpers.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { AGENT_MAIN, REPO, startAgentProcess } from '../../helpers/agent-process.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';
import { isStale } from '../../helpers/freshness.js';
import { publicProgram } from '../../helpers/public-copy.js';
import { middayZone } from '../../helpers/midday-zone.js';

export { createUser, deleteUser };

export const ELEVATECTL = join(REPO, 'dist/agent/cli/elevatectl.js');
export const ELEVATE = join(REPO, 'dist/agent/cli/elevate.js');

/**
 * Compiles when the compiled files are missing or older than the agent's sources, so a test run
 * on its own (`npx vitest run FILE`, which skips `npm test`'s build) never tests yesterday's code.
 */
export function ensureBuilt(): void {
  if (!isStale([AGENT_MAIN, ELEVATECTL, ELEVATE])) return;
  execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: REPO, stdio: 'inherit' });
}

export interface RunningAgent {
  dir: string;
  socket: string;
  /** Stops the agent and removes its temp dir; safe to call twice. */
  stop(): Promise<void>;
}

export async function startAgent(policy: object): Promise<RunningAgent> {
  const agent = await startAgentProcess({ backend: 'simulated', policy });
  return {
    dir: agent.dir,
    socket: agent.socket,
    async stop() {
      await agent.stop();
      agent.cleanup();
    },
  };
}

export interface FileAgent extends RunningAgent {
  /** `elevate --socket AGENT ARGS`, run as `user`. */
  as(user: string, ...args: string[]): Promise<Result>;
  /** `elevatectl --socket AGENT ARGS`, run as root. */
  ctl(...args: string[]): Promise<Result>;
}

/**
 * The preamble of a CLI test file: beforeAll builds, lets `setup` make the file's users with
 * `newUser` and starts an agent on the policy `setup` returns; afterAll stops the agent and
 * deletes every user made. Use the returned agent from inside tests (it exists after beforeAll).
 */
export function agentForFile(setup: (newUser: () => string) => object): FileAgent {
  let agent: RunningAgent | undefined;
  const users: string[] = [];
  const started = (): RunningAgent => {
    if (!agent) throw new Error('the agent starts in beforeAll: use it inside a test');
    return agent;
  };
  beforeAll(async () => {
    ensureBuilt();
    const policy = setup(() => {
      const user = createUser();
      users.push(user);
      return user;
    });
    agent = await startAgent(policy);
  });
  afterAll(async () => {
    await agent?.stop();
    for (const user of users) deleteUser(user);
  });
  return {
    get dir() {
      return started().dir;
    },
    get socket() {
      return started().socket;
    },
    stop: () => started().stop(),
    as: (user, ...args) => run(ELEVATE, ['--socket', started().socket, ...args], user),
    ctl: (...args) => run(ELEVATECTL, ['--socket', started().socket, ...args]),
  };
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
  /** Added to the clean environment, e.g. { LANG: 'de_DE.UTF-8' }. */
  extraEnv: Record<string, string> = {},
): Promise<Result> {
  const child = spawnCli(script, args, user, extraEnv);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${args.join(' ')} did not finish: ${stdout} ${stderr}`));
    }, timeoutMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

export function spawnCli(
  script: string,
  args: string[],
  user?: string,
  extraEnv: Record<string, string> = {},
): ChildProcess {
  // Root runs the same world-readable copy that other users must run (the checkout may be 0700).
  const argv = [...publicProgram(script), ...args];
  // A clean environment: the CLI must find everything from its flags and the calling account.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: middayZone(), ...extraEnv };
  const stdio: ['ignore', 'pipe', 'pipe'] = ['ignore', 'pipe', 'pipe'];
  return user
    ? spawn('runuser', ['-u', user, '--', ...argv], { stdio, env })
    : spawn(argv[0]!, argv.slice(1), { stdio, env });
}
