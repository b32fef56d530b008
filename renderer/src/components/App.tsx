import { useEffect } from 'react';
import { useStore } from '../store/store.js';
import { closeRequest, hidePopover, keepRights } from '../store/actions.js';
import { AgentDown } from './AgentDown.js';
import { AgentNotice } from './AgentNotice.js';
import { Announcer } from './Announcer.js';
import { Countdown } from './Countdown.js';
import { GrantDetails } from './GrantDetails.js';
import { GrantEnded } from './GrantEnded.js';
import { History } from './History.js';
import { KeychainNotice } from './KeychainNotice.js';
import { LevelHeading } from './LevelHeading.js';
import { LogoutHint } from './LogoutHint.js';
import { OpenAtLogin } from './OpenAtLogin.js';
import { RequestPanel } from './RequestPanel.js';
import { StopNow } from './StopNow.js';

export function App() {
  const loaded = useStore((s) => s.loaded);
  const connected = useStore((s) => s.connection === 'connected');

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
    <main className="popover" aria-labelledby="level-heading">
      <Announcer />
      {!loaded ? (
        <p className="muted" role="status">
          Connecting to the Elevate agent…
        </p>
      ) : (
        <>
          <AgentDown />
          <LevelHeading />
          <GrantEnded />
          <Countdown />
          <GrantDetails />
          {connected && <StopNow />}
          <LogoutHint />
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
