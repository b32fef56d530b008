/**
 * What tests run as other OS users must not be read from the checkout: a clone in a home
 * folder (0750 on current Ubuntu) or a CI workspace (0700) is closed to them. This copies the
 * compiled agent code and its one runtime dependency into a world-readable temp folder, once
 * per test process, and removes it when the process exits.
 */
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO } from './agent-process.js';

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
