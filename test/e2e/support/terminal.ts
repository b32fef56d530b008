/**
 * A real terminal for the command lines: each capture runs one command in its own tmux session
 * (a pty of a fixed size, as a person's terminal is), waits for it to finish and returns the
 * screen as text, so tests see exactly the widths, wrapping and characters a person would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { middayZone } from '../../helpers/midday-zone.js';

const DONE = '[done, exit ';

export interface Screen {
  /** The screen's lines as tmux drew them (wrapped at the terminal width). */
  rows: string[];
  /** The same with wrapped lines joined: a line longer than the width did not fit. */
  lines: string[];
  exitCode: number;
}

export class Terminal {
  private readonly dir = mkdtempSync(join(tmpdir(), 'elevate-tmux-'));
  private readonly socket = join(this.dir, 'tmux.sock');
  private n = 0;

  constructor(
    readonly columns = 80,
    readonly rows = 40,
  ) {}

  /** Runs `argv` (already wrapped in runuser where needed) and returns the finished screen. */
  async run(argv: readonly string[], env: Record<string, string> = {}): Promise<Screen> {
    const session = `s${++this.n}`;
    const exports = Object.entries({ TZ: middayZone(), ...env })
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(' ');
    const command = `env ${exports} ${argv.map(shellQuote).join(' ')}; printf '\\n${DONE}%s]\\n' $?; sleep 600`;
    // The session runs the command itself (no interactive shell): the screen holds its output only.
    this.tmux(
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      `${this.columns}`,
      '-y',
      `${this.rows}`,
      command,
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows = this.capture(session, false);
      const done = rows.find((r) => r.startsWith(DONE));
      if (done) {
        const lines = this.capture(session, true);
        this.tmux('kill-session', '-t', session);
        const body = (xs: string[]) => trimBlank(xs.slice(0, xs.indexOf(done)));
        return { rows: body(rows), lines: body(lines), exitCode: Number(/(\d+)/.exec(done)![1]) };
      }
      if (Date.now() > deadline) {
        this.tmux('kill-session', '-t', session);
        throw new Error(`${argv.join(' ')} did not finish in the terminal:\n${rows.join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // No session left: the server is already gone.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private capture(session: string, joined: boolean): string[] {
    const out = this.tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', session);
    return out.split('\n').map((l) => l.replace(/\s+$/, ''));
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm-256color' },
    });
  }
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function trimBlank(rows: string[]): string[] {
  const out = [...rows];
  while (out.length && out[0] === '') out.shift();
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}
