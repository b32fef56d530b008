/**
 * This build's version, which the agent reports in auth.hello so the tray can tell when the two
 * were installed from different releases. The executable build (scripts/build-bin.js) sets
 * ELEVATE_VERSION at bundle time; everywhere else (dist/, the tray's app.asar, tests) it comes
 * from the nearest package.json above this file.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const ELEVATE_VERSION: string | undefined;

function fromPackageJson(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        version?: unknown;
      };
      if (typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here: look one level up
    }
    const up = dirname(dir);
    if (up === dir) return '0.0.0-unknown';
    dir = up;
  }
}

export const VERSION: string =
  typeof ELEVATE_VERSION === 'string' ? ELEVATE_VERSION : fromPackageJson();
