/**
 * Whether build output is older than the agent's sources. Test and bench runs on their own
 * (`npx vitest run FILE`, `npm run bench`) skip `npm test`'s build; without this check they
 * measured and tested yesterday's code.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './agent-process.js';

export function isStale(built: string[], sources = join(REPO, 'agent')): boolean {
  if (!built.every(existsSync)) return true;
  const oldest = Math.min(...built.map((f) => statSync(f).mtimeMs));
  return newestSource(sources) >= oldest;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
