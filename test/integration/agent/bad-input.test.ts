/**
 * Bad input over raw sockets: more than 10,000 malformed, truncated, oversized, wrong-typed,
 * batched, unknown and out-of-order frames across 50 connections. Each answer must carry the
 * code and id that PROTOCOL.md's order of checks gives (parse, shape, authentication, method,
 * params); the agent must stay up, and state must not change (state.json and the simulated OS
 * byte-identical; the audit log may gain only auth.failed lines).
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import { startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { readAudit } from '../../helpers/audit.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';

const MAX_LINE = 65_536;
const CONNECTIONS = 50;
const FRAMES_PER_CONNECTION = 210;

type Id = string | number | null;
/** What a frame must get back: an error with this code and id, a result, or nothing. */
type Expect = { code: number; id: Id } | { result: true; id: Id } | null;
interface Frame {
  bytes: Buffer;
  expect: Expect;
  /** The agent closes the connection after answering this frame. */
  closes?: boolean;
}

interface Answer {
  id?: Id;
  result?: unknown;
  error?: { code: number; message: string };
}

/** A line-oriented raw connection that records every answer and when the agent hangs up. */
class RawConnection {
  readonly answers: Answer[] = [];
  readonly closed: Promise<void>;
  private buffered = '';
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      this.buffered += d;
      let nl: number;
      while ((nl = this.buffered.indexOf('\n')) !== -1) {
        this.answers.push(JSON.parse(this.buffered.slice(0, nl)) as Answer);
        this.buffered = this.buffered.slice(nl + 1);
      }
      for (const w of this.waiters.splice(0)) w();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((r) => socket.on('close', () => r()));
    void this.closed.then(() => {
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static open(path: string): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const s = connect({ path });
      s.once('connect', () => resolve(new RawConnection(s)));
      s.once('error', reject);
    });
  }

  send(frame: object | string | Buffer): void {
    const bytes = Buffer.isBuffer(frame)
      ? frame
      : Buffer.from(typeof frame === 'string' ? frame : JSON.stringify(frame));
    this.socket.write(Buffer.concat([bytes, Buffer.from('\n')]));
  }

  async waitForAnswers(n: number, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.answers.length < n && !this.socket.destroyed && Date.now() < deadline) {
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }

  /** Runs the real handshake (we are root, so we can read any user's cookie). */
  async authenticate(user: string): Promise<void> {
    const base = this.answers.length;
    this.send({
      jsonrpc: '2.0',
      id: 'hello',
      method: 'auth.hello',
      params: { user, client: 'bad-input', protocol: 1 },
    });
    await this.waitForAnswers(base + 1);
    const hello = this.answers[base]!.result as { challenge: { path: string; nonce: string } };
    const proof = createHmac('sha256', readFileSync(hello.challenge.path))
      .update(Buffer.from(hello.challenge.nonce, 'base64'))
      .digest('hex');
    this.send({ jsonrpc: '2.0', id: 'prove', method: 'auth.prove', params: { proof } });
    await this.waitForAnswers(base + 2);
    expect(this.answers[base + 1]).toMatchObject({ id: 'prove', result: { user } });
    this.answers.length = 0;
  }

  close(): void {
    this.socket.destroy();
  }
}

let nextId = 0;
function rand(n: number): number {
  return Math.floor(Math.random() * n);
}
function pick<T>(xs: readonly T[]): T {
  return xs[rand(xs.length)]!;
}
/** Alternates number and string ids, so both kinds are checked in answers. */
function freshId(): string | number {
  nextId += 1;
  return nextId % 2 === 0 ? nextId : `s${nextId}`;
}
function json(frame: unknown, expect: Expect): Frame {
  return { bytes: Buffer.from(JSON.stringify(frame)), expect };
}
function text(s: string, expect: Expect): Frame {
  return { bytes: Buffer.from(s), expect };
}

/** Random printable text without a newline that JSON.parse refuses. */
function garbage(): string {
  const alphabet = '{}[]":,0123456789abcdefghijklmnopqrstuvwxyz \t\\/é€😀\u0000\u0001';
  for (;;) {
    let s = '';
    const len = 1 + rand(120);
    for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)];
    if (s.trim() === '') continue;
    try {
      JSON.parse(s);
    } catch {
      return s;
    }
  }
}

