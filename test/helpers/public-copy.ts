/**
 * What tests run as other OS users must not be read from the checkout: a clone in a home
 * folder (0750 on current Ubuntu) or a CI workspace (0700) is closed to them. This copies the
 * compiled agent code and its one runtime dependency (or, with ELEVATE_AGENT_BIN, the
 * executable) into a world-readable temp folder, once per test process, and removes it when
 * the process exits.
 */
import { chmodSync, cpSync, linkSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { AGENT_BIN, REPO } from './agent-process.js';

let copy: string | undefined;

function publicRoot(): string {
  if (copy) return copy;
  const dir = mkdtempSync(join(tmpdir(), 'elevate-public-'));
  cpSync(join(REPO, 'package.json'), join(dir, 'package.json'));
  cpSync(join(REPO, 'dist/agent'), join(dir, 'dist/agent'), { recursive: true });
  cpSync(join(REPO, 'node_modules/zod'), join(dir, 'node_modules/zod'), {
    recursive: true,
    dereference: true,
  });
  // The checkout's files may carry a private umask's modes; others need read and traverse.
  execFileSync('chmod', ['-R', 'a+rX', dir]);
  chmodSync(dir, 0o755);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  copy = dir;
  return dir;
}

/** The world-readable copy of a file under the checkout's dist/agent (e.g. a CLI's entry). */
export function publicPath(repoPath: string): string {
  const rel = relative(REPO, repoPath);
  if (!rel.startsWith(join('dist', 'agent'))) {
    throw new Error(`${repoPath} is not compiled agent code; only dist/agent is copied`);
  }
  return join(publicRoot(), rel);
}

let bin: string | undefined;

/**
 * How another user runs a compiled program (dist/agent/cli/elevate.js, …): `node` on its
 * world-readable copy, or, with ELEVATE_AGENT_BIN, a world-readable copy of the executable
 * under that program's name (one copy, hard-linked, as the package installs it).
 */
export function publicProgram(script: string): string[] {
  if (!AGENT_BIN) return [process.execPath, publicPath(script)];
  if (!bin) {
    bin = join(publicRoot(), 'bin');
    mkdirSync(bin, { mode: 0o755 });
    cpSync(AGENT_BIN, join(bin, 'elevate-agent'));
    chmodSync(join(bin, 'elevate-agent'), 0o755);
    for (const name of ['elevatectl', 'elevate'])
      linkSync(join(bin, 'elevate-agent'), join(bin, name));
  }
  const name = basename(script, '.js');
  return [join(bin, name === 'main' ? 'elevate-agent' : name)];
}
