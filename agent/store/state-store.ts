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
  private bumped = new WeakSet<UserState>();
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

  /**
   * Marks the user's snapshot as changed: `seq` goes up by exactly one per operation (one
   * method call, one expiry), however many steps that operation takes (PROTOCOL.md, seq).
   */
  bump(u: UserState): void {
    if (this.bumped.has(u)) return;
    this.bumped.add(u);
    u.seq += 1;
  }

  /**
   * The operation is over (the core lock calls this after each section): returns the users whose
   * snapshot it changed, whose final state is now the one to push.
   */
  endOperation(): string[] {
    const changed = Object.entries(this.state.users)
      .filter(([, u]) => this.bumped.has(u))
      .map(([name]) => name);
    this.bumped = new WeakSet();
    return changed;
  }

  async save(): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(this.state));
  }
}
