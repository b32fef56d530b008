/**
 * UsageMonitor against a real audit log and real files in a temp state dir, with sudo's JSON
 * log written the way sudo writes it (the sudo side itself is covered by the integration test).
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../agent/audit/audit-log.js';
import { UsageMonitor } from '../../../agent/usage/usage-monitor.js';
import { makeTempDir } from '../../helpers/agent-process.js';

function entry(command: string, user = 'sam'): string {
  const body = {
    uuid: `id-${command.length > 200 ? `long-${command.length}` : command}`,
    submit_time: { seconds: 1795527062, nanoseconds: 0 },
    submituser: user,
    command,
    runuser: 'root',
    submitcwd: '/tmp',
    runargv: [command.split('/').pop()],
  };
  return `\n    "accept": ${JSON.stringify(body)}`;
}

/** Appends one event as sudo does: "{" for a new file, else "," over the final "\n}\n". */
function sudoWrites(path: string, command: string, user?: string): void {
  if (!existsSync(path)) {
    writeFileSync(path, `{${entry(command, user)}\n}\n`);
    return;
  }
  const fd = openSync(path, 'r+');
  const { size } = fstatSync(fd);
  writeSync(fd, `,${entry(command, user)}\n}\n`, size - 3);
  closeSync(fd);
}

describe('UsageMonitor', () => {
  let dir: string;
  let audit: AuditLog;
  let recorded: string[];
  let monitor: UsageMonitor;

  const used = (): string[] =>
    audit
      .history('sam', 200)
      .filter((e) => e.type === 'privilege.used')
      .map((e) => String(e.detail?.['command']))
      .reverse();

  beforeEach(async () => {
    dir = makeTempDir('elevate-usage-');
    audit = new AuditLog(dir);
    await audit.open();
    recorded = [];
    monitor = new UsageMonitor({
      stateDir: dir,
      audit,
      recorded: (u) => recorded.push(u),
      log: () => undefined,
    });
  });

  afterEach(async () => {
    monitor.stop();
    await audit.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('watches only while someone is elevated, and records each command once', async () => {
    expect(monitor.watching).toBe(false);
    await monitor.start('sam', { id: 'g_1', level: 'admin' });
    expect(monitor.watching).toBe(true);
    const log = join(monitor.logDir, 'sam.log');
    sudoWrites(log, '/usr/bin/id');
    await expect.poll(used).toEqual(['/usr/bin/id']);
    sudoWrites(log, '/usr/bin/true');
    sudoWrites(log, '/usr/bin/someone-else', 'eve');
    await expect.poll(used).toEqual(['/usr/bin/id', '/usr/bin/true']);
    expect(recorded.length).toBeGreaterThan(0);
    const e = audit.history('sam', 1)[0]!;
    expect(e).toMatchObject({
      type: 'privilege.used',
      grantId: 'g_1',
      level: 'admin',
      actor: 'sam',
    });
    expect(e.at).toBe(new Date(1795527062000).toISOString());

    sudoWrites(log, '/usr/bin/last');
    await monitor.finish('sam', 'g_1');
    expect(used()).toEqual(['/usr/bin/id', '/usr/bin/true', '/usr/bin/last']);
    expect(monitor.watching).toBe(false);
    expect(existsSync(log)).toBe(false);
  });

  it('at start-up finishes logs of ended grants and drops logs no grant owns', async () => {
    await monitor.start('sam', { id: 'g_2', level: 'passwordless' });
    sudoWrites(join(monitor.logDir, 'sam.log'), '/usr/bin/id');
    await expect.poll(used).toEqual(['/usr/bin/id']);
    monitor.stop();
    // While "down": one more command, and a stray log of a grant that was never recorded.
    sudoWrites(join(monitor.logDir, 'sam.log'), '/usr/bin/after-crash');
    mkdirSync(monitor.logDir, { recursive: true });
    sudoWrites(join(monitor.logDir, 'eve.log'), '/usr/bin/stray', 'eve');

    const restarted = new UsageMonitor({
      stateDir: dir,
      audit,
      recorded: () => undefined,
      log: () => undefined,
    });
    await restarted.finishOrphans(() => false);
    expect(used()).toEqual(['/usr/bin/id', '/usr/bin/after-crash']);
    expect(existsSync(join(monitor.logDir, 'sam.log'))).toBe(false);
    expect(existsSync(join(monitor.logDir, 'eve.log'))).toBe(false);
    expect(audit.history('eve', 10)).toEqual([]);
    expect(restarted.watching).toBe(false);
  });

  it('stores at most 4 KB of a multi-megabyte command line, with its length and SHA-256, and counts every command per grant', async () => {
    await monitor.start('sam', { id: 'g_big', level: 'admin' });
    const log = join(monitor.logDir, 'sam.log');
    const huge = `/usr/bin/echo ${'A'.repeat(3 * 1024 * 1024)}`;
    sudoWrites(log, huge);
    for (let i = 0; i < 250; i++) sudoWrites(log, `/usr/bin/true${i}`);
    await expect.poll(() => audit.commandsIn('g_big'), { timeout: 20_000 }).toBe(251);
    await monitor.finish('sam', 'g_big');
    const big = (await audit.query({ limit: 1000 })).find(
      (e) => e.type === 'privilege.used' && e.detail?.['commandLength'] === huge.length,
    );
    expect(big?.detail).toMatchObject({
      commandSha256: createHash('sha256').update(huge).digest('hex'),
    });
    expect(String(big?.detail?.['command']).length).toBeLessThan(4200);
    expect(readFileSync(audit.path, 'utf8').length).toBeLessThan(1024 * 1024);
    // More commands than the 200 recent events kept per user: the count still holds them all.
    expect(audit.history('sam', 200).length).toBe(200);
  });
});
