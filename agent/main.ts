#!/usr/bin/env node
/** elevate-agent: the privileged daemon's process entry (flags, signals, exit codes). */
import { startAgent } from './agent.js';
import { USAGE, UsageError, parseAgentArgs, type AgentConfig } from './config.js';

function log(msg: string): void {
  process.stdout.write(`${new Date().toISOString()} elevate-agent: ${msg}\n`);
}

let config: AgentConfig;
try {
  config = parseAgentArgs(process.argv.slice(2));
} catch (err) {
  const reason = err instanceof UsageError ? err.reason : (err as Error).message;
  if (reason) process.stderr.write(`elevate-agent: ${reason}\n`);
  process.stderr.write(USAGE + '\n');
  process.exit(reason ? 2 : 0);
}

try {
  const agent = await startAgent(config, log);
  process.stdout.write(`elevate-agent listening on ${config.socket}\n`);
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
} catch (err) {
  process.stderr.write(`elevate-agent: could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
