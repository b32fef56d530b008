/**
 * Each user's end-of-session summary (the snapshot's `lastSession`), kept in
 * STATE/cleanup/last-sessions.json so the tray can still show it after an agent restart.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { LastSessionSchema, type LastSession } from '../protocol/schemas.js';
import { writeFileAtomic } from '../store/atomic-file.js';

const FileSchema = z.record(z.string(), LastSessionSchema);

export class LastSessionStore {
  private readonly path: string;
  private sessions: Record<string, LastSession> = {};

  constructor(stateDir: string) {
    this.path = join(stateDir, 'cleanup', 'last-sessions.json');
  }

  async load(): Promise<void> {
    try {
      const parsed = FileSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      if (parsed.success) this.sessions = parsed.data;
    } catch {
      // None yet (or unreadable): summaries are informative only, start empty.
    }
  }

  get(user: string): LastSession | null {
    return this.sessions[user] ?? null;
  }

  async set(user: string, session: LastSession): Promise<void> {
    this.sessions[user] = session;
    await mkdir(join(this.path, '..'), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.path, JSON.stringify(this.sessions));
  }
}
