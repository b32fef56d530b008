/**
 * A root agent must not run code, state or policy that someone else can change: whoever can
 * write the agent's executable, a folder above it, its state dir or its policy file could make
 * themselves administrator. So the agent refuses to start when any of them (or any folder above
 * them) is owned by, or writable by, anyone but root.
 */
import { lstat, realpath } from 'node:fs/promises';
import { dirname } from 'node:path';

const STICKY = 0o1000;

/** Why `path` itself is changeable by a non-root user, or null when it is not. */
function problemWith(
  path: string,
  st: { uid: number; gid: number; mode: number; isDirectory(): boolean; isSymbolicLink(): boolean },
): string | null {
  // A link cannot be changed in place; its folder (checked next) and its target (checked via
  // realpath) are what matter.
  if (st.isSymbolicLink()) return null;
  if (st.uid !== 0) return `${path} belongs to uid ${st.uid}`;
  // In a sticky folder (like /tmp) others may add entries but cannot replace root's.
  const sticky = st.isDirectory() && (st.mode & STICKY) !== 0;
  if (st.mode & 0o002 && !sticky) return `${path} is writable by everyone`;
  if (st.mode & 0o020 && st.gid !== 0 && !sticky) return `${path} is writable by group ${st.gid}`;
  return null;
}

async function chainProblem(path: string): Promise<string | null> {
  for (let p = path; ; p = dirname(p)) {
    const problem = problemWith(p, await lstat(p));
    if (problem) return problem;
    if (dirname(p) === p) return null;
  }
}

/**
 * The first sentence-ready reason any of `paths` (each, its real target and every folder above
 * both) can be changed by someone other than root; null when all are root's alone.
 */
export async function nonRootWritable(paths: readonly string[]): Promise<string | null> {
  for (const path of paths) {
    const problem = (await chainProblem(path)) ?? (await chainProblem(await realpath(path)));
    if (problem) return problem;
  }
  return null;
}

/** The files the running agent executes: the executable, plus the script when run by Node. */
export function ownFiles(isSea: boolean): string[] {
  const script = process.argv[1];
  return isSea || !script ? [process.execPath] : [process.execPath, script];
}
