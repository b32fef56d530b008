/**
 * The phone call with the help desk: the request code to read out, and a field for the
 * approval code they read back. A typo is caught here by the code's check character, so it
 * never costs one of the request's few tries at the agent.
 */
import { useId, useState, type FormEvent } from 'react';
import { APPROVAL_CODE_LENGTH, readCheckedCode } from '../../../agent/codes/code-alphabet.js';
import { enterApprovalCode } from '../store/actions.js';
import { useStore } from '../store/store.js';
import { useText } from '../i18n/index.js';
import type { PopoverMessages } from '../i18n/en.js';

function typoMessage(typed: string, t: PopoverMessages['code']): string | null {
  if (typed.trim() === '') return null;
  const checked = readCheckedCode(typed, APPROVAL_CODE_LENGTH);
  if (checked.ok) return null;
  if (checked.problem === 'length') return t.length;
  if (checked.problem === 'characters') return t.characters;
  return t.typo;
}

export function ApprovalCode({ requestCode }: { requestCode: string }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const busy = useStore((s) => s.busy === 'code');
  const error = useStore((s) => (s.busy === null ? s.actionError : null));
  const deviceId = useStore((s) => s.snapshot?.platform.deviceId ?? null);
  const t = useText().code;
  const problem = tried ? typoMessage(typed, t) : null;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setTried(true);
    if (typed.trim() === '' || typoMessage(typed, t) !== null) return;
    void enterApprovalCode(typed).then((ok) => {
      if (ok) setTyped('');
    });
  };

  return (
    <form className="approval-code" onSubmit={submit} noValidate aria-label={t.label}>
      <p>{t.call}</p>
      <p
        className="request-code"
        data-testid="request-code"
        aria-label={t.spoken(spell(requestCode))}
      >
        {requestCode}
      </p>
      {deviceId && <p className="muted fine-print">{t.computer(deviceId)}</p>}
      <label htmlFor={`${id}-code`} className="field-label">
        {t.field}
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
        {problem ?? error ?? t.help}
      </p>
      <button type="submit" className="primary" disabled={busy || typed.trim() === ''}>
        {busy ? t.checking : t.approve}
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
