import { endedNotice } from '../logic/grant-ended.js';
import { useStore } from '../store/store.js';
import { useShallow } from 'zustand/react/shallow';
import { messagesFor } from '../i18n/index.js';

/** Who ended the person's rights and why, as the administrator wrote it. */
export function GrantEnded() {
  const notice = useStore(
    useShallow((s) =>
      s.snapshot
        ? endedNotice(s.snapshot, undefined, messagesFor(s.locale.language), s.locale.intl)
        : null,
    ),
  );
  const t = useStore((s) => messagesFor(s.locale.language));
  if (!notice) return null;
  return (
    <section className="banner banner-info" data-testid="grant-ended">
      <p>{notice.text}</p>
      {notice.reason && <p>{t.details.endedReason(notice.reason)}</p>}
    </section>
  );
}