const USER_METHODS = [
  'status.get',
  'status.subscribe',
  'privilege.release',
  'request.create',
  'request.cancel',
  'history.list',
  'auth.pair',
];
const ADMIN_METHODS = [
  'admin.grant',
  'admin.revoke',
  'admin.status',
  'admin.requests',
  'admin.approve',
  'admin.deny',
  'admin.audit',
  'admin.unpair',
];
const UNKNOWN_METHODS = [
  'nope',
  'status',
  'status.get ',
  'STATUS.GET',
  'admin.grantAll',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'x'.repeat(300),
];

/** Params that fail each method's schema (wrong type, out of range, unknown key, array). */
const BAD_PARAMS: Record<string, unknown[]> = {
  'status.get': [{ x: 1 }, [1], { signature: 5 }],
  'status.subscribe': [{ user: 'root' }, [null]],
  'privilege.release': [{ force: true }, ['now']],
  'request.create': [
    { kind: 'forever', durationSec: 60 },
    { kind: 'elevate', durationSec: '60' },
    { kind: 'elevate', durationSec: -1 },
    { kind: 'elevate', durationSec: 1.5 },
    { kind: 'elevate', level: 'root', durationSec: 60 },
    { kind: 'elevate', durationSec: 60, reason: 7 },
    { kind: 'elevate', durationSec: 60, extra: 1 },
    {},
  ],
  'request.cancel': [{}, { id: 5 }, { id: '' }],
  'history.list': [{ limit: 201 }, { limit: 0 }, { limit: '5' }, { limit: 5, user: 'root' }],
  'auth.pair': [{}, { publicKey: 42 }, { publicKey: '' }],
  'admin.grant': [
    {},
    { user: 'root', level: 'admin' },
    { user: 'root', level: 'god', durationSec: 60 },
    { user: 'root', level: 'none', durationSec: 60 },
    { user: 7, level: 'admin', durationSec: 60 },
    { user: 'root', level: 'admin', durationSec: 0 },
    { user: 'root', level: 'admin', durationSec: 'ten minutes' },
    { user: 'root', level: 'admin', durationSec: 1e12 },
    { user: '', level: 'admin', durationSec: 60 },
    { user: 'root', level: 'admin', durationSec: 60, reason: ['x'] },
    { user: 'root', level: 'admin', durationSec: 60, sudo: true },
  ],
  'admin.revoke': [{}, { user: null }, { user: 'root', reason: 1 }],
  'admin.status': [{ user: 1 }],
  'admin.requests': [{ state: 'weird' }, { state: 1 }],
  'admin.approve': [{}, { id: 1 }, { id: 'r_x', durationSec: -5 }],
  'admin.deny': [{}, { id: 'r_x', note: {} }],
  'admin.audit': [{ limit: -1 }, { since: 5 }, { user: false }],
  'admin.unpair': [{}, { user: [] }],
};

/** Frames answered the same way whether or not the connection is authenticated. */
function framingFrame(): Frame {
  const id = freshId();
  switch (rand(14)) {
    case 0:
      return text(garbage(), { code: -32700, id: null });
    case 1: {
      // A valid request cut short.
      const whole = JSON.stringify({ jsonrpc: '2.0', id, method: 'status.get', params: {} });
      return text(whole.slice(0, 1 + rand(whole.length - 2)), { code: -32700, id: null });
    }
    case 2:
      return {
        bytes: Buffer.from([0x7b, 0xff, 0xfe, 0x22, 0x80, 0x7d]),
        expect: { code: -32700, id: null },
      };
    case 3:
      return text(pick(['1', '"status.get"', 'null', 'true', '3.5', '"\\u0000"']), {
        code: -32600,
        id: null,
      });
    case 4:
      return json(pick([[], [{ jsonrpc: '2.0', id, method: 'status.get' }], [1, 2, 3]]), {
        code: -32600,
        id: null,
      });
    case 5:
      return json({ id, method: 'status.get' }, { code: -32600, id });
    case 6:
      return json(
        { jsonrpc: pick(['1.0', 2, null]), id, method: 'status.get' },
        { code: -32600, id },
      );
    case 7:
      return json(
        { jsonrpc: '2.0', id, method: pick([7, '', null, ['status.get'], { m: 1 }]) },
        { code: -32600, id },
      );
    case 8:
      return json(
        { jsonrpc: '2.0', id, method: 'status.get', params: pick(['x', 5, true, null]) },
        { code: -32600, id },
      );
    case 9:
      return json(
        { jsonrpc: '2.0', id: pick([{}, [], true, null]), method: 'status.get' },
        { code: -32600, id: null },
      );
    case 10:
      return text(`{"jsonrpc":"2.0","id":1e400,"method":"status.get"}`, { code: -32600, id: null });
    case 11:
      return text(pick([' ', '\t', '\r']), null);
    case 12:
      return text(
        `  {"jsonrpc":"2.0","id":${JSON.stringify(id)},"method":"status.get","params":{}} `.replace(
          '{}',
          '{',
        ),
        { code: -32700, id: null },
      );
    default:
      return text(`${garbage()}\r`, { code: -32700, id: null });
  }
}

