/**
 * Reading `sudo -l -U` (recorded from a real sudo, test/fixtures/linux/sudo-list.json cites
 * how) and finding rights an account did not have at the start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginAccounts, nssGroupMembers } from '../../../agent/cleanup/linux-watch.js';
import {
  newSudoRights,
  parseSudoList,
  readSudoRights,
  sudoListArgs,
} from '../../../agent/cleanup/sudo-rights.js';
import type { CommandResult } from '../../../agent/backends/run-command.js';
import { REPO } from '../../helpers/agent-process.js';

interface Case extends Omit<CommandResult, 'failure'> {
  command: string;
}
const cases = (
  JSON.parse(readFileSync(join(REPO, 'test/fixtures/linux/sudo-list.json'), 'utf8')) as {
    cases: Case[];
  }
).cases;
const recorded = (command: string): CommandResult => ({
  ...cases.find((c) => c.command === command)!,
  failure: null,
});

describe('sudo -l -U', () => {
  it('lists the entries, not the Defaults', () => {
    expect(parseSudoList(recorded('sudo -n -l -U sam'))).toEqual([
      '(root) /usr/bin/apt, /usr/bin/systemctl restart nginx',
      '(ALL : ALL) NOPASSWD: ALL',
    ]);
  });

  it('reads "not allowed" as nothing and an unknown user as not known', () => {
    expect(parseSudoList(recorded('sudo -n -l -U nobody'))).toEqual([]);
    expect(parseSudoList(recorded('sudo -n -l -U nosuchsam'))).toBeNull();
  });

  it('asks about each account once and leaves out those sudo does not know', async () => {
    const asked: string[] = [];
    const rights = await readSudoRights(['sam', 'nobody', 'nosuchsam', 'sam'], async (args) => {
      asked.push(args.join(' '));
      return recorded(`sudo ${args.join(' ')}`);
    });
    expect(asked.sort()).toEqual(
      ['nobody', 'nosuchsam', 'sam'].map((u) => sudoListArgs(u).join(' ')),
    );
    expect(Object.keys(rights)).toEqual(['nobody', 'sam']);
  });
});

describe('newSudoRights', () => {
  it('finds entries an account did not have, for new accounts too, not for elevated ones', () => {
    const before = { alice: ['(root) /usr/bin/apt'], bob: [] };
    const after = {
      alice: ['(root) /usr/bin/apt', '(ALL : ALL) ALL'],
      bob: [],
      ghost: ['(ALL : ALL) NOPASSWD: ALL'],
      sam: ['(ALL : ALL) NOPASSWD: ALL'],
    };
    expect(newSudoRights(before, after, new Set(['sam']))).toEqual([
      { user: 'alice', runs: ['(ALL : ALL) ALL'] },
      { user: 'ghost', runs: ['(ALL : ALL) NOPASSWD: ALL'] },
    ]);
  });
});

describe('getent group', () => {
  it('reads members from every line glibc prints (files and directory sources alike)', () => {
    expect(nssGroupMembers('sudo:x:27:alice,bob\nops:*:4242:\nadmins:*:9000:carol@ad\n')).toEqual([
      'alice',
      'bob',
      'carol@ad',
    ]);
  });
});

describe('loginAccounts', () => {
  it('asks about accounts with a login shell (an empty one is /bin/sh), not nologin or false', () => {
    // Lines as Debian 12's base-passwd and useradd write them.
    const passwd = [
      'root:x:0:0:root:/root:/bin/bash',
      'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
      'sync:x:4:65534:sync:/bin:/bin/sync',
      'messagebus:x:100:107::/nonexistent:/usr/sbin/nologin',
      'tss:x:101:108:TPM software stack,,,:/var/lib/tpm:/bin/false',
      'sam:x:1000:1000::/home/sam:',
      '',
    ].join('\n');
    expect(loginAccounts(passwd)).toEqual(['root', 'sync', 'sam']);
  });
});
