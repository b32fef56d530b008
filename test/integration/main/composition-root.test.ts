/**
 * main/index.ts, the composition root, with the recording `electron` stand-in and a real agent:
 * it must register every IPC channel behind the sender check, draw the tray from the agent's
 * state, follow a grant as it happens, run Stop now from the popover, and push AppState to
 * the window. electron-log needs the Electron runtime, so logging writes to an array here.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => await import('../../unit/main/fake-electron.js'));
vi.mock('../../../main/logging.js', () => ({
  setupLogging: () => (scope: string) => {
    const write =
      (level: string) =>
      (...args: unknown[]) =>
        logLines.push(`${level} [${scope}] ${args.join(' ')}`);
    return { info: write('info'), warn: write('warn'), error: write('error') };
  },
}));
const logLines: string[] = [];

import { AgentClient } from '../../../agent/client/agent-client.js';
import { IPC_CHANNELS } from '../../../main/ipc/validate.js';
import { app, BrowserWindow, callsTo, ipcMain } from '../../unit/main/fake-electron.js';
import {
  makeTempDir,
  REPO,
  startAgentProcess,
  type AgentHandle,
} from '../../helpers/agent-process.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';
import { waitFor } from '../../helpers/until.js';

interface MenuTemplateItem {
  id: string;
  label?: string;
  click?: () => void;
}

function notifications(): string[] {
  return callsTo('notification', 'show').map((c) => (c.args[0] as { title: string }).title);
}

function lastMenu(): MenuTemplateItem[] {
  const menus = callsTo('tray', 'setContextMenu');
  return (menus.at(-1)?.args[0] as { template: MenuTemplateItem[] } | undefined)?.template ?? [];
}

/** Waits for what the tray shows; a timeout prints the tray's log so far. */
const until = <T>(what: string, probe: () => T | undefined | false): Promise<T> =>
  waitFor(() => `${what}; log:\n${logLines.join('\n')}`, probe, { everyMs: 25 });

