import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditForwarder } from '../../../agent/forward/forwarder.js';
import { ForwardPolicySchema } from '../../../agent/forward/policy-schema.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('crash safety', () => {
  const dir = mkdtempSync(join(tmpdir(), 'elv-fwd-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('after SIGKILL mid-enqueue, every event whose enqueue returned is delivered, in order', async () => {
    const ids: string[] = [];
    const server = http.createServer((req, res) => {
      ids.push(String(req.headers['x-elevate-event-id']));
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    const stateDir = mkdtempSync(join(dir, 'state-'));

    // The child's sink points at a closed port: everything it enqueues stays in the outbox.
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'enqueue-child.ts')], {
      env: { ...process.env, STATE_DIR: stateDir, PORT: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        if (out.split('\n').length > 300) resolve();
      });
    });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    // Complete lines only (a pipe write of one short line is atomic, so none is torn).
    const acknowledged = out.split('\n').slice(0, -1);

    const fwd = new AuditForwarder({
      stateDir,
      sinks: ForwardPolicySchema.parse([
        { name: 'crash', type: 'webhook', url: `http://127.0.0.1:${port}/` },
      ]),
      retry: { baseMs: 20, maxMs: 100 },
    });
    fwd.start();
    const until = Date.now() + 20_000;
    while (fwd.status()[0]!.pending > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await fwd.stop();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    // All acknowledged events, in order; at most one more (written, killed before printing).
    expect(ids.slice(0, acknowledged.length)).toEqual(acknowledged);
    expect(ids.length - acknowledged.length).toBeLessThanOrEqual(1);
  });
});