/** Frames for a connection that has not authenticated: everything but auth.* is -32001. */
function unauthenticatedFrame(): Frame {
  const id = freshId();
  switch (rand(6)) {
    case 0:
    case 1:
      return json(
        { jsonrpc: '2.0', id, method: pick([...USER_METHODS, ...ADMIN_METHODS]), params: {} },
        { code: -32001, id },
      );
    case 2:
      // Authentication comes before the method check: an unknown method is still -32001.
      return json({ jsonrpc: '2.0', id, method: pick(UNKNOWN_METHODS) }, { code: -32001, id });
    case 3:
      return json(
        {
          jsonrpc: '2.0',
          id,
          method: 'auth.hello',
          params: pick([
            {},
            { user: 5 },
            { user: '' },
            { user: 'root', protocol: 'one' },
            { user: 'root', extra: 1 },
            [1],
          ]),
        },
        { code: -32602, id },
      );
    case 4:
      // Notifications get no answer, whatever is wrong with them.
      return json({ jsonrpc: '2.0', method: pick([...USER_METHODS, ...UNKNOWN_METHODS]) }, null);
    default:
      return framingFrame();
  }
}

/** Frames for an authenticated connection: unknown methods, wrong params, hello again. */
function authenticatedFrame(admin: boolean): Frame {
  const id = freshId();
  switch (rand(7)) {
    case 0:
      return json(
        { jsonrpc: '2.0', id, method: pick(UNKNOWN_METHODS), params: {} },
        { code: -32601, id },
      );
    case 1:
    case 2: {
      // Params are checked before the method's own rules, so a non-admin's bad admin call is -32602.
      const method = pick(Object.keys(BAD_PARAMS));
      return json(
        { jsonrpc: '2.0', id, method, params: pick(BAD_PARAMS[method]!) },
        { code: -32602, id },
      );
    }
    case 3:
      // Out of order: a second hello or prove on an authenticated connection.
      return rand(2) === 0
        ? json(
            {
              jsonrpc: '2.0',
              id,
              method: 'auth.hello',
              params: { user: 'root', client: 'x', protocol: 1 },
            },
            { code: -32004, id },
          )
        : json(
            { jsonrpc: '2.0', id, method: 'auth.prove', params: { proof: '00'.repeat(32) } },
            { code: -32004, id },
          );
    case 4:
      if (!admin) {
        const method = pick(
          ADMIN_METHODS.filter(
            (m) =>
              m !== 'admin.grant' &&
              m !== 'admin.approve' &&
              m !== 'admin.deny' &&
              m !== 'admin.revoke' &&
              m !== 'admin.unpair',
          ),
        );
        return json({ jsonrpc: '2.0', id, method, params: {} }, { code: -32002, id });
      }
      return json({ jsonrpc: '2.0', id, method: 'status.get' }, { result: true, id });
    case 5:
      return json(
        { jsonrpc: '2.0', method: pick(Object.keys(BAD_PARAMS)), params: { bogus: true } },
        null,
      );
    default:
      return framingFrame();
  }
}

function check(conn: RawConnection, frames: Frame[], label: string): number {
  const expected = frames.filter((f) => f.expect !== null);
  expect(conn.answers, `${label}: answer count`).toHaveLength(expected.length);
  expected.forEach((f, i) => {
    const a = conn.answers[i]!;
    const e = f.expect!;
    if ('code' in e) {
      expect(a, `${label}: answer ${i} to ${f.bytes.toString('utf8').slice(0, 120)}`).toMatchObject(
        { id: e.id, error: { code: e.code } },
      );
      expect(typeof a.error!.message).toBe('string');
      expect(a.error!.message.length).toBeGreaterThan(0);
    } else {
      expect(a, `${label}: answer ${i}`).toMatchObject({ id: e.id });
      expect(a.result).toBeDefined();
    }
  });
  return frames.length;
}

