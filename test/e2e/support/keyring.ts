/**
 * A private D-Bus session with gnome-keyring, so the tray's app key goes through keytar and
 * libsecret for real (RECIPES.md) without touching any real keyring. Sets
 * DBUS_SESSION_BUS_ADDRESS for this process; stop() ends the bus, and the keyring with it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SessionKeyring {
  stop(): void;
}

export function startSessionKeyring(): SessionKeyring {
  const home = mkdtempSync(join(tmpdir(), 'elv-keyring-'));
  const out = execFileSync(
    'dbus-daemon',
    ['--session', '--fork', '--print-address=1', '--print-pid=1'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  ).split('\n');
  const address = out[0]?.trim();
  const pid = Number(out[1]);
  if (!address || !Number.isInteger(pid))
    throw new Error('dbus-daemon did not report its address and pid.');
  const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = address;
  execFileSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: 'pw',
    env: { ...process.env, HOME: home, DBUS_SESSION_BUS_ADDRESS: address },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  return {
    stop() {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
      if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
      rmSync(home, { recursive: true, force: true });
    },
  };
}
