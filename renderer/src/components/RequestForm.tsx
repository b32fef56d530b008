import { useEffect, useId, useRef } from 'react';
import type { RequestOffer } from '../logic/durations.js';
import { checkReason } from '../logic/reason.js';
import { AllowanceLine, ReasonPresets } from './ReasonPresets.js';
import {
  chooseDuration,
  chooseLevel,
  closeRequest,
  editReason,
  submitRequest,
} from '../store/actions.js';
import { useStore } from '../store/store.js';
import { useWords } from '../i18n/index.js';

type Offer = Exclude<RequestOffer, { kind: 'none' }>;

export function RequestForm({ offer }: { offer: Offer }) {
  const policy = useStore((s) => s.snapshot?.policy ?? null);
  const durationSec = useStore((s) => s.durationSec);
  const level = useStore((s) => s.level);
  const reason = useStore((s) => s.reason);
  const busy = useStore((s) => s.busy === 'request');
  const error = useStore((s) => s.actionError);
  const approval = useStore((s) => !s.snapshot?.policy.selfServe);
  const changedFrom = useStore((s) => s.requestChangedFrom);
  // An offer to extend comes with a grant.
  const heldLevel = useStore((s) => s.snapshot?.grant?.level ?? 'admin');
  const w = useWords();
  const t = w.t.request;
  const f = w.t.form;
  const firstRef = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => firstRef.current?.focus(), []);
  if (!policy) return null;

  const check = checkReason(reason, policy, w.t);
  const showProblem = reason.length > 0 && check.message !== null;
  const title = offer.kind === 'extend' ? t.titleExtend : t.titleElevate;
  // Self-service grants at once: the button says so, instead of "send" and wait.
  const submitLabel = busy
    ? approval
      ? t.sending
      : t.getting
    : approval
      ? t.send
      : offer.kind === 'extend'
        ? t.addNow(durationSec === null ? '' : w.duration(durationSec))
        : t.getNow(level ?? offer.levels[0] ?? 'admin');
  return (
    <form
      className="request-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submitRequest();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {changedFrom && (
        // The form's meaning changed under the person (a grant started or ended): say so.
        <p className="banner banner-info" role="status" data-testid="form-changed">
          {offer.kind === 'extend'
            ? t.changedToExtend(w.t.level.rights[heldLevel])
            : t.changedToElevate}
        </p>
      )}
      {offer.kind === 'elevate' && offer.levels.length > 1 && (
        <fieldset>
          <legend>{f.level}</legend>
          {offer.levels.map((l, i) => (
            <label key={l} className="choice">
              <input
                ref={i === 0 ? firstRef : undefined}
                type="radio"
                name={`${id}-level`}
                value={l}
                checked={level === l}
                onChange={() => chooseLevel(l)}
              />
              {w.level(l)}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{offer.kind === 'extend' ? f.add : f.for}</legend>
        <div className="choices">
          {offer.durations.map((d, i) => (
            <label key={d} className="choice">
              <input
                ref={
                  i === 0 && !(offer.kind === 'elevate' && offer.levels.length > 1)
                    ? firstRef
                    : undefined
                }
                type="radio"
                name={`${id}-duration`}
                value={d}
                checked={durationSec === d}
                onChange={() => chooseDuration(d)}
              />
              {w.duration(d)}
            </label>
          ))}
        </div>
      </fieldset>
      <ReasonPresets name={`${id}-preset`} />
      <label htmlFor={`${id}-reason`} className="field-label">
        {policy.requireReason ? f.reason : f.reasonOptional}
      </label>
      <textarea
        id={`${id}-reason`}
        rows={3}
        value={reason}
        onChange={(e) => editReason(e.currentTarget.value)}
        aria-invalid={showProblem}
        aria-describedby={`${id}-reason-help ${id}-reason-count`}
        required={policy.requireReason}
        readOnly={policy.reasonPresetsOnly === true}
      />
      <div className="field-help">
        <span id={`${id}-reason-help`} className={showProblem ? 'error' : 'muted'}>
          {showProblem
            ? check.message
            : policy.requireReason
              ? f.atLeast(policy.reasonMinLength)
              : f.helps}
        </span>
        <span
          id={`${id}-reason-count`}
          className={`counter ${check.length > policy.reasonMaxLength ? 'error' : 'muted'}`}
          aria-label={f.counted(check.length, policy.reasonMaxLength)}
        >
          {check.counter}
        </span>
      </div>
      <AllowanceLine />
      <p className="muted">{approval ? t.approvalNeeded : t.selfServe}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={!check.valid || busy || durationSec === null}
        >
          {submitLabel}
        </button>
        <button type="button" onClick={closeRequest} disabled={busy}>
          {f.cancel}
        </button>
      </div>
    </form>
  );
}
