/** The darwin parsers read Apple's tools' recorded outputs (test/fixtures/darwin). */
import { describe, expect, it } from 'vitest';
import {
  isRecordNotFound,
  parseCheckMembership,
  parseDsclRead,
  parseEdit,
  parseAttributeList,
  parseUidList,
} from '../../../agent/backends/darwin/parsers.js';
import { fixture } from './fixtures.js';

describe('darwin parsers on recorded outputs', () => {
  it('reads the admin group record from dscl -plist', () => {
    expect(parseDsclRead(fixture('dscl-read-admin-group'))).toEqual({
      found: true,
      attributes: {
        GeneratedUID: ['ABCDEFAB-CDEF-ABCD-EFAB-CDEF00000050'],
        GroupMembers: [
          'FFFFEEEE-DDDD-CCCC-BBBB-AAAA00000000',
          '3213A73F-B77D-4C5F-A589-514EB904749C',
        ],
        GroupMembership: ['root', 'yayusernameyay'],
        PrimaryGroupID: ['80'],
      },
    });
  });

  it('reads a user record, and a missing record as not found rather than an error', () => {
    const user = parseDsclRead(fixture('dscl-read-user'));
    expect(user).toMatchObject({
      found: true,
      attributes: { UniqueID: ['501'], PrimaryGroupID: ['20'] },
    });
    const missing = fixture('dscl-read-missing-record');
    expect(isRecordNotFound(missing)).toBe(true);
    expect(parseDsclRead(missing)).toEqual({ found: false });
    expect(() => parseDsclRead({ ...missing, stderr: 'something else', code: 1 })).toThrow(
      /something else/,
    );
  });

  it('reads dsmemberutil checkmembership answers, including an unknown user', () => {
    expect(parseCheckMembership(fixture('dsmemberutil-member'))).toBe('member');
    expect(parseCheckMembership(fixture('dsmemberutil-not-member'))).toBe('not-member');
    expect(parseCheckMembership(fixture('dsmemberutil-no-user'))).toBe('no-such-user');
    expect(() =>
      parseCheckMembership({
        code: 2,
        stdout: '',
        stderr: 'memberd is not reachable\n',
        failure: null,
      }),
    ).toThrow(/memberd is not reachable/);
  });

  it('reads dseditgroup outcomes: done, unknown member, refused', () => {
    expect(parseEdit(fixture('dseditgroup-edit-ok'))).toBe('done');
    expect(parseEdit(fixture('dseditgroup-record-not-found'))).toBe('no-such-record');
    expect(parseEdit(fixture('dseditgroup-not-root'))).toEqual({
      error: 'dseditgroup: Username and password must be provided',
    });
  });

  it('reads the uid list, negative uids included', () => {
    expect(parseUidList(fixture('dscl-list-users-uniqueid').stdout)).toEqual([
      { name: '_amavisd', uid: 83 },
      { name: '_appleevents', uid: 55 },
      { name: 'daemon', uid: 1 },
      { name: 'nobody', uid: -2 },
      { name: 'root', uid: 0 },
      { name: 'yayusernameyay', uid: 501 },
    ]);
  });

  it('reads any dscl -list attribute as name and value, leaving out records without it', () => {
    expect(parseAttributeList(fixture('dscl-list-users-uniqueid').stdout)).toContainEqual({
      name: 'nobody',
      value: '-2',
    });
    expect(parseAttributeList('admin                    80\nnoattr\nstaff   20 21\n')).toEqual([
      { name: 'admin', value: '80' },
      { name: 'staff', value: '20 21' },
    ]);
  });
});
