/**
 * CredentialStore over keytar: macOS Keychain, Windows Credential Manager, libsecret on Linux.
 * keytar is loaded lazily so a missing or broken native module shows up as "keychain
 * unavailable" (the app still shows status and Stop now) instead of a crash at start.
 */
import { createRequire } from 'node:module';
import type * as KeytarModule from 'keytar';
import { KeychainUnavailableError, type CredentialStore } from './credential-store.js';

type Keytar = typeof KeytarModule;

export const KEYTAR_SERVICE = 'Elevate';

export class KeytarStore implements CredentialStore {
  private keytar: Keytar | null = null;

  constructor(private readonly service: string = KEYTAR_SERVICE) {}

  async get(account: string): Promise<string | null> {
    return this.guard(() => this.load().getPassword(this.service, account));
  }

  async set(account: string, secret: string): Promise<void> {
    await this.guard(() => this.load().setPassword(this.service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.guard(() => this.load().deletePassword(this.service, account));
  }

  private load(): Keytar {
    // keytar is CommonJS with a native addon; require keeps it out of the ESM loader's way.
    this.keytar ??= createRequire(import.meta.url)('keytar') as Keytar;
    return this.keytar;
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw new KeychainUnavailableError(err);
    }
  }
}
