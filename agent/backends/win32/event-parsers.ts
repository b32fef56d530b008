/**
 * Reads `wevtutil qe Security /f:xml` (WC/wevtutil): one <Event> element per event, no root
 * element. Security event 4688 ("A new process has been created") carries the new process,
 * its creator and TokenElevationType: %%1936 full token (UAC off, built-in Administrator),
 * %%1937 elevated (the person consented or gave credentials to UAC), %%1938 limited. When
 * UAC elevated the process, SubjectUserSid is SYSTEM and the person is in TargetUserSid; a
 * process started from an already elevated one has the person in SubjectUserSid.
 * Fixture: test/fixtures/win32/wevtutil-4688.json (cites its source).
 */

export const TOKEN_ELEVATED = '%%1937';

export interface ProcessEvent {
  recordId: number;
  at: string;
  subjectSid: string;
  targetSid: string;
  elevation: string;
  newProcessName: string;
  commandLine: string;
  parentProcessName: string;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};
const decode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

export function parseProcessEvents(xml: string): ProcessEvent[] {
  const events: ProcessEvent[] = [];
  for (const m of xml.matchAll(/<Event[\s>][\s\S]*?<\/Event>/g)) {
    const e = m[0];
    if (!/<EventID>4688<\/EventID>/.test(e)) continue;
    const data = (name: string): string => {
      const d = new RegExp(`<Data Name=['"]${name}['"]\\s*(?:/>|>([\\s\\S]*?)</Data>)`).exec(e);
      return decode((d?.[1] ?? '').trim());
    };
    const record = /<EventRecordID>(\d+)<\/EventRecordID>/.exec(e);
    const at = /<TimeCreated SystemTime=['"]([^'"]+)['"]/.exec(e);
    if (!record || !at) continue;
    events.push({
      recordId: Number(record[1]),
      at: at[1]!,
      subjectSid: data('SubjectUserSid'),
      targetSid: data('TargetUserSid'),
      elevation: data('TokenElevationType'),
      newProcessName: data('NewProcessName'),
      commandLine: data('CommandLine'),
      parentProcessName: data('ParentProcessName'),
    });
  }
  return events;
}

/** Programs the account ran elevated (UAC), oldest first. */
export function elevatedBy(events: ProcessEvent[], sid: string): ProcessEvent[] {
  const same = (s: string): boolean => s.toUpperCase() === sid.toUpperCase();
  return events
    .filter((e) => e.elevation === TOKEN_ELEVATED && (same(e.subjectSid) || same(e.targetSid)))
    .sort((a, b) => a.recordId - b.recordId);
}

/** PowerShell prints a boolean as True or False, in every language. */
export function parseBoolean(stdout: string): boolean | null {
  const t = stdout.trim();
  return t === 'True' ? true : t === 'False' ? false : null;
}
