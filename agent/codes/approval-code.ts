/**
 * Help-desk approval codes (docs/approval-codes.md): challenge/response over the phone with
 * no server. The device shows a request code (the request's random nonce and level); the
 * approver's elevatectl turns it, with the organisation's master secret, into an approval
 * code: a truncated HMAC, under the device's own key, over the nonce, user, device, level,
 * duration and the minute the code was made. Pure functions: no clock, no files, no agent.
 */
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { GrantLevel } from '../protocol/schemas.js';
import {
  APPROVAL_CODE_LENGTH,
  REQUEST_CODE_LENGTH,
  decodeBits,
  encodeBits,
  readCheckedCode,
  withCheck,
} from './code-alphabet.js';

export { APPROVAL_CODE_LENGTH, REQUEST_CODE_LENGTH };

export const NONCE_BITS = 34;
const LEVEL_BITS = 1;
const DURATION_BITS = 9;
const MINUTE_BITS = 6;
export const MAC_BITS = 29;
/** The longest approval a code can carry: 511 minutes (8 h 31 min). */
export const MAX_CODE_DURATION_MIN = 2 ** DURATION_BITS - 1;
/** The approver's clock may be this far ahead of the device's. */
export const CLOCK_SKEW_MIN = 5;
/** The minute field wraps every 64 minutes: validity + skew must stay inside that. */
export const MAX_VALIDITY_SEC = 50 * 60;

const MASTER_ID_BYTES = 4;
const DEVICE_KEY_BYTES = 32;
const DEVICE_KEY_PREFIX = 'edk1';

export function normalizeDeviceId(id: string): string {
  return id.trim().toLowerCase();
}

/** Names the master secret in the audit (`actor: code:<id>`) without revealing anything. */
export function masterKeyId(master: Buffer): string {
  return createHash('sha256')
    .update('elevate-master-id-v1\n')
    .update(master)
    .digest('hex')
    .slice(0, MASTER_ID_BYTES * 2);
}

/** The device's own key: HKDF-SHA256 of the master over the device id. */
export function deriveDeviceKey(master: Buffer, deviceId: string): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      master,
      'elevate-approval-codes',
      `device-key-v1:${normalizeDeviceId(deviceId)}`,
      DEVICE_KEY_BYTES,
    ),
  );
}

export interface DeviceKey {
  /** The master secret it was derived from, as `masterKeyId` names it. */
  keyName: string;
  key: Buffer;
}

/** One line for the MDM to write into the policy's keyFile: `edk1:<master id>:<key>`. */
export function formatDeviceKey(master: Buffer, deviceId: string): string {
  const key = deriveDeviceKey(master, deviceId).toString('base64url');
  return `${DEVICE_KEY_PREFIX}:${masterKeyId(master)}:${key}`;
}

export function parseDeviceKey(text: string): DeviceKey | null {
  const m = /^edk1:([0-9a-f]{8}):([A-Za-z0-9_-]{43})$/.exec(text.trim());
  if (!m) return null;
  const key = Buffer.from(m[2] as string, 'base64url');
  return key.length === DEVICE_KEY_BYTES ? { keyName: m[1] as string, key } : null;
}

const LEVELS: readonly GrantLevel[] = ['admin', 'passwordless'];

export interface RequestCodeFields {
  level: GrantLevel;
  /** 34 random bits, unique to one request. */
  nonce: bigint;
}

export function formatRequestCode(f: RequestCodeFields): string {
  const data = (BigInt(LEVELS.indexOf(f.level)) << BigInt(NONCE_BITS)) | f.nonce;
  return withCheck(encodeBits(data, LEVEL_BITS + NONCE_BITS));
}

export type Typed<T> = { ok: true; value: T } | { ok: false; problem: 'typo' | 'length' };

export function readRequestCode(typed: string): Typed<RequestCodeFields> {
  const checked = readCheckedCode(typed, REQUEST_CODE_LENGTH);
  if (!checked.ok) return { ok: false, problem: checked.problem === 'length' ? 'length' : 'typo' };
  const data = decodeBits(checked.data);
  const nonce = data & ((1n << BigInt(NONCE_BITS)) - 1n);
  const level = LEVELS[Number(data >> BigInt(NONCE_BITS)) & 1] as GrantLevel;
  return { ok: true, value: { level, nonce } };
}

