/** A person's Windows groups: the command, its reader, and what policy rules and admin.* see. */
import { describe, expect, it } from 'vitest';
import {
  adminThroughGroup,
  groupMembershipsPlan,
  groupNameKey,
  groupNames,
  parseGroupMemberships,
  type WindowsGroup,
} from '../../../agent/backends/win32/group-memberships.js';
import { parseNetLocalGroupMembers } from '../../../agent/backends/win32/parsers.js';
import { Win32UserDirectory } from '../../../agent/backends/win32/user-directory.js';
import { effectivePolicy } from '../../../agent/policy/effective-policy.js';
import type { PolicyFile } from '../../../agent/policy/policy-schema.js';
import { win32Fixture } from '../../helpers/win32-fixtures.js';

const D = 'S-1-5-21-1180699209-877415012-3182924384';

const groupsIn = (fixture: string, count: number, i: number): WindowsGroup[] => {
  const answer = parseGroupMemberships(win32Fixture(fixture).stdout, count)[i]!;
  if (answer.kind !== 'groups') throw new Error(`answer ${i} is ${answer.kind}`);
  return answer.groups;
};

describe('Windows group memberships: the command', () => {
  it('asks for a batch of SIDs in one PowerShell start and prints JSON', () => {
    const plan = groupMembershipsPlan([`${D}-1004`, 'S-1-5-21-1-2-3-1001']);
    expect(plan.file).toBe('powershell');
    expect(plan.args).toHaveLength(5);
    const script = plan.args[4]!;
    expect(script).toContain(`$sids = @('${D}-1004','S-1-5-21-1-2-3-1001');`);
    // Domain: the UPN by SID, then an S4U token's groups; local and Entra ID: local groups by SID.
    expect(script).toContain('"LDAP://<SID=$($s.Value)>"');
    expect(script).toContain('[Security.Principal.WindowsIdentity]::new($u)).Groups');
    expect(script).toContain('Get-LocalGroup');
    expect(script).toContain(".Invoke('Members')");
    expect(script).toContain("InvokeMember('objectSid'");
    expect(script).not.toContain('Get-LocalGroupMember');
    expect(script).toContain('ConvertTo-Json -InputObject $out -Depth 4 -Compress');
    expect(script).toContain('UTF8Encoding $false');
    expect(script).not.toContain('\n');
  });

  it('takes only SIDs, so no name reaches the script', () => {
    expect(() => groupMembershipsPlan(["alice'; Remove-Item C:\\ -Recurse; '"])).toThrow(
      'is not a SID',
    );
  });
});

describe('Windows group memberships: the reader', () => {
  it('reads a domain token, a local account, no groups and a failure, in the order asked', () => {
    const answers = parseGroupMemberships(win32Fixture('group-memberships').stdout, 4);
    expect(answers.map((a) => a.kind)).toEqual(['groups', 'groups', 'groups', 'error']);
    expect(groupsIn('group-memberships', 4, 0)).toContainEqual({
      sid: `${D}-512`,
      name: 'CONTOSO\\Domain Admins',
    });
    expect(groupsIn('group-memberships', 4, 1)).toEqual([
      { sid: 'S-1-5-32-545', name: 'BUILTIN\\Users' },
      { sid: 'S-1-5-21-1004336348-1177238915-682003330-1010', name: 'PC01\\Helpdesk' },
    ]);
    expect(groupsIn('group-memberships', 4, 2)).toEqual([]);
    expect(answers[3]).toEqual({
      kind: 'error',
      message: 'There are currently no logon servers available to service the logon request.',
    });
  });

  it('reads German names, keys in any order, a byte-order mark and an unmapped SID', () => {
    expect(groupsIn('group-memberships-de', 1, 0)).toEqual([
      { sid: 'S-1-5-32-544', name: 'VORDEFINIERT\\Administratoren' },
      { sid: 'S-1-5-32-545', name: 'VORDEFINIERT\\Benutzer' },
      { sid: 'S-1-5-11', name: 'NT-AUTORITÄT\\Authentifizierte Benutzer' },
      { sid: 'S-1-12-1-1234567890-1234567890-1234567890-1234567890', name: null },
    ]);
  });

  it('reads a one-element list printed as the element itself (Windows PowerShell 5.1)', () => {
    const out = '{"i":0,"groups":{"sid":"S-1-5-32-545","name":"BUILTIN\\\\Users"}}';
    expect(parseGroupMemberships(out, 1)).toEqual([
      { kind: 'groups', groups: [{ sid: 'S-1-5-32-545', name: 'BUILTIN\\Users' }] },
    ]);
  });

  it('never reads garbage, a bad SID or a missing answer as "no groups"', () => {
    expect(parseGroupMemberships('Get-LocalGroup : not recognized', 2)).toEqual([
      { kind: 'error', message: 'PowerShell printed no JSON' },
      { kind: 'error', message: 'PowerShell printed no JSON' },
    ]);
    expect(parseGroupMemberships('[{"i":0,"groups":[{"sid":"Users"}]}]', 1)[0]!.kind).toBe('error');
    expect(parseGroupMemberships('[{"i":0}]', 1)[0]!.kind).toBe('error');
    expect(parseGroupMemberships('[{"i":0,"groups":[]}]', 2)[1]).toEqual({
      kind: 'error',
      message: 'PowerShell printed no answer',
    });
  });
});

