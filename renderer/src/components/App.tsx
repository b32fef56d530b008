import { useEffect, useRef } from 'react';
import { useStore } from '../store/store.js';
import { closeRequest, hidePopover, keepRights } from '../store/actions.js';
import { AgentDown } from './AgentDown.js';
import { AgentNotice } from './AgentNotice.js';
import { Announcer } from './Announcer.js';
import { GrantDetails } from './GrantDetails.js';
import { GrantEnded } from './GrantEnded.js';
import { History } from './History.js';
import { KeychainNotice } from './KeychainNotice.js';
import { LogoffCountdown } from './LogoffCountdown.js';
import { LogoutHint } from './LogoutHint.js';
import { OpenAtLogin } from './OpenAtLogin.js';
import { RequestPanel } from './RequestPanel.js';
import { StatusBar } from './StatusBar.js';
import { StopNow } from './StopNow.js';
import { fitWindowToContent } from '../store/fit-window.js';
import { useText } from '../i18n/index.js';

export function App() {
  const loaded = useStore((s) => s.loaded);
  const connected = useStore((s) => s.connection === 'connected');
  const content = useRef<HTMLElement>(null);
  const t = useText();
  const language = useStore((s) => s.locale.language);

  // Screen readers pick their voice from the page's language: German text must not be read
  // with English pronunciation.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    if (!content.current) return;
    return fitWindowToContent(content.current, window.elevate);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      // Escape backs out of an open step (stop confirmation, request form) before it closes
      // the popover, so a keyboard user never loses the window by dismissing a dialog.
      const { confirmingStop, requestOpen } = useStore.getState();
      if (confirmingStop) keepRights();
      else if (requestOpen) closeRequest();
      else hidePopover();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <main ref={content} className="popover" aria-labelledby="level-heading">
      <Announcer />
      {!loaded ? (
        <p className="muted" role="status">
          {t.app.connecting}
        </p>
      ) : (
        <>
          <AgentDown />
          <StatusBar />
          <GrantEnded />
          <GrantDetails />
          {connected && <StopNow />}
          <LogoutHint />
          <LogoffCountdown />
          <KeychainNotice />
          <AgentNotice />
          {connected && <RequestPanel />}
          <History />
          <OpenAtLogin />
        </>
      )}
    </main>
  );
}
