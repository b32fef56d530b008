/** Root processes a person's sudo left, found and ended through `ps` (process-parsers.ts). */
import type { RootProcessWatch } from '../../cleanup/os-watch.js';
import { finishEnding, terminate, type RootProcess } from '../../cleanup/root-processes.js';
import { OsCommandError } from '../backend.js';
import { run } from './directory.js';
import { describe } from './parsers.js';
import { commandLinesPlan, processStartPlan, processTablePlan } from './plans.js';
import {
  parseCommandLines,
  parseProcessStart,
  parseProcessTable,
  sudoRootProcesses,
} from './process-parsers.js';

export async function findDarwinSudoRootProcesses(uid: number): Promise<RootProcess[]> {
  const r = await run(processTablePlan());
  if (r.code !== 0)
    throw new OsCommandError(`The running processes cannot be listed (${describe('ps', r)}).`);
  const found = sudoRootProcesses(parseProcessTable(r.stdout), uid, process.pid);
  if (found.length === 0) return [];
  const lines = await run(commandLinesPlan(found.map((p) => p.pid)));
  const commands = lines.code === 0 ? parseCommandLines(lines.stdout) : new Map<number, string>();
  return found
    .map((p) => ({ pid: p.pid, command: commands.get(p.pid) ?? p.comm, startTime: p.started }))
    .sort((a, b) => a.pid - b.pid);
}

async function alive(p: RootProcess): Promise<boolean> {
  const r = await run(processStartPlan(p.pid));
  return r.code === 0 && parseProcessStart(r.stdout) === p.startTime;
}

export const darwinProcesses: RootProcessWatch = {
  find: findDarwinSudoRootProcesses,
  terminate: (list) => terminate(list, alive),
  finishEnding: (list, signalled, graceMs) => finishEnding(list, signalled, graceMs, alive),
};
