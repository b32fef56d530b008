/**
 * requireAuthentication on Linux with a real polkit: a private system D-Bus and polkitd in a
 * mount namespace (the host has no system bus here), Elevate's shipped action file, and
 * pkttyagent answering the password prompt for the requesting client, as a person over SSH
 * would. The client runs as a real OS user; the agent asks polkit about that client's pid,
 * which it reads from the socket (SO_PEERCRED). `elevate request` and `elevate extend` start
 * that text agent themselves in the person's terminal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import { REPO, type AgentHandle } from '../../helpers/agent-process.js';
import { startAgentInNamespace, type AgentInNamespace } from '../../helpers/agent-in-namespace.js';
import { readAudit } from '../../helpers/audit.js';
import { bindEtc } from '../../helpers/namespace-holder.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';
import { publicPath } from '../../helpers/public-copy.js';
import { ELEVATE } from '../cli/cli-harness.js';
import { copyEtcToTempDir } from '../usage/namespace-agent.js';

const POLKITD = '/usr/lib/polkit-1/polkitd';
const canRun = process.getuid?.() === 0 && existsSync(POLKITD) && existsSync('/usr/bin/pkttyagent');
const PASSWORD = 'Correct-horse-1';

let user: string;
/** Asks through the elevate command line, in a terminal of their own. */
let cliUser: string;
let dir: string;
let env: AgentInNamespace | undefined;
let agent: AgentHandle;
let nsArg: string;

beforeAll(async () => {
  if (!canRun) return;
  user = createUser('elvpk');
  cliUser = createUser('elvpc');
  dir = copyEtcToTempDir();
  const actions = join(dir, 'actions');
  mkdirSync(actions);
  for (const f of readdirSync('/usr/share/polkit-1/actions')) {
    copyFileSync(join('/usr/share/polkit-1/actions', f), join(actions, f));
  }
  copyFileSync(
    join(REPO, 'packaging/linux/com.elevate.request.policy'),
    join(actions, 'com.elevate.request.policy'),
  );
  const setup = [
    bindEtc(`${dir}/etc`),
    `mount --bind ${actions} /usr/share/polkit-1/actions`,
    'mount -t tmpfs tmpfs /run/dbus',
    `printf '%s:${PASSWORD}\\n' ${user} ${cliUser} | chpasswd`,
    'dbus-daemon --system --fork --print-pid',
    `${POLKITD} --no-debug >/dev/null 2>&1 & echo $!`,
    // polkitd is ready once it owns its bus name.
    'for i in $(seq 100); do pkcheck --process $$ --action-id com.elevate.request 2>/dev/null && break; sleep 0.1; done',
    'echo ready',
    'exec sleep infinity',
  ].join(' && ');
  env = await startAgentInNamespace(setup, {
    policy: {
      version: 1,
      defaults: {
        selfServe: true,
        approvalRequired: false,
        requireAuthentication: 'password',
        reasonMinLength: 3,
      },
    },
  });
  ({ nsArg, agent } = env);
}, 60_000);

afterAll(async () => {
  if (!canRun) return;
  await env?.stop();
  deleteUser(user);
  deleteUser(cliUser);
});

/** The person's auth.failed events in the agent's audit trail, oldest first. */
function authFailures(): AuditEvent[] {
  return readAudit(agent.stateDir).filter((e) => e.type === 'auth.failed' && e.user === user);
}

/**
 * Starts a client as the user that prints its pid, waits for "go" on stdin, asks for rights
 * and prints the outcome as JSON.
 */
function startClient(locale = 'C.UTF-8'): {
  proc: ChildProcess;
  pid: Promise<number>;
  result: Promise<string>;
} {
  const script = join(agent.dir, `client-${Date.now()}.mjs`);
  writeFileSync(
    script,
    `import { AgentClient } from ${JSON.stringify(publicPath(join(REPO, 'dist/agent/client/agent-client.js')))};
const client = await AgentClient.connect({ socketPath: ${JSON.stringify(agent.socket)}, user: ${JSON.stringify(user)}, locale: ${JSON.stringify(locale)}, timeoutMs: 150000 });
console.log(process.pid);
await new Promise((r) => process.stdin.once('data', r));
try {
  const s = await client.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'polkit test' });
  console.log(JSON.stringify({ level: s.level, grant: !!s.grant }));
} catch (e) {
  console.log(JSON.stringify({ error: { code: e.code, message: e.message } }));
}
client.close();
process.exit(0);
`,
  );
  const proc = spawn('runuser', ['-u', user, '--', process.execPath, script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const pid = new Promise<number>((resolve) => {
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /^(\d+)\n/.exec(out);
      if (m) resolve(Number(m[1]));
    });
  });
  const result = new Promise<string>((resolve) =>
    proc.once('close', () => resolve(out.split('\n').filter(Boolean).pop() ?? '')),
  );
  return { proc, pid, result };
}

