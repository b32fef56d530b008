/**
 * The local socket every user can connect to; who they are comes from authentication, never
 * from the connection. A stale socket file from a crashed agent is replaced, a live one is not.
 * What the kernel says about the peer (its uid) only limits how much of the agent one account
 * can hold: limits.ts.
 */
import { chmod, mkdir, unlink } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { dirname } from 'node:path';
import { Connection, type Handler } from './connection.js';
import { ConnectionQuota } from './connection-quota.js';
import { peerCredentials } from './peer-credentials.js';
import { RequestPacer } from './request-pacer.js';

export class SocketServer {
  private server: Server | null = null;
  private nextId = 1;
  readonly connections = new Set<Connection>();
  private readonly quota = new ConnectionQuota();
  private readonly pacer = new RequestPacer();

  constructor(
    private readonly path: string,
    private readonly handler: Handler,
    private readonly onClosed: (c: Connection) => void,
  ) {}

  async listen(): Promise<void> {
    if (process.platform !== 'win32') {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o755 });
      if (await isLive(this.path)) {
        throw new Error(`Another agent is already listening on ${this.path}.`);
      }
      await unlink(this.path).catch(() => undefined);
    }
    const server = createServer((socket) => {
      const peer = peerCredentials(socket);
      const refusal = this.quota.admit(peer);
      if (refusal) {
        socket.on('error', () => undefined);
        socket.end(
          JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32005, message: refusal } }) +
            '\n',
        );
        setTimeout(() => socket.destroy(), 1000).unref();
        return;
      }
      const c = new Connection(
        this.nextId++,
        socket,
        this.handler,
        (closed) => {
          this.quota.release(closed.peer, closed.authenticated);
          this.connections.delete(closed);
          this.onClosed(closed);
        },
        peer,
        (authed) => this.quota.authenticated(authed.peer),
        (authenticated) => this.pacer.delayFor(peer?.uid ?? null, authenticated),
      );
      this.connections.add(c);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ path: this.path, readableAll: true, writableAll: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    if (process.platform !== 'win32') await chmod(this.path, 0o666);
    this.server = server;
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    this.server = null;
  }
}

function isLive(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ path });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
