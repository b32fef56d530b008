import { allowanceText } from '../logic/allowance.js';
import { editReason } from '../store/actions.js';
import { useStore } from '../store/store.js';
import { messagesFor, useText } from '../i18n/index.js';

/** The policy's preset reasons as choices (reasonPresets), filling the reason field. */
export function ReasonPresets({ name }: { name: string }) {
  const presets = useStore((s) => s.snapshot?.policy.reasonPresets ?? []);
  const reason = useStore((s) => s.reason);
  const t = useText().form;
  if (presets.length === 0) return null;
  return (
    <fieldset>
      <legend>{t.reason}</legend>
      {presets.map((p) => (
        <label key={p} className="choice">
          <input
            type="radio"
            name={name}
            value={p}
            checked={reason === p}
            onChange={() => editReason(p)}
          />
          {p}
        </label>
      ))}
    </fieldset>
  );
}

/** How much admin time the policy's caps still allow (maxElevatedSecPer*). */
export function AllowanceLine() {
  const text = useStore((s) =>
    allowanceText(s.snapshot?.allowance, undefined, messagesFor(s.locale.language), s.locale),
  );
  return text ? <p className="muted">{text}</p> : null;
}