describe.skipIf(!canRun)('requireAuthentication with a real polkit', () => {
  it('grants once the person types their own password into the polkit prompt', async () => {
    const client = startClient();
    const pid = await client.pid;
    // A text authentication agent for exactly that process, on a pseudo-terminal.
    const tty = spawn(
      'nsenter',
      [nsArg, '--', 'script', '-qfec', `pkttyagent --process ${pid}`, '/dev/null'],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let prompt = '';
    tty.stdout!.on('data', (d) => (prompt += d));
    await new Promise((r) => setTimeout(r, 1500)); // let pkttyagent register
    client.proc.stdin!.write('go\n');
    // The terminal keeps what is typed until the prompt reads it.
    setTimeout(() => tty.stdin!.write(`${PASSWORD}\n`), 1000);
    const result = JSON.parse(await client.result);
    tty.kill('SIGKILL');
    // The person saw Elevate's action and message, for their own account.
    expect(prompt).toContain('AUTHENTICATING FOR com.elevate.request');
    expect(prompt).toContain('Confirm it is you to get temporary administrator rights');
    expect(prompt).toContain(`Authenticating as: ${user}`);
    expect(prompt).toContain('AUTHENTICATION COMPLETE');
    expect(result).toEqual({ level: 'admin', grant: true });
  }, 60_000);

  /** A client whose request no authentication agent answers: what it got back. */
  async function askWithoutPrompt(locale?: string): Promise<unknown> {
    const other = startClient(locale);
    await other.pid;
    other.proc.stdin!.write('go\n');
    return JSON.parse(await other.result);
  }

  it('refuses with what to do next when no password prompt can be shown', async () => {
    expect(await askWithoutPrompt()).toEqual({
      error: {
        code: -32002,
        message:
          'No password dialog could be shown to confirm it is you; ask from your desktop session, or over SSH run the elevate command in a terminal.',
      },
    });
    const failed = authFailures();
    expect(failed.at(-1)).toMatchObject({ detail: { reason: 'requireAuthentication' } });
  }, 60_000);

  it('refuses a German client in German, and records the refusal in English', async () => {
    expect(await askWithoutPrompt('de_DE.UTF-8')).toEqual({
      error: {
        code: -32002,
        message:
          'Es konnte kein Passwortdialog angezeigt werden, um zu bestätigen, dass Sie es sind; fragen Sie aus Ihrer Desktop-Sitzung an oder führen Sie über SSH den elevate-Befehl in einem Terminal aus.',
      },
    });
    const failed = authFailures();
    expect(failed.at(-1)).toMatchObject({
      reason:
        'No password dialog could be shown to confirm it is you; ask from your desktop session, or over SSH run the elevate command in a terminal.',
    });
  }, 60_000);
});

/**
 * Runs `elevate ARGS` as the CLI user on a pseudo-terminal (as over SSH: no desktop, no other
 * polkit agent) and types the password once the prompt shows. Resolves with what the
 * terminal showed and the exit code.
 */
function elevateInTerminal(args: string[]): Promise<{ screen: string; code: number | null }> {
  const argv = [process.execPath, publicPath(ELEVATE), '--socket', agent.socket, ...args];
  const command = ['runuser', '-u', cliUser, '--', ...argv].map((a) => `'${a}'`).join(' ');
  const tty = spawn('nsenter', [nsArg, '--', 'script', '-qfec', command, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let screen = '';
  let answered = 0;
  tty.stdout!.on('data', (d) => {
    screen += d;
    // Once per prompt, a moment after it shows: typed at once, the password was lost once on
    // a loaded machine (the prompt may still be setting up the terminal) and the prompt
    // waited for good.
    const prompts = screen.split('Password:').length - 1;
    if (prompts > answered) {
      answered = prompts;
      setTimeout(() => tty.stdin!.write(`${PASSWORD}\n`), 500);
    }
  });
  return new Promise((resolve) => tty.once('close', (code) => resolve({ screen, code })));
}

describe.skipIf(!canRun)('the elevate command line asks for the password in the terminal', () => {
  it('request, then extend: each shows the polkit prompt and goes through', async () => {
    const asked = await elevateInTerminal(['request', '10m', '--reason', 'print driver']);
    expect(asked.screen).toContain('AUTHENTICATING FOR com.elevate.request');
    expect(asked.screen).toContain(`Authenticating as: ${cliUser}`);
    expect(asked.screen).toMatch(/You are .* until/);
    expect(asked.code).toBe(0);
    const before = (await adminStatus()).grant!.expiresAt;

    const extended = await elevateInTerminal(['extend', '5m', '--reason', 'driver still copying']);
    expect(extended.screen).toContain('AUTHENTICATING FOR com.elevate.request');
    expect(extended.screen).toContain('AUTHENTICATION COMPLETE');
    expect(extended.code).toBe(0);
    const after = (await adminStatus()).grant!.expiresAt;
    expect(Date.parse(after) - Date.parse(before)).toBeGreaterThanOrEqual(299_000);
  }, 90_000);
});

async function adminStatus(): Promise<{ grant: { expiresAt: string } | null }> {
  return (await env!.client.call('admin.status', { user: cliUser })).users[0]!;
}
