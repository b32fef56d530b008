/**
 * Help-desk approval codes end to end on Linux: a real user asks with `elevate`, an approver
 * computes a code offline with `elevatectl code approve` from their own master key file, the
 * user enters it, and the real Linux backend (on a private root prefix) grants exactly that.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import {
  deriveDeviceKey,
  formatRequestCode,
  makeApprovalCode,
  readRequestCode,
} from '../../../agent/codes/approval-code.js';
import { checkChar, normalizeCode } from '../../../agent/codes/code-alphabet.js';
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import { makeTempDir, startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { makePrivateRoot } from '../../helpers/copy-etc.js';
import {
  createUser,
  deleteUser,
  ELEVATE,
  ELEVATECTL,
  ensureBuilt,
  run,
} from '../cli/cli-harness.js';

let sam: string;
let alex: string;
let root: string;
let agent: AgentHandle;
let admin: AgentClient;
let masterFile: string;
let master: Buffer;
const deviceId = randomBytes(16).toString('hex');

const elevate = (user: string, ...args: string[]) =>
  run(ELEVATE, ['--socket', agent.socket, ...args], user);
/** The approver's machine: no socket, no agent, only the master key file. */
const approve = (...args: string[]) => run(ELEVATECTL, ['code', 'approve', ...args]);
/** The usual approval: REQUEST-CODE for USER on this device, for DURATION, with KEY. */
const approveFor = (code: string, user: string, duration: string, key = masterFile) =>
  approve(code, '--device', deviceId, '--user', user, '--for', duration, '--key', key);
const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';

async function requestCode(user: string, duration = '30m'): Promise<string> {
  const r = await elevate(user, 'request', duration, '--reason', 'install the printer driver');
  expect(r.stderr).toBe('');
  const m = /read them this code: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(r.stdout);
  expect(m, r.stdout).not.toBeNull();
  return m![1]!;
}

async function statusOf(user: string): Promise<Snapshot> {
  return (await admin.call('admin.status', { user })).users[0]!;
}

async function codeEvents(user: string): Promise<string[]> {
  const { events } = await admin.call('admin.audit', { user, limit: 50 });
  return events
    .filter((e) => e.type === 'request.code_rejected')
    .map((e) => String(e.detail?.problem));
}

beforeAll(async () => {
  ensureBuilt();
  sam = createUser();
  alex = createUser();
  root = makePrivateRoot('elevate-codes-root-');
  writeFileSync(join(root, 'etc/machine-id'), `${deviceId}\n`);

  // The approver's own folder: the master never touches the device.
  const approverDir = makeTempDir('elevate-approver-');
  chmodSync(approverDir, 0o700);
  masterFile = join(approverDir, 'master.key');
  master = randomBytes(32);
  writeFileSync(masterFile, master, { mode: 0o600 });

  const deviceDir = makeTempDir('elevate-device-');
  const keyFile = join(deviceDir, 'approval.key');
  const dk = await run(ELEVATECTL, [
    'code',
    'device-key',
    '--master',
    masterFile,
    '--device',
    deviceId,
  ]);
  expect(dk.stderr).toBe('');
  writeFileSync(keyFile, dk.stdout, { mode: 0o600 });

  agent = await startAgentProcess({
    backend: 'linux',
    root,
    policy: {
      version: 1,
      defaults: { selfServe: false, approvalRequired: true, levels: ['admin', 'passwordless'] },
      approvalCodes: { keyFile, validitySec: 900, maxTries: 3 },
    },
  });
  admin = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
});

afterAll(async () => {
  admin?.close();
  await agent?.stop();
  agent?.cleanup();
  for (const u of [sam, alex]) if (u) deleteUser(u);
});

