/**
 * A private copy of the host's /etc for tests that bind-mount it over /etc in a private mount
 * namespace. Other tests add users at the same time, and useradd's short-lived lock files can
 * vanish mid-copy, so the copy is retried.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './agent-process.js';

export function copyEtc(dest: string, attempts = 5): void {
  for (let i = 1; ; i++) {
    try {
      // -a keeps owners and modes, which sudo checks on /etc/sudoers.
      execFileSync('cp', ['-a', '/etc', dest], { stdio: 'pipe' });
      return;
    } catch (err) {
      rmSync(dest, { recursive: true, force: true });
      if (i >= attempts) throw err;
    }
  }
}

/**
 * A root prefix for the Linux backend (`--root`): ROOT/etc with copies of the account files
 * and sudoers, and an empty ROOT/etc/sudoers.d. Real gpasswd/visudo run against it.
 */
export function makePrivateRoot(prefix = 'elevate-root-'): string {
  const root = makeTempDir(prefix);
  mkdirSync(join(root, 'etc/sudoers.d'), { recursive: true });
  for (const f of ['passwd', 'group', 'shadow', 'gshadow', 'sudoers']) {
    cpSync(`/etc/${f}`, join(root, 'etc', f), { preserveTimestamps: true });
  }
  return root;
}
