/**
 * Runs the real preload source as a sandboxed preload would: CommonJS, with `require` able to
 * load only 'electron', here a recording contextBridge/ipcRenderer.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState, ElevateApi } from '../../../preload/api.js';

const source = readFileSync(new URL('../../../preload/index.cts', import.meta.url), 'utf8');

interface Loaded {
  exposed: Map<string, unknown>;
  invokes: Array<[string, unknown]>;
  listeners: Map<string, Set<(...args: unknown[]) => void>>;
}

function load(): Loaded {
  const out = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  const loaded: Loaded = { exposed: new Map(), invokes: [], listeners: new Map() };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => loaded.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: (channel: string, arg: unknown) => {
        loaded.invokes.push([channel, arg]);
        return Promise.resolve({ ok: true });
      },
      on: (channel: string, fn: (...args: unknown[]) => void) => {
        const set = loaded.listeners.get(channel) ?? new Set();
        set.add(fn);
        loaded.listeners.set(channel, set);
      },
      removeListener: (channel: string, fn: (...args: unknown[]) => void) =>
        loaded.listeners.get(channel)?.delete(fn),
    },
  };
  const requireElectronOnly = (name: string): unknown => {
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  runInNewContext(out.outputText, {
    require: requireElectronOnly,
    module,
    exports: module.exports,
    Object,
  });
  return loaded;
}

describe('preload', () => {
  let loaded: Loaded;
  let api: ElevateApi;
  beforeAll(() => {
    loaded = load();
    api = loaded.exposed.get('elevate') as ElevateApi;
  });

  it('exposes exactly the ElevateApi functions as window.elevate, frozen', () => {
    expect([...loaded.exposed.keys()]).toEqual(['elevate']);
    expect(Object.keys(api).sort()).toEqual([
      'cancelRequest',
      'enterApprovalCode',
      'fitContent',
      'getHistory',
      'getState',
      'hidePopover',
      'logOutNow',
      'onState',
      'reportError',
      'requestElevation',
      'requestMoreTime',
      'setOpenAtLogin',
      'stopNow',
    ]);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('maps each function to its channel with its one argument', async () => {
    loaded.invokes.length = 0;
    await api.getState();
    await api.stopNow();
    await api.requestElevation({ level: 'admin', durationSec: 600, reason: 'install BBEdit' });
    await api.requestMoreTime({ durationSec: 600, reason: 'finish the install' });
    await api.cancelRequest('r_1');
    await api.enterApprovalCode('ABCDE-FGHJK');
    await api.getHistory(20);
    await api.logOutNow();
    await api.setOpenAtLogin(true);
    await api.hidePopover();
    await api.fitContent({ height: 412 });
    expect(loaded.invokes).toEqual([
      ['elevate:get-state', undefined],
      ['elevate:stop-now', undefined],
      ['elevate:request-elevation', { level: 'admin', durationSec: 600, reason: 'install BBEdit' }],
      ['elevate:request-more-time', { durationSec: 600, reason: 'finish the install' }],
      ['elevate:cancel-request', 'r_1'],
      ['elevate:enter-approval-code', 'ABCDE-FGHJK'],
      ['elevate:get-history', 20],
      ['elevate:log-out-now', undefined],
      ['elevate:set-open-at-login', true],
      ['elevate:hide-popover', undefined],
      ['elevate:fit-content', { height: 412 }],
    ]);
  });

  it('passes only the state to onState listeners and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = api.onState((...args: unknown[]) => got.push(args));
    const state = { connection: 'connected' } as unknown as AppState;
    const fakeEvent = { sender: 'ipcRenderer internals' };
    for (const fn of loaded.listeners.get('elevate:state') ?? []) fn(fakeEvent, state);
    expect(got).toEqual([[state]]);
    off();
    expect(loaded.listeners.get('elevate:state')?.size).toBe(0);
  });
});
