/**
 * Which directories a Mac asks and whose members it makes admins, as files: Open Directory
 * keeps its search policy and each binding under /Library/Preferences/OpenDirectory (the
 * Active Directory plugin's "Allow administration by" groups, set with `dsconfigad -groups`,
 * live in Configurations/Active Directory/DOMAIN.plist). Local root can change these in one
 * command, and a network group made admin this way never shows in the local admin group, so
 * the inventory keeps every file there. A change is reported, not undone: rewriting
 * opendirectoryd's files under it can break the binding; an admin undoes it with dsconfigad.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DriftReport } from '../../cleanup/drift-remover.js';
import type { Drift } from '../../cleanup/inventory-diff.js';

export const OPEN_DIRECTORY = 'Library/Preferences/OpenDirectory';
const MAX_FILES = 256;

/** Every file under ROOT/Library/Preferences/OpenDirectory, relative path → bytes as latin1. */
export async function readDirectoryConfig(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(join(root, OPEN_DIRECTORY), {
    recursive: true,
    withFileTypes: true,
  }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(join(root, '/').length))
    .sort()
    .slice(0, MAX_FILES);
  for (const rel of files) {
    const bytes = await readFile(join(root, rel), 'latin1').catch(() => null);
    if (bytes !== null) out[rel] = bytes;
  }
  return out;
}

export function reportDirectoryConfig(
  drift: Pick<Drift, 'directoryConfig'>,
): NonNullable<DriftReport['directoryConfig']> {
  return drift.directoryConfig.map((d) => ({
    ...d,
    undone: false,
    error: `/${d.path} was ${d.change === 'added' ? 'added' : 'changed'} while elevated: check which directories this Mac is bound to and whose members it makes admins ("dsconfigad -show", "dscl /Search -read / CSPSearchPath") and undo it with dsconfigad if it was not meant.`,
  }));
}
