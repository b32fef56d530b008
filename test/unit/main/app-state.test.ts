import { describe, expect, it } from 'vitest';
import { AppStateStore } from '../../../main/app-state.js';
import type { AppState } from '../../../preload/api.js';
import { makeSnapshot } from '../../helpers/snapshots.js';

describe('AppStateStore', () => {
  it('announces each real change once', () => {
    const store = new AppStateStore();
    const seen: AppState[] = [];
    store.on('change', (s) => seen.push(s));
    const snapshot = makeSnapshot();
    store.setConnection({ connection: 'connected', snapshot, problem: null });
    store.setConnection({ connection: 'connected', snapshot, problem: null });
    store.setOpenAtLogin(true);
    store.setOpenAtLogin(true);
    expect(seen.map((s) => [s.connection, s.openAtLogin])).toEqual([
      ['connected', false],
      ['connected', true],
    ]);
  });

  it('tells the popover the language main chose from the OS, English until then', () => {
    const store = new AppStateStore();
    expect(store.current.locale).toEqual({ language: 'en', intl: undefined });
    const seen: AppState[] = [];
    store.on('change', (s) => seen.push(s));
    store.setLocale({ language: 'de', intl: 'de-AT' });
    expect(seen.map((s) => s.locale)).toEqual([{ language: 'de', intl: 'de-AT' }]);
  });

  it('pushes why Open at login cannot be on, and clears it', () => {
    const store = new AppStateStore();
    const seen: AppState[] = [];
    store.on('change', (s) => seen.push(s));
    store.setOpenAtLogin(false, 'Approve it in Login Items.');
    store.setOpenAtLogin(false, 'Approve it in Login Items.');
    store.setOpenAtLogin(true, null);
    expect(seen.map((s) => [s.openAtLogin, s.openAtLoginNote])).toEqual([
      [false, 'Approve it in Login Items.'],
      [true, null],
    ]);
  });

  it('lets the agent problem outrank the key problem, and shows the key one after', () => {
    const store = new AppStateStore();
    const otherCopy = "Elevate's background service trusts a different copy of Elevate.";
    store.setKeychain('ok', otherCopy);
    expect(store.current.problem).toBe(otherCopy);
    store.setConnection({
      connection: 'unavailable',
      snapshot: null,
      problem: 'The Elevate agent is not running.',
    });
    expect(store.current.problem).toBe('The Elevate agent is not running.');
    store.setConnection({ connection: 'connected', snapshot: makeSnapshot(), problem: null });
    expect(store.current).toMatchObject({ keychain: 'ok', problem: otherCopy });
  });

  it('leaves an unavailable secure store to the popover’s own notice, never hiding the agent’s problem', () => {
    const store = new AppStateStore();
    store.setKeychain('unavailable', 'Your keyring is not available.');
    expect(store.current).toMatchObject({ keychain: 'unavailable', problem: null });
    const mismatch = 'This Elevate app is version 2.0.0, but the background service is 1.0.0.';
    store.setConnection({ connection: 'connected', snapshot: makeSnapshot(), problem: mismatch });
    expect(store.current).toMatchObject({ keychain: 'unavailable', problem: mismatch });
  });

  it('tells the popover why the agent cannot be reached, and forgets it once connected', () => {
    const store = new AppStateStore();
    store.setConnection({
      connection: 'unavailable',
      snapshot: null,
      problem: 'not installed',
      trouble: 'not-installed',
    });
    expect(store.current.agentTrouble).toBe('not-installed');
    store.setConnection({ connection: 'connected', snapshot: makeSnapshot(), problem: null });
    expect(store.current.agentTrouble).toBeNull();
  });
});
