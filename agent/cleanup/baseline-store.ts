/**
 * Who held admin as a grant started, one file per grant (DIR/GRANTID.json, 0600 in a 0700
 * folder, replaced atomically), so a restart mid-grant keeps it. Each OS check keeps its own
 * folder and inventory shape; the record around the inventory is the same for all.
 * One file per grant: a grant that starts while the last one's end check is still running
 * must not share (and lose) its record.
 */
import { mkdir, readFile, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { GrantLevelSchema } from '../protocol/schemas.js';
import { writeFileAtomic } from '../store/atomic-file.js';

/** A baseline record around `inventory`; `extra` adds a check's own fields. */
export function baselineSchema<I extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(
  inventory: I,
  extra?: E,
) {
  return z
    .object({
      user: z.string(),
      grantId: z.string(),
      level: GrantLevelSchema,
      takenAt: z.string(),
      inventory,
    })
    .extend(extra ?? ({} as E));
}

export class BaselineStore<B extends { user: string; grantId: string }> {
  constructor(
    private readonly dir: string,
    private readonly schema: z.ZodType<B, unknown>,
  ) {}

  async save(baseline: B): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file(baseline.grantId), JSON.stringify(baseline));
  }

  /** The grant's baseline, or null when there is none or it cannot be read. */
  async load(grantId: string): Promise<B | null> {
    const b = await this.read(this.file(grantId));
    return b?.grantId === grantId ? b : null;
  }

  async remove(grantId: string): Promise<void> {
    await unlink(this.file(grantId)).catch(() => undefined);
  }

  /** Every readable baseline in the folder (start-up recovery). */
  async all(): Promise<B[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const found: B[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const b = await this.read(join(this.dir, name));
      if (b) found.push(b);
    }
    return found;
  }

  /** Grant ids are agent-made; anything else is replaced so the name stays in the folder. */
  private file(grantId: string): string {
    return join(this.dir, `${grantId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
  }

  private async read(path: string): Promise<B | null> {
    try {
      const parsed = this.schema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
