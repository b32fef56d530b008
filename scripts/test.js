#!/usr/bin/env node
// `npm test`: build, static checks, then every test (unit, integration, e2e, packaging).
// Ends with the line `N passed, N failed, N skipped` and a non-zero exit on any failure.
import { spawnSync } from 'node:child_process';

const steps = [
  ['build', 'npm', ['run', '-s', 'build']],
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['electronegativity', 'bash', ['scripts/electronegativity.sh']],
];
const only = process.argv.slice(2);

for (const [name, cmd, args] of steps) {
  if (only.length) break;
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status}); no tests were run.`);
    console.log('\nchecks: 0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`test: ${name} ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

const r = spawnSync('npx', ['vitest', 'run', ...only], { stdio: 'inherit' });
process.exit(r.status ?? 1);
