/**
 * Loads the app key without holding back start-up: a locked keyring or a keychain prompt can
 * take as long as the person wants, and the tray, the popover and the agent connection must
 * not wait for it (status and Stop now need no key). Once the key is there, it is paired on
 * the live connection, or on the next one.
 */
import type { ConnectionView } from './agent-connection.js';
import type { AppKeyStatus, PairingSession } from './app-key.js';

export interface KeyLoader {
  load(): Promise<AppKeyStatus>;
  pair(session: PairingSession): Promise<AppKeyStatus>;
}

export interface LiveConnection extends PairingSession {
  readonly state: ConnectionView;
  on(event: 'change', listener: (view: ConnectionView) => void): unknown;
  off(event: 'change', listener: (view: ConnectionView) => void): unknown;
}

export function loadAppKeyInBackground(
  appKey: KeyLoader,
  connection: LiveConnection,
  onStatus: (status: AppKeyStatus) => void,
  warn: (message: string) => void,
): Promise<void> {
  const pairNow = (): void => {
    appKey.pair(connection).then(onStatus, (err: unknown) => {
      warn(`pairing failed: ${(err as Error).message}`);
    });
  };
  return appKey.load().then(
    (status) => {
      onStatus(status);
      if (status.problem)
        warn(status.cause ? `${status.problem} (${status.cause})` : status.problem);
      // A connection made while the keychain was still answering did not pair: pair now.
      if (connection.state.connection === 'connected') return pairNow();
      const once = (view: ConnectionView): void => {
        if (view.connection !== 'connected') return;
        connection.off('change', once);
        pairNow();
      };
      connection.on('change', once);
    },
    (err: unknown) => warn(`the app key could not be loaded: ${(err as Error).message}`),
  );
}
