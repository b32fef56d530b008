/**
 * Registers the IPC handlers with ipcMain: each call passes the sender check, then argument
 * validation, then the handler. Anything refused is thrown, which rejects in the renderer.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { IpcChannel } from '../../preload/api.js';
import type { IpcHandlers } from './handlers.js';
import { isTrustedSender, UntrustedSenderError, type TrustedPopover } from './sender-guard.js';
import { IPC_CHANNELS, validateIpcArgument } from './validate.js';

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  /** The popover's WebContents and main frame now (null once it is gone). */
  popover: () => TrustedPopover | null,
  warn: (message: string) => void,
): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, arg: unknown) =>
      dispatch(channel, event, arg),
    );
  }

  function dispatch<C extends IpcChannel>(
    channel: C,
    event: IpcMainInvokeEvent,
    arg: unknown,
  ): Promise<unknown> {
    if (!isTrustedSender(event, popover())) {
      warn(`refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
      throw new UntrustedSenderError(channel);
    }
    const value = validateIpcArgument(channel, arg);
    return (handlers[channel] as (a: typeof value) => Promise<unknown>)(value);
  }
}
