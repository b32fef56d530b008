// STAND-IN, test only, never shipped: the local directory node that macOS keeps in
// /var/db/dslocal/nodes/Default, as one JSON file per record under $ELEVATE_STANDIN_DSLOCAL
// (users/NAME.json, groups/NAME.json; every attribute an array of strings, as in the real
// records). The stand-in tools beside this file read and change it the way Apple's tools do;
// the behaviours they replay are recorded in test/fixtures/darwin/ with their sources.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export function nodeDir() {
  const dir = process.env.ELEVATE_STANDIN_DSLOCAL;
  if (!dir) {
    process.stderr.write('stand-in: ELEVATE_STANDIN_DSLOCAL is not set\n');
    process.exit(70);
  }
  return dir;
}

/** Every call is appended to calls.log so tests can see which tools ran, in order. */
export function recordCall(tool, args) {
  appendFileSync(join(nodeDir(), 'calls.log'), `${[tool, ...args].join(' ')}\n`);
}

function recordPath(type, name) {
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name)) return null;
  return join(nodeDir(), type, `${name}.json`);
}

export function readRecord(type, name) {
  const path = recordPath(type, name);
  if (!path || !existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function writeRecord(type, name, record) {
  const dir = join(nodeDir(), type);
  mkdirSync(dir, { recursive: true });
  // Written whole and renamed into place, so a tool killed mid-write leaves the old record.
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(record, null, 1));
  renameSync(tmp, join(dir, `${name}.json`));
}

export function listRecords(type) {
  const dir = join(nodeDir(), type);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
    .map((f) => ({ name: f.slice(0, -5), record: JSON.parse(readFileSync(join(dir, f), 'utf8')) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const first = (record, attr) => (record[attr] ?? [])[0];

/**
 * mbr_check_membership as described in mbr_check_membership(3): primary group, short name,
 * GeneratedUID, and groups nested (by GeneratedUID) inside the group, at any depth.
 */
export function isMember(user, groupName, seen = new Set()) {
  const group = readRecord('groups', groupName);
  if (!group || seen.has(groupName)) return false;
  seen.add(groupName);
  if (first(user, 'PrimaryGroupID') === first(group, 'PrimaryGroupID')) return true;
  if ((group.GroupMembership ?? []).includes(first(user, 'RecordName'))) return true;
  if ((group.GroupMembers ?? []).includes(first(user, 'GeneratedUID'))) return true;
  for (const guid of group.NestedGroups ?? []) {
    const nested = listRecords('groups').find((g) => first(g.record, 'GeneratedUID') === guid);
    if (nested && isMember(user, nested.name, seen)) return true;
  }
  return false;
}

/** The membership cache (memberd's, kept until `dsmemberutil flushcache`). */
export function cachedMembership(key) {
  const path = join(nodeDir(), 'membership-cache.json');
  const cache = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  return {
    value: cache[key],
    store: (v) => writeFileSync(path, JSON.stringify({ ...cache, [key]: v })),
  };
}

export function flushMembershipCache() {
  rmSync(join(nodeDir(), 'membership-cache.json'), { force: true });
}

/** The tools that change records are root-only without credentials (dseditgroup.c). */
export function isRoot() {
  return process.getuid?.() === 0;
}
