/**
 * The tray's app key (PROTOCOL.md "App keys"): an Ed25519 key pair made on first run, the
 * private half kept in the OS keychain, the public half paired with the agent, and used to
 * sign request.create so that only the real app can ask for rights in the person's name.
 * Without a keychain the app still works for status and Stop now; requests go unsigned and
 * the agent refuses them only where policy demands a signature.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { ErrorCode, RpcError } from '../agent/protocol/errors.js';
import type { KeychainState } from '../preload/api.js';
import type { CredentialStore } from './credentials/credential-store.js';
import { en } from './i18n/en.js';
import type { MainMessages } from './i18n/index.js';

export interface PairingSession {
  call(method: 'auth.pair', params: { publicKey: string; client?: string }): Promise<unknown>;
}

export interface AppKeyStatus {
  keychain: KeychainState;
  /** One sentence for the person, or null. */
  problem: string | null;
  /** What the keychain itself said, for the log (never shown: it names internals). */
  cause?: string;
}

export interface AppKeyOptions {
  /** The sentences in the person's language (main/i18n); English when absent. */
  messages?: () => MainMessages['appKey'];
  /** Which OS's secure store to name; this one when absent. */
  os?: NodeJS.Platform;
}

export function keyAccount(user: string): string {
  return `app-key:${user}`;
}
/** The public key last paired successfully for this user, to tell "same key" from "another key". */
export function pairedAccount(user: string): string {
  return `paired-key:${user}`;
}

export class AppKey {
  private privateKey: KeyObject | null = null;
  private publicKeyB64: string | null = null;
  private status: AppKeyStatus = { keychain: 'unknown', problem: null };

  constructor(
    private readonly store: CredentialStore,
    private readonly user: string,
    private readonly opts: AppKeyOptions = {},
  ) {}

  private text(): MainMessages['appKey'] {
    return this.opts.messages?.() ?? en.appKey;
  }

  get state(): AppKeyStatus {
    return this.status;
  }

  /** The signing key, or null when the keychain is unavailable. */
  get signingKey(): KeyObject | null {
    return this.privateKey;
  }

  get publicKey(): string | null {
    return this.publicKeyB64;
  }

  /** Reads the key from the keychain, creating and storing one on first run. */
  async load(): Promise<AppKeyStatus> {
    try {
      const stored = await this.store.get(keyAccount(this.user));
      let key: KeyObject;
      if (stored) {
        key = createPrivateKey({
          key: Buffer.from(stored, 'base64'),
          format: 'der',
          type: 'pkcs8',
        });
      } else {
        key = generateKeyPairSync('ed25519').privateKey;
        const pkcs8 = key.export({ format: 'der', type: 'pkcs8' }).toString('base64');
        await this.store.set(keyAccount(this.user), pkcs8);
      }
      this.privateKey = key;
      this.publicKeyB64 = createPublicKey(key)
        .export({ format: 'der', type: 'spki' })
        .toString('base64');
      this.status = { keychain: 'ok', problem: null };
    } catch (err) {
      this.privateKey = null;
      this.publicKeyB64 = null;
      const os = this.opts.os ?? process.platform;
      this.status = {
        keychain: 'unavailable',
        problem: this.text().unavailable(os === 'darwin' || os === 'win32' ? os : 'linux'),
        cause: (err as Error).message,
      };
    }
    return this.status;
  }

  /**
   * Pairs the public key with the agent (trust on first use). "Already paired" is fine when
   * it is this key; when the agent holds another key, only IT can clear it.
   */
  async pair(session: PairingSession, client = 'elevate-tray'): Promise<AppKeyStatus> {
    const publicKey = this.publicKeyB64;
    if (!publicKey) return this.status;
    try {
      await session.call('auth.pair', { publicKey, client });
      await this.rememberPaired(publicKey);
      return this.status;
    } catch (err) {
      if (!(err instanceof RpcError) || err.code !== ErrorCode.Conflict) throw err;
      if (await this.isSameKey(err, publicKey)) return this.status;
      this.status = { keychain: this.status.keychain, problem: this.text().otherCopy(this.user) };
      return this.status;
    }
  }

  private async isSameKey(err: RpcError, publicKey: string): Promise<boolean> {
    const data = err.data as { publicKey?: unknown; sameKey?: unknown } | undefined;
    if (data?.sameKey === true || data?.publicKey === publicKey) return true;
    if (data?.sameKey === false || typeof data?.publicKey === 'string') return false;
    // The agent did not say which key it holds: trust our own record of the last pairing.
    try {
      return (await this.store.get(pairedAccount(this.user))) === publicKey;
    } catch {
      return false;
    }
  }

  private async rememberPaired(publicKey: string): Promise<void> {
    try {
      await this.store.set(pairedAccount(this.user), publicKey);
    } catch {
      // Only an optimisation for telling keys apart later; the pairing itself succeeded.
    }
  }
}
