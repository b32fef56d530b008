import { describe, expect, it } from 'vitest';
import {
  elevatedBy,
  parseBoolean,
  parseProcessEvents,
} from '../../../agent/backends/win32/event-parsers.js';
import {
  anyProcessCreationPlan,
  builtinAdministratorEnabledPlan,
  elevatedProcessesPlan,
} from '../../../agent/backends/win32/plans.js';
import { win32Fixture } from '../../helpers/win32-fixtures.js';

const JOHN = 'S-1-5-21-3471133136-2963561160-3931775028-1001';

describe('Security event 4688 (process creation)', () => {
  it('reads each event: record id, time, who, elevation, program, command line, parent', () => {
    const events = parseProcessEvents(win32Fixture('wevtutil-4688').stdout);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({
      recordId: 16044760,
      at: '2023-06-25T19:48:53.8848049Z',
      subjectSid: 'S-1-5-18',
      targetSid: JOHN,
      elevation: '%%1937',
      newProcessName: 'C:\\Windows\\regedit.exe',
      commandLine: '"C:\\Windows\\regedit.exe"',
      parentProcessName: 'C:\\Windows\\System32\\cmd.exe',
    });
  });

  it("counts only the person's elevated programs: UAC puts them in TargetUserSid", () => {
    const events = parseProcessEvents(win32Fixture('wevtutil-4688').stdout);
    // notepad.exe ran with a limited token (%%1938): not a use of admin rights.
    expect(elevatedBy(events, JOHN).map((e) => e.newProcessName)).toEqual([
      'C:\\Windows\\regedit.exe',
    ]);
    expect(elevatedBy(events, 'S-1-5-21-1-2-3-1001')).toEqual([]);
  });

  it('reads nothing from empty output (no match, or auditing off)', () => {
    expect(parseProcessEvents('')).toEqual([]);
  });

  it('queries elevated process creation since the grant started, as XML', () => {
    const plan = elevatedProcessesPlan('2026-11-30T21:00:00.000Z');
    expect(plan.file).toBe('wevtutil');
    expect(plan.args).toEqual([
      'qe',
      'Security',
      "/q:*[System[(EventID=4688) and TimeCreated[@SystemTime>='2026-11-30T21:00:00.000Z']] and EventData[Data[@Name='TokenElevationType']='%%1937']]",
      '/f:xml',
    ]);
    expect(anyProcessCreationPlan('2026-11-30T21:00:00.000Z').args).toContain('/c:1');
    expect(() => elevatedProcessesPlan("2026' or 1=1")).toThrow('is not a UTC time');
  });

  it('finds the built-in Administrator by its -500 SID, whatever its name', () => {
    expect(builtinAdministratorEnabledPlan().args.at(-1)).toContain("-like 'S-1-5-21-*-500'");
    expect(parseBoolean('True\r\n')).toBe(true);
    expect(parseBoolean('False\r\n')).toBe(false);
    expect(parseBoolean('')).toBeNull();
  });
});
