/**
 * Packaging: electron-builder --linux dir with a stand-in Electron (the real binary cannot be
 * downloaded here), then checks what a person would get: app.asar with main, preload and the
 * built renderer (and the agent's protocol client it imports); icons as resources; keytar's
 * native module unpacked. The agent itself is not in the tray's package (agent-deb.test.ts).
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO } from '../../helpers/agent-process.js';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(path: string): string[] };
const yaml = require('js-yaml') as { load(text: string): unknown };
const run = promisify(execFile);

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  directories: { output: string };
  deb?: { depends?: string[]; fpm?: string[] };
  [key: string]: unknown;
}

const config = yaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const electronVersion = (
  JSON.parse(readFileSync(join(REPO, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;

async function ensureBuilt(): Promise<void> {
  if (
    !existsSync(join(REPO, 'dist/main/index.js')) ||
    !existsSync(join(REPO, 'dist/preload/index.cjs'))
  ) {
    await run('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: REPO }).catch(() => undefined);
  }
  if (!existsSync(join(REPO, 'dist/renderer/index.html'))) {
    await run(
      'npx',
      ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'],
      { cwd: REPO },
    );
  }
}

describe('electron-builder --linux dir', () => {
  let tmp: string;
  let resources: string;
  let files: string[];

  beforeAll(async () => {
    await ensureBuilt();
    tmp = makeTempDir('elevate-package-');
    const fakeElectron = join(tmp, 'fake-electron');
    mkdirSync(fakeElectron);
    writeFileSync(join(fakeElectron, 'electron'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(fakeElectron, 'electron'), 0o755);
    // Flipping fuses needs the sentinel inside a real Electron binary, which the stand-in lacks:
    // this run alone drops the fuses step (the configured values are checked below).
    const testConfig: BuilderConfig = {
      ...config,
      directories: { ...config.directories, output: join(tmp, 'out') },
    };
    delete testConfig.electronFuses;
    writeFileSync(join(tmp, 'builder.json'), JSON.stringify(testConfig));
    await run(
      'npx',
      [
        'electron-builder',
        '--linux',
        'dir',
        '--config',
        join(tmp, 'builder.json'),
        `--config.electronDist=${fakeElectron}`,
        `--config.electronVersion=${electronVersion}`,
        '--config.npmRebuild=false',
      ],
      { cwd: REPO, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
    );
    resources = join(tmp, 'out', 'linux-unpacked', 'resources');
    files = asar.listPackage(join(resources, 'app.asar'));
  }, 180_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('configures the Electron fuses as docs/packaging.md decides', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('puts main, preload and the built renderer in app.asar, without source maps', () => {
    for (const f of [
      '/package.json',
      '/dist/main/index.js',
      '/dist/main/tray/tray-model.js',
      '/dist/preload/index.cjs',
      '/dist/renderer/index.html',
      '/dist/agent/client/agent-client.js',
      '/dist/agent/protocol/schemas.js',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('ships the icons as plain files in resources, and no agent service', () => {
    expect(existsSync(join(resources, 'elevate-agent.service'))).toBe(false);
    // koffi (SO_PEERCRED, for the agent) ships beside the agent's executable, not here.
    for (const icon of [
      'icon.png',
      'tray/mac/elevatedTemplate.png',
      'tray/mac/elevatedTemplate@2x.png',
      'tray/win/ring-59.png',
      'tray/linux/offline.png',
    ]) {
      expect(existsSync(join(resources, 'assets', icon)), icon).toBe(true);
    }
  });

  it("unpacks keytar's native module next to the archive", () => {
    expect(
      existsSync(
        join(resources, 'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node'),
      ),
    ).toBe(true);
  });

  it("keeps electron-builder's default deb dependencies, adds the agent, autostarts", () => {
    // app-builder-lib FpmTarget getDefaultDepends("deb"): a depends list replaces them.
    const defaults = ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils'];
    expect(config.deb?.depends).toEqual(
      expect.arrayContaining([...defaults, 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0']),
    );
    expect(config.deb?.depends).toContain('elevate-agent');
    const autostart = config.deb?.fpm?.find((a) =>
      a.endsWith('=/etc/xdg/autostart/elevate.desktop'),
    );
    const entry = readFileSync(join(REPO, autostart!.split('=')[0]!), 'utf8');
    expect(entry).toMatch(/^Exec=\/opt\/Elevate\/elevate$/m);
  });
});
