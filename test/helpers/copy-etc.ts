/**
 * A private copy of the host's /etc for tests that bind-mount it over /etc in a private mount
 * namespace. Other tests add users at the same time, and useradd's short-lived lock files can
 * vanish mid-copy, so the copy is retried.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

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
