/**
 * The ground-truth part of the end-of-session check (agent/cleanup/sudo-rights.ts): `sudo -l
 * -U` for every account in this machine's passwd, 4 at a time, as the agent does at each grant
 * start and end (under the agent's lock). Real sudo, real /etc, read only.
 * - sudo_rights_all_accounts_ms: the median of 5 runs;
 * - sudo_rights_per_account_ms: that median over the number of accounts.
 */
import { readFileSync } from 'node:fs';
import { readSudoRights } from '../../agent/cleanup/sudo-rights.js';

const RUNS = 5;
const accounts = readFileSync('/etc/passwd', 'utf8')
  .split('\n')
  .map((l) => l.split(':')[0]!)
  .filter(Boolean);
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  await readSudoRights(accounts);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(RUNS / 2)]!;
console.log(`sudo_rights_all_accounts_ms ${median.toFixed(1)} ms`);
console.log(`sudo_rights_per_account_ms ${(median / accounts.length).toFixed(2)} ms`);
