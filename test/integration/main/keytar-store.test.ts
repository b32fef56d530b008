/**
 * keytar for real: a private D-Bus session and gnome-keyring (RECIPES.md "keytar for real"),
 * spawned per test with a temp HOME so no real keyring is touched.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppKey } from '../../../main/app-key.js';
import { KeychainUnavailableError } from '../../../main/credentials/credential-store.js';
import { mainMessages } from '../../../main/i18n/index.js';
import { KeytarStore } from '../../../main/credentials/keytar-store.js';
import { makeTempDir, REPO, type AgentHandle } from '../../helpers/agent-process.js';
import { withUserAndAgent } from '../../helpers/user-and-agent.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'keychain-flow.ts');

let home: string;
beforeAll(() => {
  home = makeTempDir('elevate-keyring-');
  writeFileSync(
    join(home, 'with-keyring.sh'),
    '#!/bin/bash\nprintf \'pw\' | gnome-keyring-daemon --unlock --components=secrets >/dev/null\nexec "$@"\n',
    { mode: 0o755 },
  );
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

function inKeyringSession(args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const p = spawn(
      'dbus-run-session',
      [
        '--',
        'bash',
        join(home, 'with-keyring.sh'),
        process.execPath,
        '--import',
        'tsx',
        FIXTURE,
        ...args,
      ],
      { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as Record<string, unknown>);
      } catch {
        reject(new Error(`keyring fixture exited ${code}:\n${out}\n${err}`));
      }
    });
  });
}

const service = () => `Elevate-test-${randomBytes(4).toString('hex')}`;

describe('KeytarStore against gnome-keyring', () => {
  it('stores, reads and deletes a secret', async () => {
    const r = await inKeyringSession(['roundtrip', service()]);
    expect(r.read).toBe(r.secret);
    expect(r.deleted).toBe(true);
    expect(r.after).toBeNull();
    expect(r.deletedAgain).toBe(false);
  });

  describe('with a real agent that requires signed requests', () => {
    let agent: AgentHandle;
    let user: string;
    withUserAndAgent(
      () => ({
        policy: {
          version: 1,
          defaults: {
            selfServe: true,
            approvalRequired: false,
            requireSignedRequests: true,
            requireReason: true,
          },
        },
      }),
      (made) => ({ user, agent } = made),
    );

    it('creates the key, pairs it, signs requests, re-pairs the same key and refuses another', async () => {
      const r = await inKeyringSession(['app-key', service(), agent.socket, user]);
      expect(r.loaded).toEqual({ keychain: 'ok', problem: null });
      expect(r.paired).toEqual({ keychain: 'ok', problem: null });
      expect(r.signedLevel).toBe('admin');
      expect(r.unsigned).toMatch(/^-32002 /);
      expect(r.samePublicKey).toBe(true);
      expect(r.repaired).toEqual({ keychain: 'ok', problem: null });
      expect(r.newKeyDiffers).toBe(true);
      expect((r.refused as { problem: string }).problem).toBe(
        `Elevate's background service on this computer trusts a different copy of Elevate for ${user}, so your requests are refused. Ask IT to run "elevatectl unpair ${user}", then restart Elevate.`,
      );
    });
  });
});

describe('KeytarStore without a Secret Service', () => {
  it('reports the keychain as unavailable in one sentence instead of crashing', async () => {
    const saved = { bus: process.env.DBUS_SESSION_BUS_ADDRESS, display: process.env.DISPLAY };
    delete process.env.DBUS_SESSION_BUS_ADDRESS;
    delete process.env.DISPLAY;
    try {
      const store = new KeytarStore(service());
      await expect(store.get('app-key:x')).rejects.toThrow(KeychainUnavailableError);
      const key = new AppKey(store, 'sam', { os: 'linux' });
      const status = await key.load();
      expect(status.keychain).toBe('unavailable');
      // The person reads what it means in their OS's words; the cause goes to the log only.
      expect(status.problem).toBe(
        'Your keyring is not available, so Elevate cannot sign your requests; where your organisation requires signed requests, they are refused until it is back.',
      );
      expect(status.cause).toMatch(/\S/);
      expect(key.signingKey).toBeNull();
      const german = new AppKey(store, 'sam', {
        os: 'win32',
        messages: () => mainMessages('de').appKey,
      });
      expect((await german.load()).problem).toBe(
        'Die Windows-Anmeldeinformationsverwaltung ist nicht verfügbar, daher kann Elevate Ihre Anfragen nicht signieren; wo Ihre Organisation signierte Anfragen verlangt, werden sie bis dahin abgelehnt.',
      );
    } finally {
      if (saved.bus !== undefined) process.env.DBUS_SESSION_BUS_ADDRESS = saved.bus;
      if (saved.display !== undefined) process.env.DISPLAY = saved.display;
    }
  });
});
