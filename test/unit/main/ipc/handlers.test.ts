import { describe, expect, it } from 'vitest';
import {
  AgentClosedError,
  AgentNoAnswerError,
  AgentUnavailableError,
} from '../../../../agent/client/agent-client.js';
import { RpcError } from '../../../../agent/protocol/errors.js';
import { errorMessage } from '../../../../main/ipc/handlers.js';

describe('errorMessage: what the popover says when an action fails', () => {
  const gone = new AgentUnavailableError('/run/elevate/agent.sock', new Error('ENOENT'));

  it('says what a missing agent means, never the socket path or the errno', () => {
    expect(errorMessage(gone)).toBe(
      'The Elevate agent is not running, so your rights cannot be shown or changed right now.',
    );
    expect(errorMessage(gone, 'de')).toBe(
      'Der Elevate-Dienst läuft nicht, daher können Ihre Rechte gerade weder angezeigt noch geändert werden.',
    );
    expect(errorMessage(gone, 'de')).not.toMatch(/sock|ENOENT/);
  });

  it('tells a silent agent from one that went away mid-call, in the tray’s language', () => {
    expect(errorMessage(new AgentNoAnswerError('request.create'))).toBe(
      'The Elevate agent did not answer in time, so nothing changed: try again.',
    );
    expect(errorMessage(new AgentNoAnswerError('request.create'), 'de')).toBe(
      'Der Elevate-Dienst hat nicht rechtzeitig geantwortet, daher hat sich nichts geändert: Versuchen Sie es noch einmal.',
    );
    expect(errorMessage(new AgentClosedError(), 'de')).toMatch(
      /^Der Elevate-Dienst wurde beendet, bevor er geantwortet hat/,
    );
    expect(errorMessage(new AgentClosedError())).toMatch(/check your rights, then try again\.$/);
  });

  it("passes the agent's own refusal through as the agent worded it", () => {
    const refusal = new RpcError(-32003, 'Ihre Richtlinie erlaubt höchstens 1 Stunde.');
    expect(errorMessage(refusal, 'de')).toBe('Ihre Richtlinie erlaubt höchstens 1 Stunde.');
  });

  it('still says one sentence when there is nothing to go on', () => {
    expect(errorMessage('boom')).toBe(
      "Something went wrong talking to Elevate's background service: try again.",
    );
    expect(errorMessage(undefined, 'de')).toBe(
      'Bei der Verbindung mit dem Hintergrunddienst von Elevate ist etwas schiefgegangen: Versuchen Sie es noch einmal.',
    );
  });
});
