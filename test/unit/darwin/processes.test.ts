/** Which root processes a person's sudo left, read from a ps table in macOS's layout. */
import { describe, expect, it } from 'vitest';
import {
  parseCommandLines,
  parseProcessStart,
  parseProcessTable,
  sudoRootProcesses,
} from '../../../agent/backends/darwin/process-parsers.js';
import {
  commandLinesPlan,
  processStartPlan,
  processTablePlan,
} from '../../../agent/backends/darwin/plans.js';
import { fixture } from './fixtures.js';

const argv = (p: { file: string; args: string[] }): string => [p.file, ...p.args].join(' ');

describe('darwin root processes from ps', () => {
  const table = parseProcessTable(fixture('ps-process-table').stdout);

  it('runs ps as recorded and reads every row, paths with spaces and padded days included', () => {
    expect(argv(processTablePlan())).toBe(fixture('ps-process-table').command);
    expect(table).toHaveLength(19);
    expect(table.find((p) => p.pid === 2320)).toEqual({
      pid: 2320,
      ppid: 2310,
      uid: 0,
      ruid: 0,
      svuid: 0,
      state: 'S',
      tty: 'ttys003',
      started: 'Mon Nov 30 10:04:02 2026',
      comm: '/Applications/Utilities/Disk Utility.app/Contents/MacOS/Disk Utility',
    });
    expect(table.find((p) => p.pid === 2400)?.started).toBe('Mon Nov 2 10:05:00 2026');
    expect(table.find((p) => p.pid === 2700)?.tty).toBeNull();
  });

  it("finds only root processes under the person's own sudo", () => {
    // Not: the zombie (2330), a root shell under su (2401), setuid su/login themselves
    // (2400, 2410: real uid theirs), another person's sudo and its child (2500, 2501).
    // Also: what left sudo's tree on the person's terminal (2600, 2601); not a root daemon
    // without one (2700), one on another person's terminal (2710), a setuid sudo (2720).
    expect(sudoRootProcesses(table, 501).map((p) => p.pid)).toEqual([2311, 2312, 2320, 2600, 2601]);
    expect(sudoRootProcesses(table, 502).map((p) => p.pid)).toEqual([2501, 2710]);
    expect(sudoRootProcesses(table, 503)).toEqual([]);
    // The agent never counts itself.
    expect(sudoRootProcesses(table, 501, 2312).map((p) => p.pid)).toEqual([2311, 2320, 2600, 2601]);
  });

  it('reads one process start time, none for a zombie or a gone process, and command lines', () => {
    expect(argv(processStartPlan(2311))).toBe('ps -o state=,lstart= -p 2311');
    expect(parseProcessStart('S+   Mon Nov  2 10:03:10 2026    \n')).toBe(
      'Mon Nov 2 10:03:10 2026',
    );
    expect(parseProcessStart('Z    Mon Nov 30 10:04:40 2026\n')).toBeNull();
    expect(parseProcessStart('')).toBeNull();
    expect(argv(commandLinesPlan([2311, 2320]))).toBe('ps -ww -o pid=,command= -p 2311,2320');
    expect(parseCommandLines(' 2311 sleep 300\n 2320 /Applications/A B.app/x --flag\n')).toEqual(
      new Map([
        [2311, 'sleep 300'],
        [2320, '/Applications/A B.app/x --flag'],
      ]),
    );
  });
});
