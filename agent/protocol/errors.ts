/** JSON-RPC and agent error codes from PROTOCOL.md. Names are part of the contract. */
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

/** An error that crosses the wire: `message` is one sentence a person can read as it is. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export const AUTH_FAILED_MESSAGE = 'Authentication failed: the proof or the user is not valid.';
