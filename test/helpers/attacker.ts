/**
 * A hostile local user, for real: a self-contained Node script (built-in modules only, written
 * into the test's temp dir, so it never needs to read the checkout) run with `runuser` as an
 * ordinary account against the agent's socket. It authenticates with the real cookie challenge
 * as that account and then attacks in one of a few modes; it prints one JSON line of figures.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type AttackSpec =
  /**
   * Authenticated connections that send `requests` lines at `perSecond` each (a pace the agent
   * keeps up with, so it answers them all) and never read an answer.
   */
  | {
      mode: 'unread-flood';
      connections: number;
      durationMs: number;
      perSecond: number;
      requests: object[];
    }
  /** Opens up to `connections` connections and holds them without a word for `holdMs`. */
  | { mode: 'idle'; connections: number; holdMs: number }
  /** New connections, each `auth.hello` for the names in turn, for `durationMs`. */
  | { mode: 'hello-flood'; durationMs: number; names: string[]; parallel: number }
  /**
   * auth.hello as `claim` (or each name of a list in turn) then a wrong auth.prove, `count`
   * times over `parallel` connections.
   */
  | { mode: 'prove-flood'; claim: string | string[]; count: number; parallel: number };

const SCRIPT = String.raw`
import net from 'node:net';
import fs from 'node:fs';
import crypto from 'node:crypto';
const spec = JSON.parse(process.argv[2]);
const me = process.argv[3];
const line = (o) => JSON.stringify(o) + '\n';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function open() {
  return new Promise((resolve) => {
    const s = net.connect(spec.socket);
    s.once('connect', () => resolve(s));
    s.once('error', () => resolve(null));
  });
}
function reader(s) {
  let buf = '';
  const waiting = new Map();
  s.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const m = JSON.parse(buf.slice(0, i));
      buf = buf.slice(i + 1);
      waiting.get(m.id)?.(m);
    }
  });
  let closed = false;
  s.on('close', () => { closed = true; for (const w of waiting.values()) w({ error: { message: 'closed' } }); });
  return (id, msg) => new Promise((r) => {
    if (closed) return r({ error: { message: 'closed' } });
    waiting.set(id, r);
    s.write(line({ jsonrpc: '2.0', id, ...msg }));
  });
}
async function authed() {
  const s = await open();
  if (!s) return null;
  const call = reader(s);
  const h = await call(1, { method: 'auth.hello', params: { user: me, client: 'attacker', protocol: 1 } });
  if (h.error) { s.destroy(); return null; }
  const cookie = fs.readFileSync(h.result.challenge.path);
  const proof = crypto.createHmac('sha256', cookie).update(Buffer.from(h.result.challenge.nonce, 'base64')).digest('hex');
  const p = await call(2, { method: 'auth.prove', params: { proof } });
  if (p.error) { s.destroy(); return null; }
  s.removeAllListeners('data');
  return s;
}

async function unreadFlood() {
  const conns = (await Promise.all(Array.from({ length: spec.connections }, authed))).filter(Boolean);
  let sent = 0;
  const until = Date.now() + spec.durationMs;
  await Promise.all(conns.map(async (s) => {
    s.pause(); // never read an answer
    s.on('error', () => {});
    let id = 10;
    while (Date.now() < until && !s.destroyed) {
      let chunk = '';
      for (let i = 0; i < 50; i++) chunk += line({ jsonrpc: '2.0', id: id++, ...spec.requests[id % spec.requests.length] });
      sent += 50;
      if (!s.write(chunk)) {
        await Promise.race([new Promise((r) => s.once('drain', r)), sleep(Math.max(0, until - Date.now()))]);
      }
      await sleep(50000 / spec.perSecond);
    }
  }));
  for (const s of conns) s.destroy();
  return { authenticated: conns.length, sent };
}

async function idle() {
  const socks = [];
  let refused = 0, closedByAgent = 0;
  const t0 = Date.now();
  const closedAt = [];
  for (let i = 0; i < spec.connections; i++) {
    const s = await open();
    if (!s) { refused++; continue; }
    s.on('error', () => {});
    s.on('data', () => {}); // flowing, so the agent's end is seen
    s.on('close', () => { closedByAgent++; closedAt.push(Date.now() - t0); });
    socks.push(s);
  }
  const openedMs = Date.now() - t0;
  await sleep(spec.holdMs);
  const stillOpen = socks.filter((s) => !s.destroyed && !s.readableEnded).length;
  for (const s of socks) s.destroy();
  return { opened: socks.length, refused, closedByAgent, stillOpen, openedMs, lastClosedMs: Math.max(0, ...closedAt) };
}

async function helloFlood() {
  let hellos = 0, refused = 0;
  const until = Date.now() + spec.durationMs;
  await Promise.all(Array.from({ length: spec.parallel }, async () => {
    while (Date.now() < until) {
      const s = await open();
      if (!s) { await sleep(5); continue; }
      s.on('error', () => {});
      const call = reader(s);
      for (let i = 0; i < 4; i++) {
        const name = spec.names[(hellos++) % spec.names.length].replace('RANDOM', crypto.randomBytes(4).toString('hex'));
        const r = await call(i + 1, { method: 'auth.hello', params: { user: name, client: 'attacker', protocol: 1 } });
        if (r.error?.message === 'closed') { refused++; break; }
      }
      s.destroy();
    }
  }));
  return { hellos, refused };
}

async function proveFlood() {
  let done = 0;
  const claims = [].concat(spec.claim);
  await Promise.all(Array.from({ length: spec.parallel }, async () => {
    while (done < spec.count) {
      const claim = claims[done++ % claims.length];
      const s = await open();
      if (!s) { await sleep(5); continue; }
      s.on('error', () => {});
      const call = reader(s);
      await call(1, { method: 'auth.hello', params: { user: claim, client: 'attacker', protocol: 1 } });
      await call(2, { method: 'auth.prove', params: { proof: '00'.repeat(32) } });
      s.destroy();
    }
  }));
  return { proofs: done };
}

const modes = { 'unread-flood': unreadFlood, idle, 'hello-flood': helloFlood, 'prove-flood': proveFlood };
console.log(JSON.stringify(await modes[spec.mode]()));
process.exit(0);
`;

