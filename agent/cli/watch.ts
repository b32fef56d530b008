/**
 * `elevate watch`: a countdown redrawn every second in a terminal (one line per change when
 * the output is not a terminal), warnings at the policy's `warnBeforeSec`, a line for each
 * request decision and moved deadline, and an exit when the rights end. It snaps to every
 * `status.changed` push and asks the agent again after a sleep.
 */
import { performance } from 'node:perf_hooks';
import type { AgentClient } from '../client/agent-client.js';
import type { Snapshot } from '../protocol/schemas.js';
import { ExitCode, exitCodeFor, messageFor } from './exit-codes.js';
import { visible } from './table.js';
import type { CommandContext } from './program.js';
import {
  agentGoneLine,
  changeLines,
  clockJumped,
  countdownLine,
  isNewer,
  pendingLine,
  remainingMs,
  WarningTracker,
  warningLine,
  watchOutcome,
  type Anchored,
} from './watch-model.js';

/** After the deadline the agent pushes the end within 1 s; ask once more if it seems late. */
const RESYNC_AFTER_DEADLINE_MS = 3000;

const readClocks = (): { wall: number; mono: number } => ({
  wall: Date.now(),
  mono: performance.now(),
});

export async function watch(client: AgentClient, ctx: CommandContext): Promise<number> {
  const tty = process.stdout.isTTY === true && !ctx.json;
  let current: Anchored | null = null;
  let hadGrant = false;
  let lastPlain = '';
  let drawn = false;
  const warnings = new WarningTracker();

  const clearLine = (): void => {
    if (tty && drawn) process.stdout.write('\r\x1b[K');
    drawn = false;
  };
  const say = (text: string): void => {
    clearLine();
    ctx.io.out(text);
  };
  const draw = (line: string): void => {
    if (tty) {
      process.stdout.write(`\r\x1b[K${visible(line)}`);
      drawn = true;
    } else if (!ctx.json && line !== lastPlain) {
      ctx.io.out(line);
    }
    lastPlain = line;
  };

  return new Promise<number>((resolve) => {
    let timer: NodeJS.Timeout | null = null;
    let resyncing = false;
    let finished = false;
    let lastTick = readClocks();

    const finish = (code: number, message: string | null, toErr = false): void => {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      process.off('SIGINT', onInterrupt);
      client.off('close', onClose);
      clearLine();
      if (message) (toErr ? ctx.io.err : ctx.io.out)(message);
      resolve(code);
    };

    const tick = (): void => {
      timer = null;
      if (!current || finished) return;
      const s = current.snapshot;
      const clocks = readClocks();
      // Woken from sleep (or the clock was set): the agent may have changed things meanwhile.
      if (clockJumped(lastTick, clocks)) resync();
      lastTick = clocks;
      const left = remainingMs(current, clocks.wall);
      for (const w of warnings.update(s.grant?.expiresAt ?? null, left, s.policy.warnBeforeSec)) {
        if (!ctx.json) say(warningLine(s.grant?.level ?? 'admin', w));
      }
      if (left === null) {
        draw(pendingLine(s));
        return;
      }
      // Plain output gets one line per deadline, not one per second: logs stay readable.
      draw(countdownLine(s, left, tty));
      if (left < -RESYNC_AFTER_DEADLINE_MS) resync();
      // Next redraw when the displayed second changes.
      const toNextSecond = left > 0 ? left % 1000 || 1000 : 1000;
      timer = setTimeout(tick, toNextSecond + 5);
    };

    const resync = (): void => {
      if (resyncing) return;
      resyncing = true;
      client
        .call('status.get')
        .then(apply, () => undefined)
        .finally(() => (resyncing = false));
    };

    const apply = (s: Snapshot): void => {
      if (finished || !isNewer(current?.snapshot ?? null, s)) return;
      const prev = current?.snapshot ?? null;
      current = { snapshot: s, receivedAtWall: Date.now() };
      if (ctx.json) ctx.io.out(JSON.stringify(s));
      else if (prev) for (const line of changeLines(prev, s)) say(line);
      if (s.grant) hadGrant = true;
      const end = watchOutcome(s, hadGrant);
      if (end) {
        finish(end.code, ctx.json ? null : end.message);
        return;
      }
      if (timer) clearTimeout(timer);
      tick();
    };

    const onInterrupt = (): void => finish(130, null);
    const onClose = (): void => {
      finish(ExitCode.Error, `${ctx.program}: ${agentGoneLine(current?.snapshot ?? null)}`, true);
    };
    process.once('SIGINT', onInterrupt);
    client.once('close', onClose);
    client.onNotification('status.changed', apply);
    client.call('status.subscribe').then(apply, (err: unknown) => {
      finish(exitCodeFor(err), `${ctx.program}: ${messageFor(err)}`, true);
    });
  });
}
