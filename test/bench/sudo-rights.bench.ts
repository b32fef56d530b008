/**
 * The ground-truth part of the end-of-session check (agent/cleanup/sudo-rights.ts): `sudo -l
 * -U` for the accounts in this machine's passwd, 4 at a time. Real sudo, real /etc, read only.
 * What it costs to ask sudo about every account is why the agent asks only the person and the
 * accounts that could use sudo only after the start (sudo-rights-check.ts), inside its lock.
 * - sudo_rights_all_accounts_ms: the median of 5 runs;
 * - sudo_rights_per_account_ms: that median over the number of accounts;
 * - sudo_rights_login_accounts_ms: only those with a login shell.
 */
import { readFileSync } from 'node:fs';
import { loginAccounts } from '../../agent/cleanup/linux-watch.js';
import { readSudoRights } from '../../agent/cleanup/sudo-rights.js';

const RUNS = 5;
const all = readFileSync('/etc/passwd', 'utf8');
const accounts = all
  .split('\n')
  .map((l) => l.split(':')[0]!)
  .filter(Boolean);
const asked = loginAccounts(all);
async function median(names: string[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await readSudoRights(names);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}
const every = await median(accounts);
console.log(`sudo_rights_all_accounts_ms ${every.toFixed(1)} ms`);
console.log(`sudo_rights_per_account_ms ${(every / accounts.length).toFixed(2)} ms`);
console.log(`sudo_rights_login_accounts_ms ${(await median(asked)).toFixed(1)} ms`);