/** What the attacker counted (which fields depends on the mode; absent ones read as 0). */
export interface Figures {
  sent: number;
  authenticated: number;
  opened: number;
  refused: number;
  closedByAgent: number;
  stillOpen: number;
  openedMs: number;
  lastClosedMs: number;
  hellos: number;
  proofs: number;
}

export interface Attack {
  /** The attacker's figures once it is done. */
  result: Promise<Figures>;
  kill(): void;
}

/** Starts `spec` as OS user `user` against `socket`; the script is written into `dir`. */
export function attack(user: string, dir: string, socket: string, spec: AttackSpec): Attack {
  const script = join(dir, `attacker-${randomBytes(4).toString('hex')}.mjs`);
  writeFileSync(script, SCRIPT, { mode: 0o644 });
  const p = spawn(
    'runuser',
    ['-u', user, '--', process.execPath, script, JSON.stringify({ ...spec, socket }), user],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (err += d));
  const result = new Promise<Figures>((resolve, reject) =>
    p.on('close', (code) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as Figures);
      } catch {
        reject(new Error(`attacker (${spec.mode}) exited ${code}: ${out}\n${err}`));
      }
    }),
  );
  return { result, kill: () => p.kill('SIGKILL') };
}

/** The agent's peak resident memory so far (the kernel's high-water mark), in MB. */
export function peakRssMb(pid: number, status: string): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  if (!m) throw new Error(`no VmHWM for ${pid}`);
  return Number(m[1]) / 1024;
}
