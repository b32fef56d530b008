/**
 * LaunchDaemons a person left while elevated: a plist in /Library/LaunchDaemons is a root job
 * launchd starts at every boot (launchd.plist(5)), the Mac's usual way to keep root. The
 * inventory keeps each plist's bytes; under cleanupOnEnd "remove" an added one is booted out
 * (`launchctl bootout system/LABEL`, launchctl(1)) and moved to quarantine, a changed one is
 * booted out, put back as it was and bootstrapped again. Jobs loaded from a plist elsewhere
 * (launchctl bootstrap of a file in /tmp) do not come back after a reboot and are not read.
 */
import { chmod, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quarantine, type DriftReport, type QuarantineNote } from '../../cleanup/drift-remover.js';
import type { Inventory } from '../../cleanup/admin-inventory.js';
import type { Drift } from '../../cleanup/inventory-diff.js';
import { run } from './directory.js';
import { describe } from './parsers.js';
import type { CommandPlan } from './plans.js';

export const LAUNCH_DAEMONS = 'Library/LaunchDaemons';

/** launchctl(1): "bootout service-target"; exit 3 (No such process) when it is not loaded. */
export function bootoutPlan(label: string): CommandPlan {
  return { file: 'launchctl', args: ['bootout', `system/${label}`] };
}

/** launchctl(1): "bootstrap domain-target service-path". */
export function bootstrapPlan(path: string): CommandPlan {
  return { file: 'launchctl', args: ['bootstrap', 'system', path] };
}

/** ROOT/Library/LaunchDaemons/*.plist by relative path, bytes as latin1 (binary plists too). */
export async function readLaunchDaemons(root: string): Promise<Record<string, string>> {
  const names = await readdir(join(root, LAUNCH_DAEMONS)).catch(() => [] as string[]);
  const out: Record<string, string> = {};
  for (const name of names.filter((n) => n.endsWith('.plist')).sort()) {
    const rel = `${LAUNCH_DAEMONS}/${name}`;
    const bytes = await readFile(join(root, rel), 'latin1').catch(() => null);
    if (bytes !== null) out[rel] = bytes;
  }
  return out;
}

export async function undoLaunchDaemons(
  root: string,
  drift: Pick<Drift, 'launchDaemons'>,
  before: Inventory,
  quarantineDir: string,
  note: QuarantineNote,
): Promise<NonNullable<DriftReport['launchDaemons']>> {
  const out: NonNullable<DriftReport['launchDaemons']> = [];
  for (const d of drift.launchDaemons) {
    const path = join(root, d.path);
    try {
      const bytes = await readFile(path);
      const quarantinedTo = await quarantine(quarantineDir, path, bytes, d.change, note);
      const out1 = await run(bootoutPlan(d.label));
      if (out1.code !== 0 && out1.code !== 3)
        throw new Error(`launchctl could not stop ${d.label} (${describe('launchctl', out1)})`);
      const original = before.launchDaemons?.[d.path];
      if (d.change === 'added' || original === undefined) {
        await unlink(path);
      } else {
        await writeFile(path, Buffer.from(original, 'latin1'));
        await chmod(path, 0o644);
        const back = await run(bootstrapPlan(path));
        if (back.code !== 0)
          throw new Error(
            `the original was put back but launchctl could not start it again (${describe('launchctl', back)})`,
          );
      }
      out.push({ ...d, quarantinedTo, undone: true });
    } catch (err) {
      out.push({
        ...d,
        undone: false,
        error: `The LaunchDaemon ${path} (${d.label}) could not be undone: ${(err as Error).message}; stop it with "launchctl bootout system/${d.label}" and delete the file.`,
      });
    }
  }
  return out;
}
