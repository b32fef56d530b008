import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  groupNameOf,
  netErrorNumber,
  parseNetLocalGroupMembers,
  parseNetUserList,
  parseQuser,
  parseRegQuery,
  parseTranslated,
  parseWhoamiSid,
  quserMatches,
} from '../../../agent/backends/win32/parsers.js';
import { parseAccount, sameAccount } from '../../../agent/backends/win32/accounts.js';
import { WIN32_FIXTURES, win32Fixture } from '../../helpers/win32-fixtures.js';

const err = (name: string): string => {
  const f = win32Fixture(name);
  return f.stderr + f.stdout;
};

describe('Windows parsers against recorded outputs', () => {
  it('every fixture names its source', () => {
    const files = readdirSync(WIN32_FIXTURES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(() => win32Fixture(f.replace(/\.json$/, ''))).not.toThrow();
  });

  it('reads Administrators members, Entra ID names and orphaned SIDs included', () => {
    expect(parseNetLocalGroupMembers(win32Fixture('net-localgroup-administrators').stdout)).toEqual(
      [
        'Administrator',
        'AzureAD\\bob@contoso.com',
        'CONTOSO\\Domain Admins',
        'S-1-12-1-1234567890-1234567890-1234567890-1234567890',
      ],
    );
  });

  it('reads the German group listing by its layout, not its words', () => {
    expect(
      parseNetLocalGroupMembers(win32Fixture('net-localgroup-administratoren-de').stdout),
    ).toEqual(['Administrator', 'CONTOSO\\anna']);
    expect(parseNetLocalGroupMembers(win32Fixture('net-localgroup-empty').stdout)).toEqual([]);
    expect(() => parseNetLocalGroupMembers('garbage')).toThrow(/no member list/);
  });

  it('reads error numbers in any language', () => {
    expect(netErrorNumber(err('net-add-1378'))).toBe(1378);
    expect(netErrorNumber(err('net-add-1378-de'))).toBe(1378);
    expect(netErrorNumber(err('net-delete-1377'))).toBe(1377);
    expect(netErrorNumber(err('net-add-unknown'))).toBe(3783);
    expect(netErrorNumber(err('net-access-denied'))).toBe(5);
    expect(netErrorNumber('')).toBeNull();
  });

  it('reads local accounts from net user columns', () => {
    expect(parseNetUserList(win32Fixture('net-user').stdout)).toEqual([
      'Administrator',
      'DefaultAccount',
      'Guest',
      'alice',
      'WDAGUtilityAccount',
    ]);
  });

  it('reads quser rows, disconnected sessions and day-first dates', () => {
    expect(parseQuser(win32Fixture('quser').stdout)).toEqual([
      { user: 'vertigoray', id: '1', state: 'Active', logonTime: '7/26/2018 7:29 PM' },
    ]);
    expect(parseQuser(win32Fixture('quser-disconnected').stdout)).toEqual([
      { user: 'admingle', id: '2', state: 'Disc', logonTime: '18/07/2024 10:57' },
      { user: 'billybob', id: '4', state: 'Active', logonTime: '18/07/2024 15:33' },
    ]);
    expect(parseQuser(win32Fixture('quser-nobody').stdout)).toEqual([]);
    expect(quserMatches('billybob', 'CONTOSO\\BillyBob')).toBe(true);
    expect(quserMatches('abcdefghijklmnopqrst', 'abcdefghijklmnopqrstuvw')).toBe(true);
    expect(quserMatches('billy', 'CONTOSO\\billybob')).toBe(false);
  });

  it('reads the localised Administrators name from its SID', () => {
    expect(groupNameOf(parseTranslated(win32Fixture('translate-administrators').stdout))).toBe(
      'Administrators',
    );
    expect(groupNameOf(parseTranslated(win32Fixture('translate-administrators-de').stdout))).toBe(
      'Administratoren',
    );
  });

  it('reads only the SID from whoami and the values from reg query', () => {
    expect(parseWhoamiSid(win32Fixture('whoami-user-csv').stdout)).toBe(
      'S-1-5-21-1180699209-877415012-3182924384-1004',
    );
    expect(parseRegQuery(win32Fixture('reg-query-policy').stdout)).toEqual([
      { name: 'SelfServe', type: 'REG_DWORD', data: '0x1' },
      { name: 'MaxDurationSec', type: 'REG_DWORD', data: '0xe10' },
      { name: 'WindowsLogoffAtEnd', type: 'REG_SZ', data: 'force' },
    ]);
    expect(parseRegQuery(win32Fixture('reg-query-missing').stdout)).toEqual([]);
  });
});

describe('Windows account names', () => {
  it('accepts local, domain, Entra ID names and SIDs, and nothing a command would re-read', () => {
    expect(parseAccount('alice')).toEqual({ kind: 'name', domain: null, name: 'alice' });
    expect(parseAccount('CONTOSO\\bob')).toEqual({ kind: 'name', domain: 'CONTOSO', name: 'bob' });
    expect(parseAccount('AzureAD\\bob@contoso.com')).toMatchObject({ domain: 'AzureAD' });
    expect(parseAccount('S-1-5-21-1-2-3-1004')).toEqual({
      kind: 'sid',
      sid: 'S-1-5-21-1-2-3-1004',
    });
    for (const bad of ['/add', '-x', "o'brien", 'a"b', 'a\\b\\c', '', 'x;y', 'a b ', ' a'])
      expect(parseAccount(bad)).toBeNull();
  });

  it('compares names as net lists them: local accounts without the computer name', () => {
    expect(sameAccount('alice', 'PC01\\Alice', 'pc01')).toBe(true);
    expect(sameAccount('alice', '.\\alice', null)).toBe(true);
    expect(sameAccount('CONTOSO\\bob', 'contoso\\BOB', 'pc01')).toBe(true);
    expect(sameAccount('bob', 'CONTOSO\\bob', 'pc01')).toBe(false);
  });
});
