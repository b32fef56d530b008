/**
 * Groups sudoers rules name, and the files sudo reads next, from real sudoers files (each
 * fixture cites where it comes from) and from the sudoers(5) forms sites write.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sudoersGroupRefs, sudoersIncludes } from '../../../agent/backends/linux/sudoers-refs.js';
import { REPO } from '../../helpers/agent-process.js';

const recorded = (name: string): string =>
  (
    JSON.parse(readFileSync(join(REPO, 'test/fixtures/linux', `${name}.json`), 'utf8')) as {
      content: string;
    }
  ).content;

describe('sudoersGroupRefs', () => {
  it("reads Debian's sudoers: %sudo", () => {
    expect(sudoersGroupRefs([recorded('sudoers-debian')])).toEqual({ names: ['sudo'], gids: [] });
  });

  it("reads sudo's sample sudoers: %wheel only (netgroups, Defaults and other aliases are not groups)", () => {
    expect(sudoersGroupRefs([recorded('sudoers-sample')])).toEqual({
      names: ['wheel'],
      gids: [],
    });
  });

  it('finds groups in User_Alias lines, by gid, negated, quoted, over continued lines', () => {
    const text = [
      'User_Alias ADMINS = alice, %ops : HELP = "%help desk", bob',
      'ADMINS ALL=(ALL) NOPASSWD: ALL',
      '%#4242 ALL=(root) ALL',
      'carol, !%banned, \\',
      '  %team ALL = ALL',
      '%:DomainAdmins ALL=(ALL) ALL # a non-Unix group: sudo asks a plugin',
      'Defaults:%auditors !authenticate',
      'Runas_Alias DB = %dba',
      '# %commented ALL=(ALL) ALL',
    ].join('\n');
    expect(sudoersGroupRefs([text])).toEqual({
      names: ['banned', 'help desk', 'ops', 'team'],
      gids: [4242],
    });
  });
});

describe('sudoersIncludes', () => {
  it('follows @includedir in Debian and #includedir in Apple’s sudoers', () => {
    expect(sudoersIncludes(recorded('sudoers-debian'), '/etc/sudoers', 'vm')).toEqual([
      { path: '/etc/sudoers.d', dir: true },
    ]);
    const apple = '%admin\t\tALL = (ALL) ALL\n#includedir /private/etc/sudoers.d\n';
    expect(sudoersIncludes(apple, '/private/etc/sudoers', 'mac')).toEqual([
      { path: '/private/etc/sudoers.d', dir: true },
    ]);
  });

  it('resolves relative paths from the including file, %h to the short host name, quotes', () => {
    const text = [
      '@include sudoers.local',
      '#include /etc/sudoers.%h',
      '@include "/etc/with space"',
      '# include /etc/not-a-directive',
    ].join('\n');
    expect(sudoersIncludes(text, '/etc/sudoers', 'build.example.org')).toEqual([
      { path: '/etc/sudoers.local', dir: false },
      { path: '/etc/sudoers.build', dir: false },
      { path: '/etc/with space', dir: false },
    ]);
  });
});
