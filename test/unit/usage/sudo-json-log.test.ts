import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropInContent } from '../../../agent/backends/linux.js';
import { commandUses, readSudoLogEvents } from '../../../agent/usage/sudo-json-log.js';
import { sudoLogRule } from '../../../agent/usage/sudo-log-path.js';

/** An event as sudo 1.9 writes it with log_format=json (pretty-printed, 4-space indent). */
function accept(argv: string[], extra: Record<string, unknown> = {}): string {
  const body = {
    uuid: `u-${argv.join('-')}`,
    submit_time: { seconds: 1795527062, nanoseconds: 113126571 },
    submituser: 'sam',
    command: `/usr/bin/${argv[0]}`,
    runuser: 'root',
    submitcwd: '/home/sam',
    runargv: argv,
    ...extra,
  };
  return `\n    "accept": ${JSON.stringify(body, null, 4).replace(/\n/g, '\n    ')}`;
}

/** The file after these events: "{", events joined by ",", then "\n}\n". */
function file(...events: string[]): string {
  return `{${events.join(',')}\n}\n`;
}

describe('readSudoLogEvents', () => {
  it('reads every complete event and stops before the closing brace', () => {
    const text = file(accept(['id']), accept(['ls', '/root']));
    const { events, consumed } = readSudoLogEvents(Buffer.from(text));
    expect(commandUses(events).map((u) => u.command)).toEqual(['/usr/bin/id', '/usr/bin/ls /root']);
    expect(text.slice(consumed)).toBe('\n}\n');
  });

  it('continues where it stopped after sudo overwrote the end with the next event', () => {
    const first = file(accept(['id']));
    const { consumed } = readSudoLogEvents(Buffer.from(first));
    const grown = first.slice(0, -3) + ',' + accept(['true']) + '\n}\n';
    const next = readSudoLogEvents(Buffer.from(grown.slice(consumed)));
    expect(commandUses(next.events).map((u) => u.command)).toEqual(['/usr/bin/true']);
  });

  it('leaves a half-written event for the next read', () => {
    const whole = file(accept(['id']), accept(['ls', '/root']));
    const cut = whole.slice(0, whole.lastIndexOf('"runargv"'));
    const { events, consumed } = readSudoLogEvents(Buffer.from(cut));
    expect(commandUses(events).map((u) => u.command)).toEqual(['/usr/bin/id']);
    const rest = readSudoLogEvents(Buffer.from(whole.slice(consumed)));
    expect(commandUses(rest.events).map((u) => u.command)).toEqual(['/usr/bin/ls /root']);
  });

  it('is not fooled by braces, quotes and "accept" inside strings', () => {
    const tricky = accept(['echo', '} ", "accept": { \\ {'], {
      submitcwd: '/tmp/x ; COMMAND=/bin/fake',
    });
    const [use] = commandUses(readSudoLogEvents(Buffer.from(file(tricky))).events);
    expect(use).toMatchObject({
      argv: ['/usr/bin/echo', '} ", "accept": { \\ {'],
      cwd: '/tmp/x ; COMMAND=/bin/fake',
    });
  });

  it('maps the fields the audit event keeps, and skips events that are not commands run', () => {
    const reject = `\n    "reject": ${JSON.stringify({ submituser: 'sam', command: '/usr/bin/id', reason: 'command not allowed' })}`;
    const events = readSudoLogEvents(
      Buffer.from(file(reject, accept(['id'], { ttyname: '/dev/pts/3', runuser: 'www-data' }))),
    ).events;
    expect(events.map((e) => e.type)).toEqual(['reject', 'accept']);
    expect(commandUses(events)).toEqual([
      {
        command: '/usr/bin/id',
        argv: ['/usr/bin/id'],
        cwd: '/home/sam',
        runAs: 'www-data',
        tty: '/dev/pts/3',
        at: new Date(1795527062113).toISOString(),
        sudoEventId: 'u-id',
        submitUser: 'sam',
      },
    ]);
  });
});

describe('sudoLogRule', () => {
  it('writes a plain path as it is and quotes one sudoers would misread', () => {
    expect(sudoLogRule('sam', '/var/lib/elevate/sudo-log/sam.log')).toBe(
      'Defaults:sam logfile=/var/lib/elevate/sudo-log/sam.log, log_format=json',
    );
    expect(sudoLogRule('sam', '/tmp/a b,"c"/sam.log')).toBe(
      'Defaults:sam logfile="/tmp/a b,\\"c\\"/sam.log", log_format=json',
    );
  });

  it('makes drop-ins that visudo accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'elevate-rule-'));
    try {
      for (const log of ['/var/lib/elevate/sudo-log/sam.log', '/tmp/a b,"c"/sam.log']) {
        const path = join(dir, 'drop-in');
        writeFileSync(path, dropInContent('sam', 'passwordless', log), { mode: 0o440 });
        expect(execFileSync('visudo', ['-c', '-f', path]).toString()).toMatch(/parsed OK/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
