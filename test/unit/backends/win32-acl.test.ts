import { describe, expect, it } from 'vitest';
import { aclMismatch, parseIcacls } from '../../../agent/backends/win32/acl-parsers.js';
import { cookieDirAclPlan, showAclPlan } from '../../../agent/backends/win32/plans.js';
import { win32Fixture } from '../../helpers/win32-fixtures.js';

const SYSTEM = { names: ['NT AUTHORITY\\SYSTEM', 'S-1-5-18'], access: 'full' as const };
const ADMINS = { names: ['BUILTIN\\Administrators', 'S-1-5-32-544'], access: 'full' as const };
const USERS = { names: ['BUILTIN\\Users', 'S-1-5-32-545'], access: 'read' as const };

describe('icacls access lists', () => {
  it('reads a folder that inherits C:\\ (each entry, (I), rights without flags)', () => {
    const entries = parseIcacls(win32Fixture('icacls-inherited').stdout, 'c:\\MyPrograms');
    expect(entries).toHaveLength(6);
    expect(entries[0]).toEqual({
      principal: 'NT AUTHORITY\\SYSTEM',
      inherited: true,
      deny: false,
      rights: ['F'],
    });
    expect(entries[5]).toMatchObject({ principal: 'CREATOR OWNER', rights: ['F'] });
    expect(aclMismatch(entries, [SYSTEM, ADMINS, USERS])).toBe(
      'NT AUTHORITY\\SYSTEM still has inherited access',
    );
  });

  it('reads a path with spaces and specific rights, and refuses extra principals', () => {
    const path = 'C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\Startup';
    const entries = parseIcacls(win32Fixture('icacls-startup-folder').stdout, path);
    expect(entries.map((e) => e.principal)).toEqual([
      'BUILTIN\\Users',
      'TCM-PC\\TCM',
      'NT AUTHORITY\\SYSTEM',
      'BUILTIN\\Administrators',
      'BUILTIN\\Users',
      'Everyone',
    ]);
    expect(entries[1]!.rights).toEqual(['DE', 'DC']);
    // Users has full control here: a state dir like this must not be trusted.
    expect(aclMismatch(entries.slice(0, 1), [SYSTEM, ADMINS, USERS])).toBe(
      'BUILTIN\\Users may change it',
    );
  });

  it('accepts SYSTEM + Administrators without inheritance, and sees who is missing', () => {
    const entries = parseIcacls(win32Fixture('icacls-system-admins').stdout, 'gtlssh');
    expect(entries.every((e) => !e.inherited)).toBe(true);
    expect(aclMismatch(entries, [SYSTEM, ADMINS])).toBeNull();
    // A cookie dir is SYSTEM and its person only: Administrators is one too many.
    const bob = { names: ['CONTOSO\\bob', 'S-1-5-21-7-8-9-1104'], access: 'full' as const };
    expect(aclMismatch(entries, [SYSTEM, bob])).toBe(
      'BUILTIN\\Administrators has access it must not have',
    );
    expect(aclMismatch(entries.slice(0, 1), [SYSTEM, ADMINS])).toBe(
      'BUILTIN\\Administrators has no access',
    );
  });

  it('matches a principal printed as its SID when it maps to no account', () => {
    const sid = 'S-1-12-1-111-222-333-444';
    const out = `C:\\E\\auth\\7 NT AUTHORITY\\SYSTEM:(OI)(CI)(F)\r\n             ${sid}:(OI)(CI)(F)\r\n\r\n`;
    const entries = parseIcacls(out, 'C:\\E\\auth\\7');
    expect(aclMismatch(entries, [SYSTEM, { names: ['AzureAD\\carol', sid], access: 'full' }])).toBe(
      null,
    );
  });

  it('refuses output with no access list (icacls failed, whatever its exit code)', () => {
    expect(() =>
      parseIcacls('Successfully processed 0 files; Failed processing 1 files\r\n', 'C:\\x'),
    ).toThrow('icacls printed no access list for C:\\x.');
  });

  it('reads back what it set: `icacls DIR` after the grant', () => {
    expect(showAclPlan('C:\\ProgramData\\Elevate')).toEqual({
      file: 'icacls',
      args: ['C:\\ProgramData\\Elevate'],
    });
    expect(cookieDirAclPlan('C:\\E\\auth\\7', 'S-1-5-21-1-2-3-1001').args).toContain(
      '*S-1-5-21-1-2-3-1001:(OI)(CI)F',
    );
  });
});
