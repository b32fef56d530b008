import { describe, expect, it } from 'vitest';
import { AgentNoAnswerError, AgentUnavailableError } from '../../../agent/client/agent-client.js';
import { RpcError } from '../../../agent/protocol/errors.js';
import { unreachableProblem, versionMismatch } from '../../../main/agent-problem.js';

describe('versionMismatch', () => {
  it('says nothing when the agent and the app come from one release', () => {
    expect(versionMismatch('1.2.0', '1.2.0')).toBeNull();
    expect(versionMismatch('1.2.0', '1.2.0', 'de')).toBeNull();
  });

  it('says plainly which versions differ, and what to do', () => {
    expect(versionMismatch('1.1.0', '1.2.0')).toBe(
      "This Elevate app is version 1.2.0, but Elevate's background service on this computer is version 1.1.0: ask your IT support to install both from the same release.",
    );
    expect(versionMismatch(null, '1.2.0')).toContain('is an older version');
  });

  it('says it in the language the tray speaks', () => {
    expect(versionMismatch('1.1.0', '1.2.0', 'de')).toBe(
      'Diese Elevate-App hat Version 1.2.0, der Hintergrunddienst von Elevate auf diesem Computer aber Version 1.1.0: Bitten Sie Ihren IT-Support, beide aus demselben Release zu installieren.',
    );
    expect(versionMismatch(null, '1.2.0', 'de')).toContain('aber eine ältere Version');
  });
});

describe('unreachableProblem', () => {
  const gone = new AgentUnavailableError('/run/elevate/agent.sock', new Error('ENOENT'));

  it('says what a missing or uninstalled agent means, never the socket or the errno', () => {
    expect(unreachableProblem('not-running', gone, 'en')).toBe(
      'The Elevate agent is not running, so your rights cannot be shown or changed right now.',
    );
    expect(unreachableProblem('not-installed', gone, 'de')).toMatch(
      /^Auf diesem Computer ist kein Elevate-Dienst installiert.*elevate-agent zu installieren\.$/,
    );
  });

  it("passes on the agent's own refusal, and says a silent agent is silent", () => {
    const refused = new RpcError(-32001, 'Der Cookie passt nicht.');
    expect(unreachableProblem('other', refused, 'de')).toBe(
      'Der Hintergrunddienst von Elevate hat die Verbindung abgelehnt: Der Cookie passt nicht.',
    );
    expect(unreachableProblem('other', new AgentNoAnswerError('auth.hello'), 'en')).toBe(
      'The Elevate agent did not answer in time, so nothing changed: try again.',
    );
    expect(unreachableProblem('other', new Error('EPIPE'), 'en')).toBe(
      "Something went wrong talking to Elevate's background service: try again.",
    );
  });
});
