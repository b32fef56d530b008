/**
 * Turns whatever was thrown in the popover into the report main logs (`elevate:log`), cut to
 * the limits main accepts so a long stack is shortened rather than refused.
 */
import { RENDERER_ERROR_LIMITS, type RendererErrorReport } from '../../../preload/api.js';

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `more`: text to add under the stack (React's component stack). */
export function errorReport(
  kind: RendererErrorReport['kind'],
  thrown: unknown,
  more?: string | null,
): RendererErrorReport {
  let message: string;
  let stack: string | undefined;
  if (thrown instanceof Error) {
    message = `${thrown.name}: ${thrown.message}`;
    stack = thrown.stack;
  } else if (typeof thrown === 'string') {
    message = thrown;
  } else {
    try {
      message = `Non-error value: ${JSON.stringify(thrown) ?? String(thrown)}`;
    } catch {
      message = `Non-error value: ${String(thrown)}`;
    }
  }
  if (more) stack = stack ? `${stack}\n${more}` : more;
  return {
    kind,
    message: cut(message, RENDERER_ERROR_LIMITS.message),
    ...(stack ? { stack: cut(stack, RENDERER_ERROR_LIMITS.stack) } : {}),
  };
}

/**
 * Sends the popover's uncaught errors and unhandled rejections to main. A failed report is
 * dropped: reporting must never throw into the page again.
 */
export function reportErrorsTo(
  target: Pick<Window, 'addEventListener'>,
  send: (report: RendererErrorReport) => Promise<void>,
): void {
  const report = (r: RendererErrorReport): void => void send(r).catch(() => undefined);
  target.addEventListener('error', (e) => report(errorReport('error', e.error ?? e.message)));
  target.addEventListener('unhandledrejection', (e) =>
    report(errorReport('unhandledrejection', e.reason)),
  );
}
