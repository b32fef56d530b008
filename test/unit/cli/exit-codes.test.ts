import { describe, it, expect } from 'vitest';
import { AgentUnavailableError } from '../../../agent/client/agent-client.js';
import { ExitCode, exitCodeFor } from '../../../agent/cli/exit-codes.js';
import { UsageError } from '../../../agent/cli/usage-error.js';
import { ErrorCode, RpcError } from '../../../agent/protocol/errors.js';

describe('exitCodeFor', () => {
  it('maps failures to the documented codes', () => {
    expect(exitCodeFor(new UsageError('x'))).toBe(ExitCode.Usage);
    expect(exitCodeFor(new RpcError(ErrorCode.Unauthenticated, 'x'))).toBe(ExitCode.NotAuthorised);
    expect(exitCodeFor(new RpcError(ErrorCode.Forbidden, 'x'))).toBe(ExitCode.NotAuthorised);
    expect(exitCodeFor(new RpcError(ErrorCode.Conflict, 'x'))).toBe(ExitCode.Conflict);
    expect(exitCodeFor(new RpcError(ErrorCode.InvalidParams, 'x'))).toBe(ExitCode.Usage);
    expect(exitCodeFor(new RpcError(ErrorCode.RateLimited, 'x'))).toBe(ExitCode.Error);
    expect(exitCodeFor(new RpcError(ErrorCode.NotFound, 'x'))).toBe(ExitCode.Error);
    expect(exitCodeFor(new AgentUnavailableError('/x', null))).toBe(ExitCode.Error);
    expect(exitCodeFor(new Error('boom'))).toBe(ExitCode.Error);
  });
});
