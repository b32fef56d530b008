/**
 * What a person and an admin read in a real terminal (80 columns, as tmux draws it): each
 * screen is written to test/e2e/captures/NAME.txt for people to read, and checked for what
 * would spoil it: a line wider than the terminal, a raw control character, a refusal without a
 * next step.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstWord } from '../../agent/cli/wrap.js';
import { REPO } from '../helpers/agent-process.js';
import { publicProgram } from '../helpers/public-copy.js';
import {
  createUser,
  deleteUser,
  ELEVATE,
  ELEVATECTL,
  ensureBuilt,
  startAgent,
  type RunningAgent,
} from '../integration/cli/cli-harness.js';
import { Terminal, type Screen } from './support/terminal.js';

const CAPTURES = join(REPO, 'test/e2e/captures');
const COLUMNS = 80;

let agent: RunningAgent;
let term: Terminal;
let person: string;

beforeAll(async () => {
  ensureBuilt();
  rmSync(CAPTURES, { recursive: true, force: true });
  mkdirSync(CAPTURES, { recursive: true });
  person = createUser();
  agent = await startAgent({
    version: 1,
    defaults: { selfServe: false, approvalRequired: true, levels: ['admin'] },
  });
  term = new Terminal(COLUMNS, 40);
});

afterAll(async () => {
  term?.close();
  await agent?.stop();
  if (person) deleteUser(person);
});

/** Runs a CLI as `user` (root when absent) in the terminal and keeps the screen as NAME.txt. */
async function capture(
  name: string,
  user: string | null,
  script: string,
  args: string[],
  env: Record<string, string> = {},
) {
  const socket = args.includes('--socket') ? [] : ['--socket', agent.socket];
  const cli = [...publicProgram(script), ...socket, ...args];
  const screen = await term.run(user ? ['runuser', '-u', user, '--', ...cli] : cli, env);
  const vars = Object.entries(env).map(([k, v]) => `${k}=${v} `);
  writeFileSync(
    join(CAPTURES, `${name}.txt`),
    `$ ${user ? `(as ${user}) ` : '# '}${vars.join('')}${script.endsWith('elevatectl.js') ? 'elevatectl' : 'elevate'} ${args.join(' ')}\n${screen.rows.join('\n')}\n[exit ${screen.exitCode}]\n`,
  );
  expectReadable(screen, name);
  return screen;
}

function expectReadable(screen: Screen, name: string): void {
  for (const line of screen.lines) {
    expect(line.length, `${name}: "${line}" is wider than the terminal`).toBeLessThanOrEqual(
      COLUMNS,
    );
    const raw = [...line].find((c) => /\p{Cc}/u.test(c));
    expect(raw, `${name}: raw control character in "${line}"`).toBeUndefined();
  }
}

/** The screen as one string, wrapped lines joined, for matching sentences. */
const text = (s: Screen) => s.lines.join(' ').replace(/\s+/g, ' ');

describe('the command lines in an 80-column terminal', () => {
  it('a person asks, an admin approves, both read what happened', async () => {
    const before = await capture('01-person-status-standard', person, ELEVATE, ['status']);
    expect(text(before)).toMatch(/Standard user/);

    const bare = await capture('02-person-request-bare-number', person, ELEVATE, [
      'request',
      '10',
      '--reason',
      'install the printer driver',
    ]);
    expect(bare.exitCode).not.toBe(0);
    expect(text(bare)).toMatch(/10m|10 min/);

    const asked = await capture('03-person-request', person, ELEVATE, [
      'request',
      '10m',
      '--reason',
      'install the printer driver',
    ]);
    expect(asked.exitCode).toBe(0);
    expect(text(asked)).toMatch(/waiting|approval/i);

    const list = await capture('04-admin-requests', null, ELEVATECTL, ['requests']);
    expect(text(list)).toContain(person);
    const id = /\b(r_[A-Za-z0-9_-]+)/.exec(text(list))?.[1];
    expect(id, 'the request id is on the admin screen').toBeDefined();

    const approved = await capture('05-admin-approve', null, ELEVATECTL, [
      'approve',
      id!,
      '--note',
      'ok for the printer, ticket 4411',
    ]);
    expect(approved.exitCode).toBe(0);

    const now = await capture('06-person-status-elevated', person, ELEVATE, ['status']);
    expect(text(now)).toMatch(/Administrator/);
    expect(text(now)).toMatch(/ticket 4411/);

    const status = await capture('07-admin-status', null, ELEVATECTL, ['status', person]);
    expect(text(status)).toContain(person);

    const audit = await capture('08-admin-audit', null, ELEVATECTL, ['audit', '--user', person]);
    expect(text(audit)).toMatch(/request\.approved|approved/);

    const history = await capture('09-person-history', person, ELEVATE, ['history']);
    expect(text(history)).toMatch(/Administrator/);

    const stopped = await capture('10-person-stop', person, ELEVATE, ['stop']);
    expect(stopped.exitCode).toBe(0);
  });

  it('says what to do when the agent is not there', async () => {
    const gone = await capture('11-person-no-agent', person, ELEVATE, [
      'status',
      '--socket',
      '/tmp/elevate-no-such-agent.sock',
    ]);
    expect(gone.exitCode).not.toBe(0);
    expect(text(gone)).toContain('/tmp/elevate-no-such-agent.sock');
  });

  it('prints help that fits', async () => {
    const help = await capture('12-person-help', person, ELEVATE, ['--help']);
    expect(help.exitCode).toBe(0);
    const adminHelp = await capture('13-admin-help', null, ELEVATECTL, ['--help']);
    expect(adminHelp.exitCode).toBe(0);
  });
});

