/**
 * What "Open at login" shows, and the person's own choice on macOS and Windows.
 *
 * There the installer starts the tray for everyone at login (a LaunchAgent in
 * /Library/LaunchAgents, a value under HKLM\…\Run), both with AT_LOGIN_ARG. Neither OS has a
 * per-person switch a standard user may flip for a machine-wide entry (macOS: SMAppService only
 * registers agents inside the app bundle; Windows: a machine Run value is approved under HKLM,
 * see windows.ts), so the person's "off" is kept here, in their own app data, and a login start
 * that finds it quits before showing anything. Linux needs none of this: XDG autostart has a
 * per-person override (linux.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { en } from '../i18n/en.js';

/** The argument the machine-wide login entries pass: "started by the login, not by a person". */
export const AT_LOGIN_ARG = '--at-login';

export type LoginItemCause = 'ok' | 'not-installed' | 'requires-approval' | 'off-by-admin';

/** What the popover's checkbox and the tray menu show, and one sentence when it cannot be on. */
export interface LoginItemView {
  enabled: boolean;
  cause: LoginItemCause;
  note: string | null;
}

/** The English sentences (main/i18n); the adapter shows them in the person's language. */
export const NOTES = en.loginItem;

export function view(cause: LoginItemCause, choice: boolean): LoginItemView {
  if (cause === 'ok') return { enabled: choice, cause, note: null };
  // Someone who turned it off is not told how to turn it on; "not installed" is said always.
  const note = choice || cause === 'not-installed' ? NOTES[cause] : null;
  return { enabled: false, cause, note };
}

const ChoiceSchema = z.object({ openAtLogin: z.boolean() }).strict();

/** The person's choice, a small JSON file in their app data (Electron's userData). */
export class LoginChoice {
  constructor(private readonly file: string) {}

  /** On unless the person turned it off; an unreadable or foreign file counts as never set. */
  read(): boolean {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      return true;
    }
    const parsed = ChoiceSchema.safeParse(raw);
    return parsed.success ? parsed.data.openAtLogin : true;
  }

  write(openAtLogin: boolean): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, `${JSON.stringify({ openAtLogin })}\n`, { mode: 0o600 });
  }
}

/** A login start for a person who turned Open at login off: the app should quit at once. */
export function quitsAtLogin(argv: readonly string[], choice: Pick<LoginChoice, 'read'>): boolean {
  return argv.includes(AT_LOGIN_ARG) && !choice.read();
}
