import { endedNotice } from '../logic/grant-ended.js';
import { useStore } from '../store/store.js';
import { useShallow } from 'zustand/react/shallow';

/** Who ended the person's rights and why, as the administrator wrote it. */
export function GrantEnded() {
  const notice = useStore(useShallow((s) => (s.snapshot ? endedNotice(s.snapshot) : null)));
  if (!notice) return null;
  return (
    <section className="banner banner-info" data-testid="grant-ended">
      <p>{notice.text}</p>
      {notice.reason && <p>Reason: “{notice.reason}”</p>}
    </section>
  );
}
