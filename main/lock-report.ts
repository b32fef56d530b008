/**
 * revokeAt "lock": tells the agent when the screen locks, and the agent ends rights whose
 * policy asks for it (ending rights needs no proof). Electron 45 emits 'lock-screen' on macOS
 * and Windows only (docs/api/power-monitor.md); on Linux it never fires, so there the lock is
 * not reported (logind's LockedHint would be the source; not built).
 */
export function setupLockReport(
  powerMonitor: { on(event: 'lock-screen', listener: () => void): unknown },
  report: () => Promise<unknown>,
  log: (msg: string) => void,
): void {
  powerMonitor.on('lock-screen', () => {
    report().then(
      () => log('screen locked: reported to the agent'),
      (err: unknown) => log(`screen locked, but the agent was not told: ${String(err)}`),
    );
  });
}
