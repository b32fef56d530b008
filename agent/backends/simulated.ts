/**
 * A backend that changes nothing on the computer: it keeps a pretend OS's admin group and
 * sudoers drop-ins in a JSON file in the state dir. For demos, the tray's tests, and showing
 * another OS's behaviour (macOS, Windows) on any machine.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { LevelSchema, type GrantLevel, type Os } from '../protocol/schemas.js';
import { writeFileAtomic } from '../store/atomic-file.js';
import type { UserDirectory } from '../users/user-directory.js';
import { OsCommandError, type Backend, type PriorState } from './backend.js';

const SimulatedUserSchema = z.object({
  /** What the pretend OS gives the user outside any grant; edit the file to demo it. */
  permanentLevel: LevelSchema.default('none'),
  adminGroupMember: z.boolean().default(false),
  dropIn: z.string().nullable().default(null),
});
const SimulatedOsSchema = z.object({
  users: z.record(z.string(), SimulatedUserSchema),
  /** The pretend computer's id for approval codes (made once, kept). */
  deviceId: z.string().optional(),
});
type SimulatedOs = z.infer<typeof SimulatedOsSchema>;

const VALID_NAME = /^[a-zA-Z0-9_][a-zA-Z0-9_.@\\-]{0,255}$/;

export class SimulatedBackend implements Backend {
  readonly name = 'simulated';
  readonly path: string;

  constructor(
    stateDir: string,
    readonly os: Os,
    private readonly accounts: UserDirectory,
  ) {
    this.path = join(stateDir, 'simulated-os.json');
  }

  async inspect(user: string): Promise<PriorState> {
    const u = (await this.read()).users[user];
    return {
      permanentLevel: u?.permanentLevel ?? 'none',
      adminGroupMember: u?.adminGroupMember ?? false,
      dropIn: u?.dropIn ?? null,
    };
  }

  async apply(user: string, level: GrantLevel, _prior: PriorState): Promise<void> {
    const os = await this.read();
    const u = (os.users[user] ??= {
      permanentLevel: 'none',
      adminGroupMember: false,
      dropIn: null,
    });
    u.adminGroupMember = true;
    u.dropIn =
      level === 'passwordless'
        ? `${user} ALL=(ALL:ALL) NOPASSWD: ALL`
        : `${user} ALL=(ALL:ALL) ALL`;
    await this.write(os);
  }

  async restore(user: string, prior: PriorState): Promise<void> {
    const os = await this.read();
    const u = (os.users[user] ??= {
      permanentLevel: prior.permanentLevel,
      adminGroupMember: false,
      dropIn: null,
    });
    u.adminGroupMember = prior.adminGroupMember;
    u.dropIn = prior.dropIn;
    await this.write(os);
  }

  async deviceId(): Promise<string> {
    const os = await this.read();
    if (!os.deviceId) {
      os.deviceId = randomBytes(16).toString('hex');
      await this.write(os);
    }
    return os.deviceId;
  }

  /** The pretend computer has this computer's accounts plus any listed in its file. */
  async userExists(user: string): Promise<boolean> {
    if (!VALID_NAME.test(user)) return false;
    if ((await this.read()).users[user]) return true;
    return (await this.accounts.lookup(user)) !== null;
  }

  private async read(): Promise<SimulatedOs> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { users: {} };
      throw new OsCommandError(`The simulated OS file ${this.path} cannot be read.`);
    }
    const parsed = SimulatedOsSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
      throw new OsCommandError(`The simulated OS file ${this.path} is not valid.`);
    return parsed.data;
  }

  private async write(os: SimulatedOs): Promise<void> {
    try {
      await writeFileAtomic(this.path, JSON.stringify(os, null, 2));
    } catch (err) {
      throw new OsCommandError(
        `The simulated OS could not be changed: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`,
      );
    }
  }
}
