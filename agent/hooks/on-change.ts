/**
 * The policy's onChange hook: an executable run as root after every grant and every end of a
 * grant, with the event as JSON on stdin. The file is opened once, its SHA-256 checked, and
 * that same open file is executed (/proc/self/fd), so it cannot be swapped after the check.
 * It runs detached from the grant's lifecycle: a slow hook never delays an expiry. Every
 * failure (wrong hash, cannot start, non-zero exit, timeout) is a `hook.failed` audit event.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { AuditLog } from '../audit/audit-log.js';
import { en } from '../i18n/en.js';
import type { OnChangeHook } from '../protocol/policy-additions.js';
import type { EndKind, GrantRecord } from '../store/agent-state.js';

export interface HookEvent {
  event: 'granted' | 'ended';
  user: string;
  grantId: string;
  level: string;
  grantedAt: string;
  expiresAt: string;
  source: string;
  grantedBy: string;
  reason: string | null;
  end: EndKind | null;
  at: string;
}

const OUTPUT_LIMIT = 2000;

export class OnChangeHooks {
  private running = new Set<Promise<void>>();

  constructor(
    private readonly audit: AuditLog,
    private readonly hookFor: (user: string) => Promise<OnChangeHook | null>,
    private readonly log: (msg: string) => void,
  ) {}

  readonly started = (user: string, g: GrantRecord): void => this.fire(user, g, null);
  readonly ended = (user: string, g: GrantRecord, end: EndKind): void => this.fire(user, g, end);

  /** Waits for hooks still running (agent shutdown, tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private fire(user: string, g: GrantRecord, end: EndKind | null): void {
    const event: HookEvent = {
      event: end ? 'ended' : 'granted',
      user,
      grantId: g.id,
      level: g.level,
      grantedAt: g.grantedAt,
      expiresAt: g.expiresAt,
      source: g.source,
      grantedBy: g.grantedBy,
      reason: g.reason,
      end,
      at: new Date().toISOString(),
    };
    const p = this.runFor(event)
      .catch((err: unknown) => this.log(`onChange hook: ${String(err)}`))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  private async runFor(event: HookEvent): Promise<void> {
    const hook = await this.hookFor(event.user);
    if (!hook) return;
    const problem = await runHook(hook, event);
    if (!problem) return;
    await this.audit.append({
      type: 'hook.failed',
      user: event.user,
      grantId: event.grantId,
      actor: 'agent',
      reason: problem.message,
      detail: { hook: hook.path, event: event.event, ...problem.detail },
    });
  }
}

interface HookProblem {
  message: string;
  detail: Record<string, unknown>;
}

/** Runs the hook once; null when it ran and exited 0 in time. */
export async function runHook(hook: OnChangeHook, event: HookEvent): Promise<HookProblem | null> {
  let fh;
  try {
    fh = await open(hook.path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return { message: en.recorded.hookUnopened(code), detail: { code } };
  }
  try {
    const actual = createHash('sha256')
      .update(await fh.readFile())
      .digest('hex');
    if (actual !== hook.sha256.toLowerCase()) {
      return {
        message: en.recorded.hookHashMismatch,
        detail: { expected: hook.sha256.toLowerCase(), actual },
      };
    }
    return await execute(fh.fd, hook.timeoutSec, JSON.stringify(event) + '\n');
  } finally {
    await fh.close();
  }
}

function execute(fd: number, timeoutSec: number, input: string): Promise<HookProblem | null> {
  return new Promise((resolve) => {
    // fd 3 in the child is the file that was hashed; exec it by that name.
    const child = spawn('/proc/self/fd/3', [], {
      stdio: ['pipe', 'ignore', 'pipe', fd],
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
      cwd: '/',
      // Its own process group, so a timeout also ends what the hook started.
      detached: true,
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      if (stderr.length < OUTPUT_LIMIT) stderr += d.toString('utf8');
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutSec * 1000);
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(input);
    child.once('error', (err) => {
      clearTimeout(timer);
      resolve({ message: en.recorded.hookUnstarted(err.message), detail: {} });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const tail = stderr.slice(0, OUTPUT_LIMIT).trim();
      if (timedOut) {
        resolve({
          message: en.recorded.hookTimedOut(String(timeoutSec)),
          detail: { timeoutSec, stderr: tail },
        });
      } else if (code !== 0) {
        resolve({
          message: en.recorded.hookFailed(String(code ?? signal)),
          detail: { exitCode: code, signal, stderr: tail },
        });
      } else resolve(null);
    });
  });
}
