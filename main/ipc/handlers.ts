/**
 * What each IPC channel does, as plain async functions that take an already validated
 * argument (ipc/validate.ts) and return the channel's result. Agent refusals come back as
 * ActionResult {ok:false, message} with the agent's own sentence, which the popover shows.
 */
import type { KeyObject } from 'node:crypto';
import {
  AgentClosedError,
  AgentNoAnswerError,
  AgentUnavailableError,
} from '../../agent/client/agent-client.js';
import { clientMessages } from '../../agent/client/i18n/index.js';
import type { Locale } from '../../agent/shared/i18n/locale.js';
import type { ParamsOf } from '../../agent/protocol/schemas.js';
import type {
  ActionResult,
  AppState,
  IpcChannel,
  IpcChannels,
  RendererErrorReport,
} from '../../preload/api.js';
import type { AgentSession } from '../agent-connection.js';
import { mainMessages } from '../i18n/index.js';
import type { ConfirmPresence } from '../presence.js';

export type IpcHandlers = {
  [C in IpcChannel]: (arg: IpcChannels[C][0]) => Promise<IpcChannels[C][1]>;
};

export interface IpcHandlerDeps {
  connection: Pick<AgentSession, 'call' | 'callSigned'> & {
    applySnapshot(snapshot: unknown): boolean;
  };
  appKey: { readonly signingKey: KeyObject | null };
  getState(): AppState;
  logOut(): Promise<ActionResult>;
  setOpenAtLogin(enabled: boolean): Promise<ActionResult>;
  hidePopover(): void;
  /** Sizes the popover to its content's height (clamped there, main/popover-size.ts). */
  fitPopover(height: number): void;
  /** Writes a popover error to the log file (main/renderer-log.ts). */
  logRendererError(report: RendererErrorReport): void;
  /** macOS: Touch ID before a request when the policy asks for it (main/presence.ts). */
  confirmPresence?: ConfirmPresence;
}

/**
 * The one sentence the person reads when an action fails, in `language`: the agent's own
 * refusal (it words it in the language auth.hello named), or what a lost or silent agent means
 * for them, never a socket path or an errno.
 */
export function errorMessage(err: unknown, language: Locale = 'en'): string {
  const client = clientMessages(language);
  if (err instanceof AgentUnavailableError) return client.agentNotRunning;
  if (err instanceof AgentClosedError) return client.closed;
  if (err instanceof AgentNoAnswerError) return client.noAnswer;
  if (err instanceof Error && err.message) return err.message;
  return mainMessages(language).agent.failed;
}

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const { connection } = deps;
  const act = async (run: () => Promise<void>): Promise<ActionResult> => {
    try {
      await run();
      return { ok: true };
    } catch (err) {
      return { ok: false, message: errorMessage(err, deps.getState().locale?.language) };
    }
  };
  const createRequest = async (asked: ParamsOf<'request.create'>): Promise<void> => {
    const key = deps.appKey.signingKey;
    const confirm = deps.confirmPresence;
    const required = confirm
      ? (deps.getState().snapshot?.policy.requireAuthentication ?? 'none')
      : 'none';
    let params = asked;
    if (confirm && required !== 'none') {
      // The challenge is fresh and single-use, and the signature below covers it.
      const { challenge } = await connection.call('auth.presenceChallenge');
      params = { ...asked, presence: { challenge, method: await confirm(required) } };
    }
    const snapshot = key
      ? await connection.callSigned('request.create', params, key)
      : await connection.call('request.create', params);
    connection.applySnapshot(snapshot);
  };
  const reasonParam = (reason: string): { reason?: string } => {
    const trimmed = reason.trim();
    return trimmed ? { reason: trimmed } : {};
  };

  return {
    'elevate:get-state': async () => deps.getState(),
    'elevate:stop-now': () =>
      act(async () => {
        connection.applySnapshot(await connection.call('privilege.release'));
      }),
    'elevate:request-elevation': (input) =>
      act(() =>
        createRequest({
          kind: 'elevate',
          level: input.level,
          durationSec: input.durationSec,
          ...reasonParam(input.reason),
        }),
      ),
    'elevate:request-more-time': (input) =>
      act(() =>
        createRequest({
          kind: 'extend',
          durationSec: input.durationSec,
          ...reasonParam(input.reason),
        }),
      ),
    'elevate:cancel-request': (id) =>
      act(async () => {
        connection.applySnapshot(await connection.call('request.cancel', { id }));
      }),
    'elevate:enter-approval-code': (code) =>
      act(async () => {
        connection.applySnapshot(await connection.call('request.approveCode', { code }));
      }),
    'elevate:get-history': async (limit) => {
      const result = await connection.call('history.list', { limit });
      return result.events;
    },
    'elevate:log-out-now': () => deps.logOut(),
    'elevate:set-open-at-login': (enabled) => deps.setOpenAtLogin(enabled),
    'elevate:hide-popover': async () => deps.hidePopover(),
    'elevate:fit-content': async (size) => deps.fitPopover(size.height),
    'elevate:log': async (report) => deps.logRendererError(report),
  };
}