describe('main/index.ts with a real agent', () => {
  let agent: AgentHandle;
  let admin: AgentClient;
  let user: string;
  let configHome: string;
  let systemConfig: string;
  const saved = { ...process.env };
  // The one popover window main/index.ts created (fake electron): its WebContents and frame.
  const fromPopover = {
    get sender() {
      return BrowserWindow.created[0]!.webContents;
    },
    get senderFrame() {
      return BrowserWindow.created[0]!.webContents.mainFrame;
    },
  };

  beforeAll(async () => {
    user = createUser();
    agent = await startAgentProcess({
      policy: { version: 1, defaults: { selfServe: true, approvalRequired: false } },
    });
    admin = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    process.env.ELEVATE_SOCKET = agent.socket;
    process.env.ELEVATE_USER = user;
    // No Secret Service here: the app must still run, with the keychain reported unavailable.
    delete process.env.DBUS_SESSION_BUS_ADDRESS;
    delete process.env.DISPLAY;
    configHome = makeTempDir('elevate-xdg-');
    process.env.XDG_CONFIG_HOME = configHome;
    // The machine-wide entry the tray deb installs, in a config dir of its own.
    systemConfig = makeTempDir('elevate-xdg-system-');
    mkdirSync(join(systemConfig, 'autostart'));
    copyFileSync(
      join(REPO, 'packaging/linux/elevate-autostart.desktop'),
      join(systemConfig, 'autostart/elevate.desktop'),
    );
    process.env.XDG_CONFIG_DIRS = systemConfig;
    app.appPath = REPO;
    await import('../../../main/index.js');
  });

  afterAll(async () => {
    app.emit('before-quit');
    admin?.close();
    await agent?.stop();
    agent?.cleanup();
    if (user) deleteUser(user);
    process.env = saved;
    rmSync(configHome, { recursive: true, force: true });
    rmSync(systemConfig, { recursive: true, force: true });
  });

  it('registers every IPC channel and draws the tray from the agent', async () => {
    await until('IPC handlers', () => ipcMain.handlers.size === IPC_CHANNELS.length);
    const status = await until('a live status line', () =>
      lastMenu().find((m) => m.id === 'status' && m.label === 'Not elevated'),
    );
    expect(status).toBeDefined();
    expect(lastMenu().map((m) => m.id)).toContain('request-rights');
  });

  it('follows a grant pushed by the agent', async () => {
    await admin.call('admin.grant', {
      user,
      level: 'admin',
      durationSec: 600,
      reason: 'composition test',
    });
    const status = await until('the elevated status line', () =>
      lastMenu().find((m) => m.id === 'status' && m.label?.startsWith('Administrator until ')),
    );
    // Linux: the deadline, not minutes left (the menu is not rebuilt as the clock runs).
    expect(status.label).toMatch(/^Administrator until \d{1,2}:\d\d/);
    const images = callsTo('tray', 'setImage').map((c) => (c.args[0] as { path: string }).path);
    expect(images.at(-1)).toBe(join(REPO, 'assets/tray/win/ring-59@2x.png'));
    const notified = await until('the grant notification', () =>
      notifications().includes('You are now an administrator'),
    );
    expect(notified).toBe(true);
  });

  it('pushes AppState to the popover, with the keychain reported unavailable', async () => {
    const sent = await until('a state push', () =>
      callsTo('webContents', 'send')
        .filter((c) => c.args[0] === 'elevate:state')
        .at(-1),
    );
    expect(sent.args[1]).toMatchObject({ connection: 'connected', keychain: 'unavailable' });
  });

  it('runs Stop now from the popover, and refuses the same call from elsewhere', async () => {
    const handler = ipcMain.handlers.get('elevate:stop-now') as (
      e: unknown,
      a: unknown,
    ) => Promise<unknown>;
    expect(() =>
      handler(
        { sender: {}, senderFrame: { url: 'https://evil.example/', routingId: 1, processId: 1 } },
        undefined,
      ),
    ).toThrow(/did not come from the Elevate window/);
    expect(await handler(fromPopover, undefined)).toEqual({ ok: true });
    const { users } = await admin.call('admin.status', { user });
    expect(users[0]?.level).toBe('none');
    await until('the tray to show the end', () =>
      lastMenu().find((m) => m.id === 'status' && m.label === 'Not elevated'),
    );
    await until('the end notification', () =>
      notifications().includes('Administrator rights ended'),
    );
  });

  it('sizes the popover to what its content asks, within the screen', async () => {
    const fit = ipcMain.handlers.get('elevate:fit-content') as (
      e: unknown,
      a: unknown,
    ) => Promise<unknown>;
    await fit(fromPopover, { height: 212 });
    expect(BrowserWindow.created[0]!.getContentSize()).toEqual([360, 212]);
    await fit(fromPopover, { height: 5000 });
    expect(BrowserWindow.created[0]!.getContentSize()).toEqual([360, 600]);
    expect(() =>
      fit(
        { sender: {}, senderFrame: { url: 'https://evil.example/', routingId: 1, processId: 1 } },
        { height: 100 },
      ),
    ).toThrow(/did not come from the Elevate window/);
    expect(() => fit(fromPopover, { height: 'tall' })).toThrow(/height/);
  });

  it('shows the popover from the tray menu', async () => {
    lastMenu()
      .find((m) => m.id === 'show-details')
      ?.click?.();
    await until('the popover to show', () => callsTo('window', 'show').length > 0);
  });

  it('starts with Open at login on from the machine-wide entry; off and on again for this person', async () => {
    const handler = ipcMain.handlers.get('elevate:set-open-at-login') as (
      e: unknown,
      a: unknown,
    ) => Promise<unknown>;
    const getState = ipcMain.handlers.get('elevate:get-state') as (
      e: unknown,
      a: unknown,
    ) => Promise<{ openAtLogin: boolean }>;
    const menuChecked = (checked: boolean) =>
      until(`the menu checkbox ${checked ? 'on' : 'off'}`, () =>
        lastMenu().find(
          (m) => m.id === 'open-at-login' && (m as { checked?: boolean }).checked === checked,
        ),
      );
    const entry = join(configHome, 'autostart/elevate.desktop');
    // Read in the background at start; the menu shows it once known.
    await menuChecked(true);
    expect((await getState(fromPopover, undefined)).openAtLogin).toBe(true);
    expect(await handler(fromPopover, false)).toEqual({ ok: true });
    expect(readFileSync(entry, 'utf8')).toMatch(/^Hidden=true$/m);
    expect((await getState(fromPopover, undefined)).openAtLogin).toBe(false);
    await menuChecked(false);
    expect(await handler(fromPopover, true)).toEqual({ ok: true });
    expect(existsSync(entry)).toBe(false);
    expect((await getState(fromPopover, undefined)).openAtLogin).toBe(true);
  });
});
