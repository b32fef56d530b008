import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorReport } from '../logic/error-report.js';
import { text } from '../i18n/index.js';

/**
 * A render error anywhere below: the log gets it (with React's component stack), the person
 * gets one sentence instead of a blank window.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    void window.elevate
      .reportError(errorReport('render', error, info.componentStack))
      .catch(() => undefined);
  }

  override render(): ReactNode {
    if (this.state.failed) {
      // Inside the popover's own frame, so the sentence keeps its margins.
      return (
        <main className="popover">
          <p role="alert">{text().app.failed}</p>
        </main>
      );
    }
    return this.props.children;
  }
}