describe('Windows groups in policy rules', () => {
  const policy: PolicyFile = {
    version: 1,
    defaults: { selfServe: false, approvalRequired: true },
    rules: [{ groups: ['contoso\\ENGINEERING'], selfServe: true, approvalRequired: false }],
  };
  const rule = (groups: string[]) => ({ ...policy, rules: [{ ...policy.rules![0]!, groups }] });
  const bob = groupNames(groupsIn('group-memberships', 4, 0), 'PC01');
  const alice = groupNames(groupsIn('group-memberships', 4, 1), 'PC01');
  const selfServe = (p: PolicyFile, groups: string[]): boolean =>
    effectivePolicy(p, 'x', groups, groupNameKey).selfServe;

  it('match a DOMAIN\\Group name without case, a SID, and a local group by its bare name', () => {
    expect(selfServe(policy, bob)).toBe(true);
    expect(selfServe(rule([`${D}-1120`]), bob)).toBe(true);
    expect(selfServe(rule(['S-1-5-32-544']), bob)).toBe(true);
    expect(selfServe(rule(['administrators']), bob)).toBe(true);
    expect(selfServe(rule(['Helpdesk']), alice)).toBe(true);
    expect(selfServe(rule(['PC01\\helpdesk']), alice)).toBe(true);
  });

  it('do not match someone outside the group, nor a domain group by its bare name', () => {
    expect(selfServe(policy, alice)).toBe(false);
    expect(selfServe(rule(['Engineering']), bob)).toBe(false);
    expect(selfServe(policy, [])).toBe(false);
  });

  it('name people and groups as Windows compares them: without case, with or without the computer name', () => {
    const key = (n: string) => new Win32UserDirectory({ computerName: 'PC01' }).nameKey(n);
    const byUser = (users: string[], user: string): boolean =>
      effectivePolicy({ ...policy, rules: [{ users, selfServe: true }] }, user, [], key).selfServe;
    expect(byUser(['contoso\\BOB'], 'CONTOSO\\bob')).toBe(true);
    expect(byUser(['PC01\\Alice'], 'alice')).toBe(true);
    expect(byUser(['PC02\\alice'], 'alice')).toBe(false);
    expect(effectivePolicy(rule(['pc01\\HELPDESK']), 'alice', alice, key).selfServe).toBe(true);
  });

  it('keep exact comparison where the OS has no folding (Linux group names are case-sensitive)', () => {
    expect(effectivePolicy(rule(['Staff']), 'x', ['staff']).selfServe).toBe(false);
    expect(effectivePolicy(rule(['staff']), 'x', ['staff']).selfServe).toBe(true);
  });
});

describe('Windows admins through a group', () => {
  // Administrators holds CONTOSO\Domain Admins (and Entra ID SIDs), as net prints it.
  const members = parseNetLocalGroupMembers(win32Fixture('net-localgroup-administrators').stdout);

  it('counts a group listed in Administrators, by name or by SID', () => {
    expect(adminThroughGroup(groupsIn('group-memberships', 4, 0), members, 'PC01')).toBe(true);
    const entraRole = [{ sid: 'S-1-12-1-1234567890-1234567890-1234567890-1234567890', name: null }];
    expect(adminThroughGroup(entraRole, members, 'PC01')).toBe(true);
  });

  it('never counts Administrators itself, which an Elevate grant puts in the token', () => {
    const elevated: WindowsGroup[] = [
      { sid: 'S-1-5-32-544', name: 'BUILTIN\\Administrators' },
      { sid: 'S-1-5-32-545', name: 'BUILTIN\\Users' },
    ];
    expect(adminThroughGroup(elevated, [...members, 'BUILTIN\\Administrators'], 'PC01')).toBe(
      false,
    );
    expect(adminThroughGroup(groupsIn('group-memberships', 4, 1), members, 'PC01')).toBe(false);
  });
});
