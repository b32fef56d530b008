/**
 * A pretend Windows machine for the win32 backend's stand-in tools (test/standins/win32/,
 * never shipped): its state file, and the environment that puts the stand-ins first on PATH.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WIN32_STANDINS = resolve(import.meta.dirname, '../standins/win32');

export interface PretendWindows {
  language: 'en' | 'de';
  computerName: string;
  accounts: Record<string, string>;
  administrators: string[];
  sessions: { user: string; id: number; logonTime: string }[];
  loggedOff?: { user: string; id: number; logonTime: string }[];
  denyChanges?: boolean;
  /** Group Policy values under HKLM\\SOFTWARE\\Policies\\Elevate: NAME → [REG_TYPE, DATA]. */
  policies?: Record<string, [string, string]>;
  /** icacls: each directory's entries as [SID, FLAGS+RIGHTS, inherited]. */
  acls?: Record<string, [string, string, boolean][]>;
  /** icacls: "Access is denied." for every call. */
  icaclsDenied?: boolean;
  builtinAdminEnabled?: boolean;
  /** Accounts (or groups) with no profile on this computer: they never logged on here. */
  noProfile?: string[];
  /** Lookups of CONTOSO accounts fail as when no domain controller is in reach. */
  domainUnreachable?: boolean;
  /**
   * Domain ("CONTOSO\\Engineering") and local ("Helpdesk") groups; members are names or SIDs,
   * a domain group's may be domain groups (nesting). Read by the group lookup (groups.mjs).
   */
  groups?: Record<string, { sid: string; members: string[] }>;
  /** The group lookup of domain accounts fails (no logon server), names still translate. */
  logonServersUnreachable?: boolean;
  /** Security event 4688 entries; none at all = "Audit Process Creation" off. */
  processEvents?: ProcessCreation[];
}

export interface ProcessCreation {
  recordId: number;
  at: string;
  subjectSid: string;
  targetSid: string;
  /** %%1936 full, %%1937 elevated, %%1938 limited. */
  elevation: string;
  name: string;
  commandLine: string;
  parent: string;
}

export function writeMachine(dir: string, machine: PretendWindows): void {
  writeFileSync(join(dir, 'machine.json'), JSON.stringify(machine, null, 2));
}

export function readMachine(dir: string): PretendWindows {
  return JSON.parse(readFileSync(join(dir, 'machine.json'), 'utf8')) as PretendWindows;
}

export function standinEnv(dir: string, computerName: string): NodeJS.ProcessEnv {
  return {
    PATH: `${WIN32_STANDINS}:${process.env.PATH ?? ''}`,
    ELEVATE_WIN32_STANDIN_DIR: dir,
    COMPUTERNAME: computerName,
  };
}

export function calls(dir: string): string[][] {
  return readFileSync(join(dir, 'calls.log'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as string[]);
}
