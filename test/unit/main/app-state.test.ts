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

  it('lets the agent problem outrank the keychain problem, and shows the keychain one after', () => {
    const store = new AppStateStore();
    store.setKeychain('unavailable', 'The system keychain is not available.');
    expect(store.current.problem).toBe('The system keychain is not available.');
    store.setConnection({
      connection: 'unavailable',
      snapshot: null,
      problem: 'The Elevate agent is not running.',
    });
    expect(store.current.problem).toBe('The Elevate agent is not running.');
    store.setConnection({ connection: 'connected', snapshot: makeSnapshot(), problem: null });
    expect(store.current).toMatchObject({
      keychain: 'unavailable',
      problem: 'The system keychain is not available.',
    });
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