describe('refusals in the terminal say what to do next', () => {
  it('a second request, an approve by name, an unknown user, a socket that is not the agent', async () => {
    const first = await capture('20-person-request-again-1', person, ELEVATE, [
      'request',
      '15m',
      '--reason',
      'update the VPN client',
    ]);
    expect(first.exitCode).toBe(0);
    const again = await capture('21-person-request-while-pending', person, ELEVATE, [
      'request',
      '15m',
      '--reason',
      'update the VPN client',
    ]);
    expect(again.exitCode).not.toBe(0);
    expect(text(again)).toMatch(/elevate cancel|elevate watch/);

    const byName = await capture('22-admin-approve-by-name', null, ELEVATECTL, ['approve', person]);
    expect(byName.exitCode).not.toBe(0);
    expect(text(byName)).toMatch(/elevatectl requests/);

    const grantUnknown = await capture('23-admin-grant-unknown', null, ELEVATECTL, [
      'grant',
      'nobody-here-42',
      '--for',
      '10m',
    ]);
    const revokeUnknown = await capture('24-admin-revoke-unknown', null, ELEVATECTL, [
      'revoke',
      'nobody-here-42',
    ]);
    expect(grantUnknown.exitCode).not.toBe(0);
    expect(text(revokeUnknown)).toBe(text(grantUnknown));

    const notAgent = await capture('25-person-socket-not-agent', person, ELEVATE, [
      'status',
      '--socket',
      '/etc/hostname',
    ]);
    expect(notAgent.exitCode).not.toBe(0);
    expect(text(notAgent)).toContain('/etc/hostname is not the Elevate agent');

    const cancel = await capture('26-person-cancel', person, ELEVATE, ['cancel']);
    expect(cancel.exitCode).toBe(0);
  });

  it('--help and --version work on every subcommand', async () => {
    for (const [name, script, args] of [
      ['30-person-request-help', ELEVATE, ['request', '--help']],
      ['31-admin-grant-help', ELEVATECTL, ['grant', '--help']],
      ['32-admin-audit-help', ELEVATECTL, ['audit', '--help']],
      ['33-admin-version', ELEVATECTL, ['status', '--version']],
    ] as const) {
      const screen = await capture(name, null, script, [...args]);
      expect(screen.exitCode, name).toBe(0);
      // Paragraphs are wrapped at the terminal's width, not at the source's: no short lines
      // followed by a word that would have fitted on them (a number keeps its unit: "10 min").
      for (const [i, row] of screen.rows.entries()) {
        const nextWord = firstWord(screen.rows[i + 1] ?? '');
        if (row.trim() && nextWord && !/^\s/.test(screen.rows[i + 1]!)) {
          expect(row.length + 1 + nextWord.length, `${name}: ragged "${row}"`).toBeGreaterThan(
            COLUMNS,
          );
        }
      }
    }
  });
});

describe('the command lines in German (LANG=de_DE.UTF-8)', () => {
  it('help and status read German and fit the terminal', async () => {
    const de = { LANG: 'de_DE.UTF-8' };
    const help = await capture('40-de-person-help', person, ELEVATE, ['--help'], de);
    expect(help.exitCode).toBe(0);
    expect(text(help)).toContain('Aufruf: elevate BEFEHL [Optionen]');
    expect(text(help)).toContain('Optionen für jeden Befehl:');

    const status = await capture('41-de-person-status', person, ELEVATE, ['status'], de);
    expect(status.exitCode).toBe(0);
    expect(text(status)).toMatch(/Benutzer: .*Stufe: Standardbenutzer/);

    const admin = await capture('42-de-admin-status', null, ELEVATECTL, ['status'], de);
    expect(admin.exitCode).toBe(0);
    expect(text(admin)).toMatch(
      /BENUTZER STUFE|Letzte Anfrage:|Kein Benutzer hat befristete Rechte/,
    );

    const adminHelp = await capture('43-de-admin-help', null, ELEVATECTL, ['--help'], de);
    expect(adminHelp.exitCode).toBe(0);
    expect(text(adminHelp)).toContain('Aufruf: elevatectl BEFEHL [Optionen]');
    expect(text(adminHelp)).toContain('Befehle:');

    // An admin's typo in the policy: which field, and what to do about it, in German.
    const policy = join(agent.dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ version: 1, defaults: { selfServ: true } }));
    const check = await capture(
      '44-de-admin-policy-check',
      null,
      ELEVATECTL,
      ['policy', 'check', policy],
      de,
    );
    expect(check.exitCode).toBe(1);
    expect(text(check)).toContain(
      'Das Richtlinienfeld defaults.selfServ ist kein bekanntes Feld (ein Tippfehler würde die Richtlinie schwächen): Prüfen Sie die Schreibweise anhand von POLICY.md oder entfernen Sie es.',
    );
  });
});
