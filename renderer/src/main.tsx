import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickLocale } from '../../agent/shared/i18n/locale.js';
import { App } from './components/App.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { messagesFor } from './i18n/index.js';
import { reportErrorsTo } from './logic/error-report.js';
import { startBridge } from './store/bridge.js';
import { startClock } from './store/clock.js';

const root = document.getElementById('root');
if (!root) throw new Error('The popover page has no #root element.');

startClock();
if (window.elevate) {
  reportErrorsTo(window, (report) => window.elevate.reportError(report));
  startBridge(window.elevate);
} else {
  // Opened outside the app (no preload): say so instead of showing an empty window, in the
  // browser's language, as main is not there to say which.
  const language = pickLocale(navigator.languages);
  document.documentElement.lang = language;
  root.textContent = messagesFor(language).app.outsideApp;
}
if (window.elevate) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
