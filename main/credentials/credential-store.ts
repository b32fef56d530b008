/** Where the tray keeps its secrets: the OS keychain in production (keytar-store.ts). */
export interface CredentialStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Returns whether there was something to delete. */
  delete(account: string): Promise<boolean>;
}

/** Thrown when the OS keychain cannot be used at all (no Secret Service, locked, denied). */
export class KeychainUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(
      `The system keychain is not available (${cause instanceof Error ? cause.message : String(cause)}), so Elevate cannot keep its app key.`,
    );
    this.name = 'KeychainUnavailableError';
  }
}
