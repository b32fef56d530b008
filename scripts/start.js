#!/usr/bin/env node
// `npm start` (after `npm run build`): an unprivileged demo agent with the simulated backend in a
// temp dir, then the Elevate tray against it. Without a display or an Electron binary, it says
// why and keeps the demo agent running in the foreground so `npm run ctl` can drive it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const agentMain = join(repo, 'dist/agent/main.js');
const hostOs =
  process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';

// Self-serve with short durations, so the whole cycle (grant, warnings, the end) shows in minutes.
const DEMO_POLICY = {
  version: 1,
  defaults: {
    selfServe: true,
    approvalRequired: false,
    levels: ['admin', 'passwordless'],
    durationsSec: [120, 600, 1800],
    maxDurationSec: 3600,
    requireReason: true,
    reasonMinLength: 10,
    maxExtensions: 2,
    warnBeforeSec: [60, 30],
  },
};

if (!existsSync(agentMain)) {
  console.error(
    'start: dist/agent/main.js is missing; run "npm run build" first (npm start does).',
  );
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'elevate-demo-'));
const socket =
  hostOs === 'win32' ? `\\\\.\\pipe\\elevate-demo-${process.pid}` : join(dir, 'agent.sock');
const policyPath = join(dir, 'policy.json');
writeFileSync(policyPath, JSON.stringify(DEMO_POLICY, null, 2));

const agent = spawn(
  process.execPath,
  [
    agentMain,
    '--socket',
    socket,
    '--state-dir',
    join(dir, 'state'),
    '--backend',
    'simulated',
    '--simulate-os',
    hostOs,
    '--policy',
    policyPath,
  ],
  // Its own process group: Ctrl-C reaches only this launcher, which stops the agent itself and
  // says what that means for the demo (the agent's own stop line is about a real install).
  { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
);
let tray = null;
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (tray && tray.exitCode === null) tray.kill('SIGTERM');
  if (agent.exitCode === null) agent.kill('SIGTERM');
  agent.once('exit', () => {
    rmSync(dir, { recursive: true, force: true });
    console.log(
      'start: demo stopped. Its grants were only simulated (nothing on this computer changed) and ' +
        'its state and audit log are deleted, so the next npm start begins with no grants.',
    );
  });
}
process.on('exit', () => {
  if (agent.exitCode === null) agent.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, cleanup);
agent.on('exit', (code, signal) => {
  if (!cleaned) {
    console.error(`start: the demo agent stopped (${signal ?? `exit ${code}`}).`);
    cleaned = true;
    if (tray && tray.exitCode === null) tray.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    process.exitCode = 1;
  }
});

let ready = false;
agent.stdout.on('data', (chunk) => {
  if (!cleaned) process.stdout.write(chunk);
  if (!ready && String(chunk).includes('elevate-agent listening on')) {
    ready = true;
    launchTray();
  }
});

/** Why the tray cannot start here, or null when it can. */
function whyNoTray() {
  if (hostOs === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  }
  if (electronBinary()) return null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return `there is no electron executable in ELECTRON_OVERRIDE_DIST_PATH (${process.env.ELECTRON_OVERRIDE_DIST_PATH}); point it at an unpacked Electron ${electronVersion()} folder`;
  }
  return (
    'the Electron binary is not installed (setup skipped the download). Get it with ' +
    '"node node_modules/electron/install.js" where github.com is reachable, or point ' +
    `ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron ${electronVersion()} folder`
  );
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(repo, 'node_modules/electron/package.json'), 'utf8'))
      .version;
  } catch {
    return '';
  }
}

/**
 * The Electron executable, or null. Read from the package's path.txt instead of require('electron'):
 * that would try to download the binary, which fails offline.
 */
function electronBinary() {
  const pkg = join(repo, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(p) ? p : null;
  }
  if (!existsSync(join(pkg, 'path.txt'))) return null;
  const binary = join(pkg, 'dist', readFileSync(join(pkg, 'path.txt'), 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function launchTray() {
  const why = whyNoTray();
  const user = process.env.ELEVATE_USER || userInfo().username;
  const ctl = `ELEVATE_SOCKET=${socket} npm run ctl --`;
  if (why) {
    console.log(
      [
        '',
        `start: not starting the tray app: ${why}.`,
        `The demo agent keeps running here (simulated backend, state in ${dir}); Ctrl-C stops it.`,
        'Try it from another terminal:',
        `  ${ctl} grant ${user} --for 10m --reason "demo"`,
        `  ${ctl} status`,
        `  ${ctl} revoke ${user}`,
        `  ${ctl} audit`,
        '',
      ].join('\n'),
    );
    return;
  }
  tray = spawn(electronBinary(), ['.'], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, ELEVATE_SOCKET: socket },
  });
  console.log(`start: tray started; grant rights with: ${ctl} grant ${user} --for 10m`);
  tray.on('exit', () => cleanup());
}
