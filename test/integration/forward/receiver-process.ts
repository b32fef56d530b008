/**
 * An HttpsReceiver in its own process, driven over IPC, so that a benchmark measures the
 * forwarder and not the receiver sharing its event loop. Env: CERT_DIR (key.pem, cert.pem
 * from makeCert), SECRET_HEX (HMAC key). Messages: {cmd: 'start'|'stop'|'stats'} → reply.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpsReceiver } from './receivers.js';

interface Stats {
  port: number;
  requests: number;
  unique: number;
  badSignatures: number;
}
type Command = 'start' | 'stop' | 'stats';

/** The parent's handle on a receiver process. */
export class ReceiverProcess {
  private readonly child: ChildProcess;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(certDir: string, secret: Buffer) {
    this.child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        CERT_DIR: certDir,
        SECRET_HEX: secret.toString('hex'),
        RECEIVER_CHILD: '1',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  send(cmd: Command): Promise<Stats> {
    const next = this.queue.then(
      () =>
        new Promise<Stats>((resolve, reject) => {
          const onExit = (code: number | null): void =>
            reject(new Error(`receiver process exited (${code})`));
          this.child.once('exit', onExit);
          this.child.once('message', (m) => {
            this.child.off('exit', onExit);
            resolve(m as Stats);
          });
          this.child.send({ cmd });
        }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}

if (process.env.RECEIVER_CHILD === '1' && process.send) {
  const dir = process.env.CERT_DIR ?? '';
  const receiver = new HttpsReceiver(
    {
      key: readFileSync(join(dir, 'key.pem')),
      cert: readFileSync(join(dir, 'cert.pem')),
      certFile: join(dir, 'cert.pem'),
    },
    { secret: Buffer.from(process.env.SECRET_HEX ?? '', 'hex') },
  );
  process.on('message', (m: { cmd: Command }) => {
    void (async () => {
      if (m.cmd === 'start') await receiver.start();
      if (m.cmd === 'stop') await receiver.stop();
      process.send!({
        port: receiver.port,
        requests: receiver.requests.length,
        unique: m.cmd === 'stats' ? receiver.uniqueIds().length : 0,
        badSignatures: receiver.badSignatures,
      } satisfies Stats);
    })();
  });
}
