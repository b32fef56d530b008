/**
 * Real OS users for tests (we run as root): created with useradd, removed with userdel -r.
 * `runClientAs` runs a client script as that user with runuser, so authentication is real; the
 * client code comes from a world-readable copy, as the checkout may be private.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './agent-process.js';
import { publicPath } from './public-copy.js';

export function createUser(prefix = 'elv'): string {
  const name = `${prefix}${randomBytes(3).toString('hex')}`;
  execFileSync('useradd', ['--create-home', '--shell', '/bin/bash', name], { stdio: 'ignore' });
  return name;
}

export function deleteUser(name: string): void {
  try {
    execFileSync('userdel', ['--remove', '--force', name], { stdio: 'ignore' });
  } catch {
    // Already gone.
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(
  cmd: string,
  args: string[],
  input?: string,
  env?: NodeJS.ProcessEnv,
): Promise<RunResult> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
    p.stdin.on('error', () => undefined); // the command may exit before reading its input
    p.stdin.end(input ?? '');
  });
}

/**
 * Runs `body` (an async function's source, given `client`, `AgentClient`, `args`) as `user`
 * against `socket`, authenticating as `authAs` (default: the user), and returns its JSON output.
 */
export async function runClientAs(
  user: string,
  dir: string,
  socket: string,
  body: string,
  opts: { authAs?: string; args?: unknown; locale?: string } = {},
): Promise<{ result?: unknown; error?: { code?: number; message: string } }> {
  const script = join(dir, `client-${randomBytes(4).toString('hex')}.mjs`);
  writeFileSync(
    script,
    `import { AgentClient } from ${JSON.stringify(publicPath(join(REPO, 'dist/agent/client/agent-client.js')))};
const args = ${JSON.stringify(opts.args ?? null)};
let client;
try {
  client = await AgentClient.connect({ socketPath: ${JSON.stringify(socket)}, user: ${JSON.stringify(opts.authAs ?? user)}${opts.locale ? `, locale: ${JSON.stringify(opts.locale)}` : ''} });
  const result = await (async () => { ${body} })();
  console.log(JSON.stringify({ result }));
} catch (e) {
  console.log(JSON.stringify({ error: { code: e.code, message: e.message } }));
} finally {
  client?.close();
}
`,
    { mode: 0o644 },
  );
  const r = await run('runuser', ['-u', user, '--', process.execPath, script]);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`client as ${user} printed no result: ${r.stdout}\n${r.stderr}`);
  }
}
