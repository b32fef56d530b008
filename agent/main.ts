#!/usr/bin/env node
/** elevate-agent: the privileged daemon's process entry (flags, signals, exit codes). */
import { mkdir } from 'node:fs/promises';
import { isSea } from 'node:sea';
import { startAgent } from './agent.js';
import { USAGE, UsageError, parseAgentArgs, type AgentConfig } from './config.js';
import { restoreAll } from './install/restore-all.js';
import { nonRootWritable, ownFiles } from './install/writable-check.js';

function log(msg: string): void {
  process.stdout.write(`${new Date().toISOString()} elevate-agent: ${msg}\n`);
}

function fail(msg: string, code: number): never {
  process.stderr.write(`elevate-agent: ${msg}\n`);
  process.exit(code);
}

/** As root, refuse code, state or policy that someone else could change (writable-check.ts). */
async function checkOwnership(config: AgentConfig): Promise<void> {
  if (process.getuid?.() !== 0) return;
  await mkdir(config.stateDir, { recursive: true, mode: 0o711 });
  const paths = [...ownFiles(isSea()), config.stateDir, ...(config.policy ? [config.policy] : [])];
  const problem = await nonRootWritable(paths);
  if (problem)
    fail(
      `refusing to run as root because ${problem}; make it and every folder above it owned by root and writable only by root (chown root, chmod go-w).`,
      1,
    );
}

async function serve(config: AgentConfig): Promise<void> {
  const agent = await startAgent(config, log);
  process.stdout.write(`elevate-agent listening on ${config.socket}\n`);
  if (config.backend === 'simulated')
    log('SIMULATED backend: a demo that changes nothing on this computer');
  process.on('SIGHUP', () => {
    log('SIGHUP: reloading the policy');
    void agent.reloadPolicy();
  });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(
      `${signal}: stopping; active grants stay recorded and are enforced again at the next start`,
    );
    void agent.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function runRestoreAll(config: AgentConfig): Promise<void> {
  const { restored, failures } = await restoreAll(config, log);
  for (const user of restored) log(`restored ${user}`);
  if (failures.length > 0)
    fail(
      `could not restore ${failures.length} ${failures.length === 1 ? 'person' : 'people'} (${failures.join('; ')}); fix the cause and run "elevate-agent restore-all" again.`,
      1,
    );
  log(`restore-all: ${restored.length} active grant(s) ended; nobody is elevated by Elevate`);
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] === 'restore-all' ? 'restore-all' : 'serve';
  let config: AgentConfig;
  try {
    config = parseAgentArgs(command === 'serve' ? argv : argv.slice(1));
  } catch (err) {
    const reason = err instanceof UsageError ? err.reason : (err as Error).message;
    if (reason) process.stderr.write(`elevate-agent: ${reason}\n`);
    process.stderr.write(USAGE + '\n');
    process.exit(reason ? 2 : 0);
  }
  await checkOwnership(config);
  if (command === 'restore-all') {
    await runRestoreAll(config).catch((err: unknown) =>
      fail(
        `restore-all failed: ${(err as Error).message}; fix that and run "elevate-agent restore-all" again ("elevatectl status" lists who is still elevated).`,
        1,
      ),
    );
    return;
  }
  await serve(config).catch((err: unknown) =>
    fail(`could not start: ${(err as Error).message}`, 1),
  );
}

void main(process.argv.slice(2));
