/**
 * A private macOS-like world for the darwin backend on Linux: a root prefix with Apple's
 * /private/etc/sudoers and an empty sudoers.d, and a local directory node kept by the
 * STAND-IN directory tools in test/standins/darwin (never shipped). The admin group and the
 * root account start as on a fresh Mac (test/fixtures/darwin/dscl-read-admin-group.json).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, makeTempDir } from './agent-process.js';

export const STANDIN_DIR = join(REPO, 'test/standins/darwin');

/** Apple's sudoers (apple-oss-distributions/sudo files/sudoers, sudo-114), rules part. */
const APPLE_SUDOERS = `# sudoers file (excerpt of macOS's, apple-oss-distributions/sudo files/sudoers).
Defaults	env_reset
Defaults	!log_allowed
root		ALL = (ALL) ALL
%admin		ALL = (ALL) ALL
#includedir /private/etc/sudoers.d
`;

export interface DarwinWorld {
  root: string;
  dslocal: string;
  /** Environment for the agent (and any stand-in call from a test). */
  env: NodeJS.ProcessEnv;
  addUser(name: string, opts?: { uid?: number; gid?: number }): { guid: string; uid: number };
  addGroup(name: string, gid: number, opts?: { membership?: string[]; nested?: string[] }): string;
  group(name: string): Record<string, string[]>;
  setGroup(name: string, record: Record<string, string[]>): void;
  /** Tool calls the stand-ins saw, in order ("dseditgroup -o edit -a sam -t user admin"). */
  calls(): string[];
}

let nextUid = 601;

export function makeDarwinWorld(): DarwinWorld {
  const root = makeTempDir('elevate-darwin-');
  const dslocal = join(root, 'private/var/db/dslocal/nodes/Default');
  mkdirSync(join(root, 'private/etc/sudoers.d'), { recursive: true });
  mkdirSync(join(root, 'var/db/sudo/ts'), { recursive: true, mode: 0o700 });
  writeFileSync(join(root, 'private/etc/sudoers'), APPLE_SUDOERS, { mode: 0o440 });
  const write = (type: string, name: string, record: Record<string, string[]>): void => {
    mkdirSync(join(dslocal, type), { recursive: true });
    const tmp = join(dslocal, type, `.${name}.tmp`);
    writeFileSync(tmp, JSON.stringify(record));
    renameSync(tmp, join(dslocal, type, `${name}.json`));
  };
  const read = (type: string, name: string): Record<string, string[]> =>
    JSON.parse(readFileSync(join(dslocal, type, `${name}.json`), 'utf8'));
  const rootGuid = 'FFFFEEEE-DDDD-CCCC-BBBB-AAAA00000000';
  write('users', 'root', {
    RecordName: ['root'],
    UniqueID: ['0'],
    PrimaryGroupID: ['0'],
    GeneratedUID: [rootGuid],
    NFSHomeDirectory: ['/var/root'],
  });
  write('groups', 'admin', {
    RecordName: ['admin'],
    PrimaryGroupID: ['80'],
    GeneratedUID: ['ABCDEFAB-CDEF-ABCD-EFAB-CDEF00000050'],
    GroupMembership: ['root'],
    GroupMembers: [rootGuid],
  });
  write('groups', 'staff', {
    RecordName: ['staff'],
    PrimaryGroupID: ['20'],
    GeneratedUID: ['ABCDEFAB-CDEF-ABCD-EFAB-CDEF00000014'],
  });
  return {
    root,
    dslocal,
    env: {
      PATH: `${STANDIN_DIR}:${process.env.PATH ?? ''}`,
      ELEVATE_STANDIN_DSLOCAL: dslocal,
      ELEVATE_STANDIN_LAUNCHD: join(root, 'standin-launchd'),
    },
    addUser(name, opts = {}) {
      const uid = opts.uid ?? nextUid++;
      const guid = randomUUID().toUpperCase();
      write('users', name, {
        RecordName: [name],
        UniqueID: [String(uid)],
        PrimaryGroupID: [String(opts.gid ?? 20)],
        GeneratedUID: [guid],
        NFSHomeDirectory: [`/Users/${name}`],
      });
      return { guid, uid };
    },
    addGroup(name, gid, opts = {}) {
      const guid = randomUUID().toUpperCase();
      write('groups', name, {
        RecordName: [name],
        PrimaryGroupID: [String(gid)],
        GeneratedUID: [guid],
        ...(opts.membership && { GroupMembership: opts.membership }),
        ...(opts.nested && { NestedGroups: opts.nested }),
      });
      return guid;
    },
    group: (name) => read('groups', name),
    setGroup: (name, record) => write('groups', name, record),
    calls: () => {
      try {
        return readFileSync(join(dslocal, 'calls.log'), 'utf8').trim().split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
  };
}
