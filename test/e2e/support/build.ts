/** Builds what the e2e tests load (the agent and main in dist/, the renderer) when missing. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const rendererIndex = `${repoRoot}dist/renderer/index.html`;
export const agentEntry = `${repoRoot}dist/agent/main.js`;

function npx(args: string[]): void {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('npx', args, {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export function ensureBuilt(): void {
  if (!existsSync(agentEntry) || !existsSync(`${repoRoot}dist/main/ipc/handlers.js`)) {
    // tsc still emits when another module has a type error; the files we need are checked below.
    try {
      npx(['tsc', '-p', 'tsconfig.json']);
    } catch {
      if (!existsSync(agentEntry)) throw new Error('tsc did not produce dist/agent/main.js.');
    }
  }
  if (
    !existsSync(rendererIndex) ||
    newestMtime(join(repoRoot, 'renderer')) > statSync(rendererIndex).mtimeMs
  ) {
    npx(['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  }
}

/** Newest modification time under a source folder, so an edited renderer is rebuilt. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}
