/**
 * The phone call with the help desk: the request code to read out, and a field for the
 * approval code they read back. A typo is caught here by the code's check character, so it
 * never costs one of the request's few tries at the agent.
 */
import { useId, useState, type FormEvent } from 'react';
import { APPROVAL_CODE_LENGTH, readCheckedCode } from '../../../agent/codes/code-alphabet.js';
import { enterApprovalCode } from '../store/actions.js';
import { useStore } from '../store/store.js';

function typoMessage(typed: string): string | null {
  if (typed.trim() === '') return null;
  const checked = readCheckedCode(typed, APPROVAL_CODE_LENGTH);
  if (checked.ok) return null;
  if (checked.problem === 'length') return 'An approval code has 10 characters, like ABCDE-FGHJK.';
  if (checked.problem === 'characters')
    return 'Use only the letters and digits the help desk reads out.';
  return 'That code has a typo: read it back to the help desk and check each character.';
}

export function ApprovalCode({ requestCode }: { requestCode: string }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const busy = useStore((s) => s.busy === 'code');
  const error = useStore((s) => (s.busy === null ? s.actionError : null));
  const deviceId = useStore((s) => s.snapshot?.platform.deviceId ?? null);
  const problem = tried ? typoMessage(typed) : null;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setTried(true);
    if (typed.trim() === '' || typoMessage(typed) !== null) return;
    void enterApprovalCode(typed).then((ok) => {
      if (ok) setTyped('');
    });
  };

  return (
    <form className="approval-code" onSubmit={submit} noValidate aria-label="Approval by phone">
      <p>Call your help desk and read them this code:</p>
      <p
        className="request-code"
        data-testid="request-code"
        aria-label={`Request code ${spell(requestCode)}`}
      >
        {requestCode}
      </p>
      {deviceId && <p className="muted fine-print">This computer: {deviceId}</p>}
      <label htmlFor={`${id}-code`} className="field-label">
        Approval code they read back
      </label>
      <input
        id={`${id}-code`}
        type="text"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        placeholder="ABCDE-FGHJK"
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-code-help`}
      />
      <p
        id={`${id}-code-help`}
        className={problem || error ? 'error' : 'muted fine-print'}
        role={problem || error ? 'alert' : undefined}
      >
        {problem ?? error ?? 'Letters and digits; dashes and spaces are ignored.'}
      </p>
      <button type="submit" className="primary" disabled={busy || typed.trim() === ''}>
        {busy ? 'Checking…' : 'Approve with code'}
      </button>
    </form>
  );
}

/** Screen readers read "K 7 Q F, 2 M 9 X" rather than a word. */
function spell(code: string): string {
  return code
    .split('-')
    .map((part) => part.split('').join(' '))
    .join(', ');
}
