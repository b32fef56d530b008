/**
 * How often the OS tray is touched while elevated: drives the pure tray model the way
 * main/index.ts does (Countdown on a simulated wall clock, a redraw scheduled just after
 * each displayed second changes) over a 10-minute grant, and counts the changes the adapter
 * would pass on. Expect 60 title updates a minute on macOS and at most 1 menu rebuild a
 * minute on Linux. Also: Windows ring-frame changes and the model's cost per redraw.
 */
import { Countdown, msUntilNextSecond } from '../../main/countdown.js';
import { buildTrayView, type TrayOs } from '../../main/tray/tray-model.js';
import type { Snapshot } from '../../agent/protocol/schemas.js';
import { makeGrant, makeSnapshot, T0 } from '../helpers/snapshots.js';

const GRANT_MS = 10 * 60_000;
const snapshot: Snapshot = makeSnapshot({
  level: 'admin',
  grant: makeGrant({ id: 'g_bench', grantedBy: 'sam', reason: 'benchmark' }, GRANT_MS / 1000),
  // The snapshot arrives 250 ms into the grant, so ticks are not aligned to whole seconds.
  now: new Date(T0 + 250).toISOString(),
});

interface Counts {
  redraws: number;
  titles: number;
  menus: number;
  icons: number;
  tooltips: number;
  nanos: bigint;
}

function simulate(os: TrayOs): Counts {
  let mono = 1_000_000;
  const countdown = new Countdown(() => mono);
  countdown.accept(snapshot);
  const counts: Counts = { redraws: 0, titles: 0, menus: 0, icons: 0, tooltips: 0, nanos: 0n };
  let last = { title: '', menuKey: '', iconKey: '', tooltip: '' };
  const end = mono + GRANT_MS;
  while (mono < end) {
    const remainingMs = countdown.remainingMs();
    const started = process.hrtime.bigint();
    const view = buildTrayView({
      os,
      connection: 'connected',
      snapshot,
      remainingMs,
      totalMs: countdown.totalMs(),
      openAtLogin: false,
    });
    counts.nanos += process.hrtime.bigint() - started;
    counts.redraws++;
    if (counts.redraws > 1) {
      if (view.title !== last.title) counts.titles++;
      if (view.menuKey !== last.menuKey) counts.menus++;
      if (view.iconKey !== last.iconKey) counts.icons++;
      if (view.tooltip !== last.tooltip) counts.tooltips++;
    }
    last = {
      title: view.title,
      menuKey: view.menuKey,
      iconKey: view.iconKey,
      tooltip: view.tooltip,
    };
    mono += msUntilNextSecond(remainingMs);
  }
  return counts;
}

const minutes = GRANT_MS / 60_000;
const mac = simulate('darwin');
const linux = simulate('linux');
const win = simulate('win32');
const perMin = (n: number): string => (n / minutes).toFixed(1);

console.log(`tray_model_updates_per_min ${perMin(mac.titles)} macos_title_updates/min`);
console.log(`tray_linux_menu_rebuilds_per_min ${perMin(linux.menus)} rebuilds/min`);
console.log(`tray_linux_icon_changes_per_min ${perMin(linux.icons)} changes/min`);
console.log(`tray_macos_menu_rebuilds_per_min ${perMin(mac.menus)} rebuilds/min`);
console.log(`tray_win_ring_frame_changes_per_min ${perMin(win.icons)} changes/min`);
console.log(`tray_win_tooltip_updates_per_min ${perMin(win.tooltips)} updates/min`);
console.log(`tray_redraws_per_min ${perMin(mac.redraws)} redraws/min`);
const allRedraws = mac.redraws + linux.redraws + win.redraws;
console.log(
  `tray_model_build_us ${(Number(mac.nanos + linux.nanos + win.nanos) / allRedraws / 1000).toFixed(1)} us/redraw`,
);