export interface Approval {
  deviceId: string;
  user: string;
  nonce: bigint;
  level: GrantLevel;
  durationMin: number;
  /** Minutes since the Unix epoch when the approver made the code. */
  issuedMinute: number;
}

function mac(key: Buffer, a: Approval): bigint {
  const message = [
    'elevate-approval-code-v1',
    normalizeDeviceId(a.deviceId),
    a.user,
    a.nonce.toString(16),
    a.level,
    String(a.durationMin),
    String(a.issuedMinute),
  ].join('\n');
  const digest = createHmac('sha256', key).update(message).digest();
  return BigInt('0x' + digest.subarray(0, 8).toString('hex')) >> BigInt(64 - MAC_BITS);
}

/** The approver's side: what `elevatectl code approve` prints. */
export function makeApprovalCode(deviceKey: Buffer, a: Approval): string {
  if (
    !Number.isInteger(a.durationMin) ||
    a.durationMin < 1 ||
    a.durationMin > MAX_CODE_DURATION_MIN
  )
    throw new RangeError(`A code carries 1 to ${MAX_CODE_DURATION_MIN} whole minutes.`);
  let data = BigInt(LEVELS.indexOf(a.level));
  data = (data << BigInt(DURATION_BITS)) | BigInt(a.durationMin);
  data = (data << BigInt(MINUTE_BITS)) | BigInt(a.issuedMinute % 2 ** MINUTE_BITS);
  data = (data << BigInt(MAC_BITS)) | mac(deviceKey, a);
  return withCheck(encodeBits(data, LEVEL_BITS + DURATION_BITS + MINUTE_BITS + MAC_BITS));
}

export interface CodeContext {
  deviceKey: Buffer;
  deviceId: string;
  user: string;
  request: RequestCodeFields;
  nowMs: number;
  validitySec: number;
}

export type CodeVerdict =
  | { ok: true; level: GrantLevel; durationSec: number; issuedAt: number }
  | { ok: false; problem: 'typo' | 'length' | 'mismatch' | 'expired' | 'future' }
  | { ok: false; problem: 'level'; level: GrantLevel };

/** The device's side: checks a typed approval code against the pending request. */
export function verifyApprovalCode(typed: string, c: CodeContext): CodeVerdict {
  const checked = readCheckedCode(typed, APPROVAL_CODE_LENGTH);
  if (!checked.ok) return { ok: false, problem: checked.problem === 'length' ? 'length' : 'typo' };
  let data = decodeBits(checked.data);
  const macBits = data & ((1n << BigInt(MAC_BITS)) - 1n);
  data >>= BigInt(MAC_BITS);
  const minuteBits = Number(data & BigInt(2 ** MINUTE_BITS - 1));
  data >>= BigInt(MINUTE_BITS);
  const durationMin = Number(data & BigInt(2 ** DURATION_BITS - 1));
  data >>= BigInt(DURATION_BITS);
  const level = LEVELS[Number(data & 1n)] as GrantLevel;

  const nowMinute = Math.floor(c.nowMs / 60_000);
  const issuedMinute = minuteInWindow(minuteBits, nowMinute);
  const expected = mac(c.deviceKey, {
    deviceId: c.deviceId,
    user: c.user,
    nonce: c.request.nonce,
    level,
    durationMin,
    issuedMinute,
  });
  if (durationMin < 1 || !sameBits(expected, macBits)) return { ok: false, problem: 'mismatch' };
  if (level !== c.request.level) return { ok: false, problem: 'level', level };
  if (issuedMinute > nowMinute + CLOCK_SKEW_MIN) return { ok: false, problem: 'future' };
  if ((nowMinute - issuedMinute) * 60 > c.validitySec) return { ok: false, problem: 'expired' };
  return { ok: true, level, durationSec: durationMin * 60, issuedAt: issuedMinute * 60_000 };
}

/** The one minute in (now - 58, now + 5] whose low bits are `bits`. */
function minuteInWindow(bits: number, nowMinute: number): number {
  const period = 2 ** MINUTE_BITS;
  const latest = nowMinute + CLOCK_SKEW_MIN;
  return latest - ((((latest - bits) % period) + period) % period);
}

function sameBits(a: bigint, b: bigint): boolean {
  const buf = (v: bigint): Buffer => Buffer.from(v.toString(16).padStart(8, '0'), 'hex');
  return timingSafeEqual(buf(a), buf(b));
}
