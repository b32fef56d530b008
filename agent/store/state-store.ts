import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AgentStateSchema,
  emptyUserState,
  type AgentState,
  type UserState,
} from './agent-state.js';
import { writeFileAtomic } from './atomic-file.js';

/** Holds the state in memory and persists it atomically; the file is the truth after a crash. */
export class StateStore {
  private state: AgentState = { version: 1, users: {} };
  readonly path: string;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'state.json');
  }

  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    const parsed = AgentStateSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new Error(
        `The state file ${this.path} is not valid: ${parsed.error.issues[0]?.message}.`,
      );
    }
    this.state = parsed.data;
  }

  users(): string[] {
    return Object.keys(this.state.users);
  }

  peek(user: string): UserState | undefined {
    return this.state.users[user];
  }

  /** The user's record, created empty on first use (persisted with the next save). */
  user(user: string): UserState {
    let u = this.state.users[user];
    if (!u) {
      u = emptyUserState();
      this.state.users[user] = u;
    }
    return u;
  }

  async save(): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(this.state));
  }
}
