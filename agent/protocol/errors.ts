/** JSON-RPC and agent error codes from PROTOCOL.md. Names are part of the contract. */
import type { Place } from '../shared/i18n/dates.js';
import type { Locale } from '../shared/i18n/locale.js';

export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  Unauthenticated: -32001,
  Forbidden: -32002,
  NotFound: -32003,
  Conflict: -32004,
  RateLimited: -32005,
  OsRefused: -32010,
} as const;
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An error that crosses the wire: `message` is one sentence a person can read as it is, in
 * English; `say`, where given (agent/i18n agentError), words it in the client's language, with
 * times in the client's locale and time zone (`place`; UTC when the client named none).
 */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
    readonly say?: (locale: Locale, place?: Place) => string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}
