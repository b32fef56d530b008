/**
 * A pretend Windows machine for the win32 backend's stand-in tools (test/standins/win32/,
 * never shipped): its state file, the environment that puts the stand-ins first on PATH, and
 * the real agent with its win32 backend started against it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AgentClient } from '../../agent/client/agent-client.js';
import { startAgentProcess, type AgentHandle } from './agent-process.js';

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
  /** The account `whoami` answers for. */
  signedIn?: string;
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

/** Where startWin32Agent keeps the pretend machine of the agent in `dir`. */
export const machineDirIn = (dir: string): string => join(dir, 'machine');

export function editMachine(machineDir: string, change: (m: PretendWindows) => void): void {
  const m = readMachine(machineDir);
  change(m);
  writeMachine(machineDir, m);
}

/**
 * The real agent in `dir` with its win32 backend, running the stand-ins against the pretend
 * machine in machineDirIn(dir): `machine` is written there first; null keeps the machine an
 * earlier agent in `dir` left (a restart).
 */
export async function startWin32Agent(
  dir: string,
  machine: PretendWindows | null,
  policy?: object,
): Promise<AgentHandle> {
  const machineDir = machineDirIn(dir);
  mkdirSync(machineDir, { recursive: true });
  if (machine) writeMachine(machineDir, machine);
  return startAgentProcess({
    backend: 'win32',
    dir,
    ...(policy ? { policy } : {}),
    env: standinEnv(machineDir, (machine ?? readMachine(machineDir)).computerName),
    // Every OS step starts a stand-in process: seconds on a loaded 2-core machine.
    startTimeoutMs: 60_000,
  });
}

/**
 * An admin client as SYSTEM (S-1-5-18), as elevatectl run by the service account: admin.* on
 * Windows is for SYSTEM and permanent Administrators. Calls that run stand-ins take seconds.
 */
export function connectAsSystem(agent: { socket: string }, client?: string): Promise<AgentClient> {
  return AgentClient.connect({
    socketPath: agent.socket,
    user: 'S-1-5-18',
    timeoutMs: 60_000,
    ...(client ? { client } : {}),
  });
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
