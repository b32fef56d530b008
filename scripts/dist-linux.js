#!/usr/bin/env node
// `npm run dist:linux`: everything Linux ships, into release/ (docs/packaging.md):
// the agent's executable and the elevate-agent .deb (always, offline), then the tray's .deb and
// AppImage through electron-builder, which needs Electron's binary and fpm from the network;
// without them it says so and the agent package is still there.
import { spawnSync } from 'node:child_process';

function step(what, cmd, args, env = process.env) {
  console.log(`dist:linux: ${what}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env }).status === 0;
}

if (
  !step('build', 'npm', ['run', '-s', 'build']) ||
  !step('agent executable', process.execPath, ['scripts/build-bin.js', '--target', 'linux-x64']) ||
  !step('elevate-agent package', process.execPath, ['scripts/build-deb.js'])
)
  process.exit(1);
const tray = step('tray packages (deb, AppImage)', 'npx', ['electron-builder', '--linux'], {
  ...process.env,
  USE_SYSTEM_FPM: process.env.USE_SYSTEM_FPM ?? 'true',
});
if (!tray) {
  console.error(
    'dist:linux: the tray packages were not built (electron-builder needs the Electron binary and fpm, from the network); release/ has the elevate-agent package. Build the tray on a release machine with network access.',
  );
  process.exit(1);
}
