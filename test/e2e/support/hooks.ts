/** The vitest hooks every popover e2e file registers. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ensureBuilt } from './build.js';
import { teardownRigs } from './rig.js';

/** The built app before the file's tests; each test's rigs torn down after it. */
export function useRigs(): void {
  beforeAll(() => ensureBuilt(), 180_000);
  afterEach(() => teardownRigs());
}

/**
 * No Secret Service in the calling scope: keytar fails at once instead of waiting for a
 * keyring, the real "keychain unavailable" path.
 */
export function withoutSecretService(): void {
  const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
  beforeAll(() => {
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/elevate-e2e-bus';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
  });
}
