/** The Windows user directory's command and its reader, against recorded answers. */
import { describe, expect, it } from 'vitest';
import { parseAccountLookups } from '../../../agent/backends/win32/parsers.js';
import { lookupAccountsPlan } from '../../../agent/backends/win32/plans.js';
import { win32Fixture } from '../../helpers/win32-fixtures.js';

describe('Windows account lookups', () => {
  it('asks for a whole batch in one PowerShell start, each name a quoted string', () => {
    const plan = lookupAccountsPlan(['contoso\\bob', "o'x", 'S-1-5-18']);
    expect(plan.file).toBe('powershell');
    expect(plan.args.slice(0, 4)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-Command']);
    const script = plan.args[4]!;
    expect(plan.args).toHaveLength(5);
    expect(script).toContain("$keys = @('contoso\\bob','o''x','S-1-5-18');");
    // Name → SID → the name Windows prints; the profile from ProfileList; UTF-8 out.
    expect(script).toContain('.Translate([Security.Principal.SecurityIdentifier])');
    expect(script).toContain('$s.Translate([Security.Principal.NTAccount]).Value');
    expect(script).toContain(
      "'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\' + $s.Value",
    );
    expect(script).toContain('UTF8Encoding $false');
    // Only an unmapped identity is "unknown"; a lowercase "s-1-…" is a name, as Windows reads it.
    expect(script).toContain('-is [Security.Principal.IdentityNotMappedException]');
    expect(script).toContain("-cmatch '^S-1-[0-9-]+$'");
    expect(script).not.toContain('\n');
  });

  it('reads people, SYSTEM, Entra ID accounts, unknown names and groups without a profile', () => {
    expect(parseAccountLookups(win32Fixture('lookup-accounts').stdout, 5)).toEqual([
      {
        kind: 'found',
        sid: 'S-1-5-21-1180699209-877415012-3182924384-1004',
        name: 'CONTOSO\\bob',
        profile: 'C:\\Users\\bob',
      },
      {
        kind: 'found',
        sid: 'S-1-5-18',
        name: 'NT AUTHORITY\\SYSTEM',
        profile: 'C:\\WINDOWS\\system32\\config\\systemprofile',
      },
      { kind: 'unknown' },
      {
        kind: 'found',
        sid: 'S-1-12-1-3053366930-1311363711-2478936229-3417421377',
        name: 'AzureAD\\CarolSmith',
        profile: 'C:\\Users\\CarolSmith',
      },
      {
        kind: 'found',
        sid: 'S-1-5-21-1180699209-877415012-3182924384-513',
        name: 'CONTOSO\\Domain Users',
        profile: null,
      },
    ]);
  });

  it('keeps a domain controller out of reach apart from "no such account"', () => {
    const answers = parseAccountLookups(win32Fixture('lookup-accounts-offline').stdout, 3);
    expect(answers[0]).toEqual({
      kind: 'error',
      message: 'The trust relationship between this workstation and the primary domain failed.',
    });
    expect(answers[1]).toMatchObject({ kind: 'found', name: 'PC01\\alice' });
    expect(answers[2]).toEqual({ kind: 'unknown' });
  });

  it('treats a key PowerShell did not answer, or a garbled line, as an error', () => {
    const answers = parseAccountLookups(
      '0\tunknown\r\n1\tfound\tnot-a-sid\tX\\y\t\r\n9\tunknown\r\n',
      3,
    );
    expect(answers.map((a) => a.kind)).toEqual(['unknown', 'error', 'error']);
  });
});
