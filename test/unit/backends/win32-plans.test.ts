import { describe, expect, it } from 'vitest';
import {
  accountSidPlan,
  addMemberPlan,
  administratorsNamePlan,
  cookieDirAclPlan,
  listMembersPlan,
  logoffPlan,
  policyRegistryPlan,
  removeMemberPlan,
  sessionsPlan,
  stateDirAclPlan,
} from '../../../agent/backends/win32/plans.js';

describe('Windows command plans', () => {
  it('finds the Administrators group by its SID, never by its English name', () => {
    const plan = administratorsNamePlan();
    expect(plan.file).toBe('powershell');
    expect(plan.args.slice(0, 4)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-Command']);
    expect(plan.args[4]).toContain("[Security.Principal.SecurityIdentifier]'S-1-5-32-544'");
    expect(plan.args[4]).toContain('Translate([Security.Principal.NTAccount])');
  });

  it('changes membership with net localgroup, each name one argument', () => {
    expect(listMembersPlan('Administratoren')).toEqual({
      file: 'net',
      args: ['localgroup', 'Administratoren'],
    });
    expect(addMemberPlan('Administrators', 'AzureAD\\bob@contoso.com').args).toEqual([
      'localgroup',
      'Administrators',
      'AzureAD\\bob@contoso.com',
      '/add',
    ]);
    expect(removeMemberPlan('Administrators', 'CONTOSO\\bob').args.at(-1)).toBe('/delete');
  });

  it('quotes a name inside PowerShell so it stays a string', () => {
    expect(accountSidPlan("CONTOSO\\o'x").args[4]).toContain(
      "[Security.Principal.NTAccount]'CONTOSO\\o''x'",
    );
  });

  it('logs off only a numeric session id', () => {
    expect(logoffPlan('3')).toEqual({ file: 'logoff', args: ['3'] });
    expect(() => logoffPlan('3 /server:x')).toThrow(/not a number/);
    expect(sessionsPlan()).toEqual({ file: 'quser', args: [] });
  });

  it('ACLs a cookie dir for SYSTEM and the person only, without inheritance', () => {
    expect(
      cookieDirAclPlan(
        'C:\\ProgramData\\Elevate\\auth\\S-1-5-21-1-2-3-1004',
        'S-1-5-21-1-2-3-1004',
      ),
    ).toEqual({
      file: 'icacls',
      args: [
        'C:\\ProgramData\\Elevate\\auth\\S-1-5-21-1-2-3-1004',
        '/inheritance:r',
        '/grant:r',
        '*S-1-5-18:(OI)(CI)F',
        '*S-1-5-21-1-2-3-1004:(OI)(CI)F',
      ],
    });
    const state = stateDirAclPlan('C:\\ProgramData\\Elevate').args;
    expect(state).toContain('*S-1-5-32-544:(OI)(CI)F');
    // Users may traverse the folder, not inherit anything into their own files.
    expect(state).toContain('*S-1-5-32-545:(X,RD)');
    expect(state.join(' ')).not.toMatch(/S-1-1-0|Everyone/);
  });

  it('reads Group Policy from HKLM\\SOFTWARE\\Policies\\Elevate', () => {
    expect(policyRegistryPlan()).toEqual({
      file: 'reg',
      args: ['query', 'HKLM\\SOFTWARE\\Policies\\Elevate'],
    });
  });
});
