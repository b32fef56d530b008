#!/usr/bin/env node
// `npm run bench`: builds, then runs every test/bench/*.bench.ts; each prints `NAME value unit`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const only = process.argv.slice(2);
const benches = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of benches) {
  console.log(`# ${f}`);
  const r = spawnSync('npx', ['tsx', `test/bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    console.log(`# ${f} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
