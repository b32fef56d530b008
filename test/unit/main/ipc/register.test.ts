import { describe, expect, it, vi } from 'vitest';
vi.mock('electron', async () => await import('../fake-electron.js'));
import type { IpcMain } from 'electron';
import { ipcMain } from '../fake-electron.js';
import { registerIpcHandlers } from '../../../../main/ipc/register.js';
import type { IpcHandlers } from '../../../../main/ipc/handlers.js';
import { UntrustedSenderError } from '../../../../main/ipc/sender-guard.js';

const POPOVER = 'file:///app/dist/renderer/index.html';

function setup(): { received: unknown[]; warnings: string[] } {
  const received: unknown[] = [];
  const warnings: string[] = [];
  const ok = async (arg: unknown) => {
    received.push(arg);
    return { ok: true as const };
  };
  const handlers = {
    'elevate:get-state': ok,
    'elevate:stop-now': ok,
    'elevate:request-elevation': ok,
    'elevate:request-more-time': ok,
    'elevate:cancel-request': ok,
    'elevate:enter-approval-code': ok,
    'elevate:get-history': async () => [],
    'elevate:log-out-now': ok,
    'elevate:set-open-at-login': ok,
    'elevate:hide-popover': async () => undefined,
    'elevate:fit-content': async () => undefined,
    'elevate:log': ok,
  } as unknown as IpcHandlers;
  ipcMain.handlers.clear();
  registerIpcHandlers(
    ipcMain as unknown as IpcMain,
    handlers,
    () => ({ webContents: POPOVER_CONTENTS, mainFrame: { routingId: 1, processId: 1 } }),
    (m) => warnings.push(m),
  );
  return { received, warnings };
}
const POPOVER_CONTENTS = { popover: true };
/** An IPC event from the popover's page (main frame, or an iframe) or from another page. */
const event = (url: string, isMain = true) => ({
  sender: url === POPOVER ? POPOVER_CONTENTS : { other: true },
  senderFrame: { url, routingId: isMain ? 1 : 2, processId: 1 },
});
const invoke = (channel: string, ev: unknown, arg?: unknown) => {
  const h = ipcMain.handlers.get(channel) as
    ((e: unknown, a: unknown) => Promise<unknown>) | undefined;
  if (!h) throw new Error(`no handler for ${channel}`);
  return h(ev, arg);
};

describe('registerIpcHandlers', () => {
  it('registers one handler per channel', () => {
    setup();
    expect(ipcMain.handlers.size).toBe(12);
  });

  it('passes validated arguments from the popover to the handler', async () => {
    const { received } = setup();
    await expect(invoke('elevate:cancel-request', event(POPOVER), 'r_1')).resolves.toEqual({
      ok: true,
    });
    expect(received).toEqual(['r_1']);
  });

  it('rejects a foreign sender before looking at the argument', () => {
    const { received, warnings } = setup();
    expect(() => invoke('elevate:stop-now', event('https://evil.example/'))).toThrow(
      UntrustedSenderError,
    );
    expect(() => invoke('elevate:stop-now', event(POPOVER, false))).toThrow(UntrustedSenderError);
    expect(() => invoke('elevate:stop-now', { senderFrame: null })).toThrow(UntrustedSenderError);
    expect(received).toEqual([]);
    expect(warnings[0]).toContain('refused elevate:stop-now from https://evil.example/');
  });

  it('takes log reports from the popover only, checked and bounded', async () => {
    const { received, warnings } = setup();
    const report = { kind: 'error', message: 'TypeError: x is undefined' };
    expect(() => invoke('elevate:log', event('https://evil.example/'), report)).toThrow(
      UntrustedSenderError,
    );
    expect(() => invoke('elevate:log', event(POPOVER, false), report)).toThrow(
      UntrustedSenderError,
    );
    expect(() =>
      invoke('elevate:log', event(POPOVER), { kind: 'error', message: 'x'.repeat(5000) }),
    ).toThrow(/invalid value/);
    await invoke('elevate:log', event(POPOVER), report);
    expect(received).toEqual([report]);
    expect(warnings).toHaveLength(2);
  });

  it('rejects an invalid argument from the popover', () => {
    const { received } = setup();
    expect(() => invoke('elevate:get-history', event(POPOVER), 'all')).toThrow(/invalid value/);
    expect(received).toEqual([]);
  });
});