describe('approval codes read over the phone', () => {
  it('grant exactly the approved level and duration, once', async () => {
    const code = await requestCode(sam);
    const status = await elevate(sam, 'status', '--json');
    const snap = JSON.parse(status.stdout) as Snapshot;
    expect(snap.request).toMatchObject({ state: 'pending', code });
    expect(snap.platform.deviceId).toBe(deviceId);
    expect((await elevate(sam, 'status')).stdout).toContain(
      `Call your help desk and read them this code: ${code} (this computer: ${deviceId}).`,
    );

    // The forwarded request.created carries the code and device, for the help desk's channel.
    const created = (await admin.call('admin.audit', { user: sam, limit: 5 })).events.find(
      (e) => e.type === 'request.created',
    );
    expect(created?.detail).toMatchObject({ requestCode: code, deviceId });

    const made = await approveFor(code, sam, '20m');
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const approval = lastLine(made.stdout);
    expect(approval).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    const entered = await elevate(sam, 'approve-code', approval.toLowerCase());
    expect(entered.stderr).toBe('');
    expect(entered.stdout).toMatch(/^Approved: you are an administrator until \d\d:\d\d/);

    const after = await statusOf(sam);
    expect(after.grant).toMatchObject({ level: 'admin', source: 'approval' });
    expect(after.grant!.grantedBy).toMatch(/^code:[0-9a-f]{8}$/);
    const span = Date.parse(after.grant!.expiresAt) - Date.parse(after.grant!.grantedAt);
    expect(span).toBe(20 * 60_000);
    // The real backend made the change on the private root.
    expect(readFileSync(join(root, 'etc/sudoers.d', `elevate-${sam}`), 'utf8')).toContain(
      `${sam} ALL=(ALL:ALL) ALL`,
    );
    const approved = (await admin.call('admin.audit', { user: sam, limit: 10 })).events.find(
      (e) => e.type === 'request.approved',
    );
    expect(approved?.actor).toBe(after.grant!.grantedBy);

    const again = await elevate(sam, 'approve-code', approval);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('You have no request waiting for approval');

    await admin.call('admin.revoke', { user: sam });
    expect(existsSync(join(root, 'etc/sudoers.d', `elevate-${sam}`))).toBe(false);
  });

  it('refuse a code for another user, device, level, a longer duration, or an expired one', async () => {
    const code = await requestCode(alex, '10m');
    const nonce = (readRequestCode(code) as { ok: true; value: { nonce: bigint } }).value.nonce;
    const base = { '--device': deviceId, '--user': alex, '--for': '10m', '--key': masterFile };
    const make = async (over: Record<string, string>): Promise<string> => {
      const flags = Object.entries({ ...base, ...over }).flat();
      const r = await approve(code, ...flags);
      expect(r.stderr).toBe('');
      return lastLine(r.stdout);
    };
    const refused = async (approval: string, words: RegExp): Promise<void> => {
      const r = await elevate(alex, 'approve-code', approval);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(words);
    };

    await refused(
      await make({ '--user': sam }),
      /not for this request, person or computer.*; 2 tries left/,
    );
    await refused(
      await make({ '--device': 'another-device' }),
      /not for this request.*; 1 try left/,
    );

    // A code for another level: the approver's tool refuses it offline...
    const other = await approve(
      code,
      ...Object.entries({ ...base, '--level': 'passwordless' }).flat(),
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('The request code asks for admin');
    // ...and the device refuses one made anyway, without using up a try (it is genuine).
    const key = deriveDeviceKey(master, deviceId);
    const minute = Math.floor(Date.now() / 60_000);
    const fields = { deviceId, user: alex, nonce, durationMin: 10, issuedMinute: minute };
    await refused(
      makeApprovalCode(key, { ...fields, level: 'passwordless' }),
      /for passwordless sudo, but you asked for administrator/,
    );
    await refused(
      makeApprovalCode(key, { ...fields, level: 'admin', issuedMinute: minute - 20 }),
      /has expired \(codes work for 15 minutes/,
    );

    // A longer duration spliced onto a genuine code, check character fixed up: refused.
    const genuine = normalizeCode(await make({}))!;
    const longer = normalizeCode(
      makeApprovalCode(key, { ...fields, level: 'admin', durationMin: 480 }),
    )!;
    const data = longer.slice(0, 2) + genuine.slice(2, -1);
    await refused(data + checkChar(data), /the last try, so your request is cancelled/);

    expect(await codeEvents(alex)).toEqual([
      'mismatch',
      'expired',
      'level',
      'mismatch',
      'mismatch',
    ]);
    expect((await statusOf(alex)).request).toMatchObject({
      state: 'cancelled',
      decidedBy: 'agent',
    });
    expect((await statusOf(alex)).grant).toBeNull();
    // The genuine code for the cancelled request is no use either.
    await refused(genuine, /no request waiting for approval/);
  });

  it('catch a mistyped code before anything is sent', async () => {
    await admin.call('admin.revoke', { user: sam }).catch(() => undefined);
    const code = await requestCode(sam, '10m');
    const made = await approveFor(code, sam, '10m');
    const good = lastLine(made.stdout);
    const typo = good.slice(0, 2) + (good[2] === 'A' ? 'B' : 'A') + good.slice(3);
    const r = await elevate(sam, 'approve-code', typo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('That approval code has a typo');
    expect(await codeEvents(sam)).toEqual([]);

    const badRequestCode = code.slice(0, 2) + (code[2] === 'A' ? 'B' : 'A') + code.slice(3);
    const a = await approveFor(badRequestCode, sam, '10m');
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('That request code has a typo');

    expect((await elevate(sam, 'approve-code', good)).code).toBe(0);
    expect((await statusOf(sam)).grant).toMatchObject({ level: 'admin' });
    await admin.call('admin.revoke', { user: sam });
  });

  it('refuse key files that others can read', async () => {
    const loose = join(makeTempDir('elevate-loose-'), 'master.key');
    writeFileSync(loose, randomBytes(32), { mode: 0o644 });
    chmodSync(loose, 0o644);
    const code = formatRequestCode({ level: 'admin', nonce: 5n });
    const r = await approveFor(code, sam, '10m', loose);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('run chmod 600');
    const short = join(makeTempDir('elevate-short-'), 'master.key');
    writeFileSync(short, randomBytes(8), { mode: 0o600 });
    const dk = await run(ELEVATECTL, [
      'code',
      'device-key',
      '--master',
      short,
      '--device',
      deviceId,
    ]);
    expect(dk.code).toBe(2);
    expect(dk.stderr).toContain('needs at least 32 random bytes');
    const looseDk = await run(ELEVATECTL, [
      'code',
      'device-key',
      '--master',
      loose,
      '--device',
      deviceId,
    ]);
    expect(looseDk.stderr).toContain('is readable by group or others (mode 0644): run chmod 600');

    // On the device: a loose key file turns codes off and `policy check` names the field.
    const dir = makeTempDir('elevate-devkey-');
    mkdirSync(join(dir, 'k'));
    const keyFile = join(dir, 'k', 'approval.key');
    writeFileSync(
      keyFile,
      (await run(ELEVATECTL, ['code', 'device-key', '--master', masterFile, '--device', deviceId]))
        .stdout,
    );
    chmodSync(keyFile, 0o644);
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ version: 1, approvalCodes: { keyFile } }));
    const check = await run(ELEVATECTL, ['policy', 'check', policy]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('approvalCodes.keyFile: The approval-code key file');
    expect(check.stderr).toContain('run chmod 600');
  });
});