describe('bad input never crashes the agent or changes state', () => {
  let agent: AgentHandle;
  let user: string;
  let stateBefore: string;
  let osBefore: string;
  let auditBefore: AuditEvent[];
  let sent = 0;

  beforeAll(async () => {
    user = createUser();
    agent = await startAgentProcess({
      policy: {
        version: 1,
        defaults: { selfServe: true, approvalRequired: false, requireReason: false },
      },
    });
    // Something in force, so "no state change" covers a live grant and a recorded request.
    const root = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    await root.call('admin.grant', {
      user,
      level: 'admin',
      durationSec: 3600,
      reason: 'bad input test',
    });
    root.close();
    stateBefore = readFileSync(join(agent.stateDir, 'state.json'), 'utf8');
    osBefore = readFileSync(join(agent.stateDir, 'simulated-os.json'), 'utf8');
    auditBefore = readAudit(agent.stateDir);
  });

  afterAll(async () => {
    await agent?.stop();
    agent?.cleanup();
    deleteUser(user);
  });

  it('answers every bad frame with the right code and id across 50 connections', async () => {
    const runs = Array.from({ length: CONNECTIONS }, async (_, n) => {
      const conn = await RawConnection.open(agent.socket);
      const mode = n % 3; // unauthenticated, a user, root
      if (mode === 1) await conn.authenticate(user);
      if (mode === 2) await conn.authenticate('root');
      const frames = Array.from({ length: FRAMES_PER_CONNECTION }, () =>
        mode === 0 ? unauthenticatedFrame() : authenticatedFrame(mode === 2),
      );
      // Mixed write sizes: the whole lot at once, or dribbled byte ranges across frame borders.
      const all = Buffer.concat(frames.flatMap((f) => [f.bytes, Buffer.from('\n')]));
      if (n % 2 === 0) conn.socket.write(all);
      else
        for (let at = 0; at < all.length;) {
          const step = 1 + rand(700);
          conn.socket.write(all.subarray(at, at + step));
          at += step;
        }
      await conn.waitForAnswers(frames.filter((f) => f.expect !== null).length);
      const count = check(conn, frames, `connection ${n}`);
      expect(conn.socket.destroyed, `connection ${n} was closed`).toBe(false);
      conn.close();
      return count;
    });
    for (const n of await Promise.all(runs)) sent += n;
    expect(sent).toBeGreaterThanOrEqual(10_000);
  });

  it('answers an oversized line with -32600 once, then closes the connection', async () => {
    const cases: { label: string; auth: string | null; payload: Buffer; split: number }[] = [
      {
        label: 'one line over the limit',
        auth: null,
        payload: Buffer.alloc(MAX_LINE + 1, 0x61),
        split: 1,
      },
      {
        label: 'huge JSON, many writes, no newline',
        auth: null,
        payload: Buffer.from(
          `{"jsonrpc":"2.0","id":1,"method":"status.get","params":{"x":"${'y'.repeat(200_000)}"}}`,
        ),
        split: 40,
      },
      {
        label: 'after authenticating as root',
        auth: 'root',
        payload: Buffer.from(
          `{"jsonrpc":"2.0","id":2,"method":"admin.grant","params":{"user":"${user}","level":"passwordless","durationSec":60,"reason":"${'z'.repeat(MAX_LINE)}"}}\n`,
        ),
        split: 3,
      },
      {
        label: 'after authenticating as a user',
        auth: user,
        payload: Buffer.alloc(MAX_LINE * 4, 0x20),
        split: 8,
      },
    ];
    for (const c of cases) {
      const conn = await RawConnection.open(agent.socket);
      if (c.auth) await conn.authenticate(c.auth);
      // Paced like a real client that stops sending once the agent has answered and hung up
      // (writing on regardless gets EPIPE, and Node then drops the unread answer).
      const step = Math.ceil(c.payload.length / c.split);
      for (let at = 0; at < c.payload.length; at += step) {
        if (conn.answers.length > 0 || conn.socket.readableEnded || conn.socket.destroyed) break;
        conn.socket.write(c.payload.subarray(at, at + step));
        if (c.split > 1) await new Promise((r) => setTimeout(r, 5));
      }
      await conn.closed;
      expect(conn.answers, c.label).toHaveLength(1);
      expect(conn.answers[0], c.label).toMatchObject({ id: null, error: { code: -32600 } });
      sent += 1;
    }
  });

  it('accepts a line of exactly 65,536 bytes', async () => {
    const conn = await RawConnection.open(agent.socket);
    const head = '{"jsonrpc":"2.0","id":"edge","method":"status.get","params":{"pad":"';
    const tail = '"}}';
    conn.send(head + 'p'.repeat(MAX_LINE - head.length - tail.length) + tail);
    await conn.waitForAnswers(1);
    expect(conn.answers).toEqual([
      expect.objectContaining({ id: 'edge', error: expect.objectContaining({ code: -32001 }) }),
    ]);
    expect(conn.socket.destroyed).toBe(false);
    conn.close();
  });

  it('closes the connection after auth.prove without a hello, or with a stale challenge', async () => {
    const early = await RawConnection.open(agent.socket);
    // One write, so the agent has read everything before it hangs up.
    early.socket.write(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'auth.prove',
        params: { proof: 'ab'.repeat(32) },
      }) +
        '\n' +
        JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'auth.hello', params: { user: 'root' } }) +
        '\n',
    );
    await early.closed;
    expect(early.answers).toEqual([
      expect.objectContaining({ id: 1, error: expect.objectContaining({ code: -32001 }) }),
    ]);

    // hello twice: only the second challenge counts, so a proof for the first one fails.
    const twice = await RawConnection.open(agent.socket);
    twice.send({ jsonrpc: '2.0', id: 'h1', method: 'auth.hello', params: { user } });
    await twice.waitForAnswers(1);
    twice.send({ jsonrpc: '2.0', id: 'h2', method: 'auth.hello', params: { user } });
    await twice.waitForAnswers(2);
    const first = twice.answers[0]!.result as { challenge: { path: string; nonce: string } };
    const second = twice.answers[1]!.result as { challenge: { path: string; nonce: string } };
    expect(first.challenge.nonce).not.toBe(second.challenge.nonce);
    expect(() => readFileSync(first.challenge.path)).toThrow(/ENOENT/);
    const cookie = readFileSync(second.challenge.path);
    const stale = createHmac('sha256', cookie)
      .update(Buffer.from(first.challenge.nonce, 'base64'))
      .digest('hex');
    twice.socket.write(
      JSON.stringify({ jsonrpc: '2.0', id: 'p', method: 'auth.prove', params: { proof: stale } }) +
        '\n' +
        JSON.stringify({ jsonrpc: '2.0', id: 'after', method: 'status.get' }) +
        '\n',
    );
    await twice.closed;
    expect(twice.answers.slice(2)).toEqual([
      expect.objectContaining({ id: 'p', error: expect.objectContaining({ code: -32001 }) }),
    ]);

    // A malformed proof is a failed proof too.
    const malformed = await RawConnection.open(agent.socket);
    malformed.send({ jsonrpc: '2.0', id: 'h', method: 'auth.hello', params: { user } });
    await malformed.waitForAnswers(1);
    malformed.send({
      jsonrpc: '2.0',
      id: 'p',
      method: 'auth.prove',
      params: { proof: 'not hex at all' },
    });
    await malformed.closed;
    expect(malformed.answers[1]).toMatchObject({ id: 'p', error: { code: -32001 } });
    sent += 7;
  });

  it('stays up and unchanged: a normal client still works, state is byte-identical', async () => {
    const root = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    const status = await root.call('admin.status', { user });
    expect(status.users[0]).toMatchObject({ user, level: 'admin', grant: { level: 'admin' } });
    root.close();
    expect(agent.proc.exitCode).toBeNull();
    expect(readFileSync(join(agent.stateDir, 'state.json'), 'utf8')).toBe(stateBefore);
    expect(readFileSync(join(agent.stateDir, 'simulated-os.json'), 'utf8')).toBe(osBefore);
    const audit = readAudit(agent.stateDir);
    expect(audit.slice(0, auditBefore.length)).toEqual(auditBefore);
    const added = audit.slice(auditBefore.length);
    expect(added.length).toBeGreaterThan(0);
    expect(new Set(added.map((e) => e.type))).toEqual(new Set(['auth.failed']));
    expect(sent).toBeGreaterThanOrEqual(10_000);
  });
});
