/**
 * Every sentence the agent sends a person or an admin comes from its catalogue (agent/i18n), so
 * it can be said in their language. This scan fails when a new English-only sentence appears in
 * the agent's code: put it in agent/i18n/en.ts (and de.ts, which tsc then asks for), or, if no
 * client ever reads it, add its file to KEPT_ENGLISH with the reason.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../..');

/** Not the agent's to say: the CLIs and clients keep their own catalogues; this is the agent's. */
const NOT_AGENT = ['agent/cli/', 'agent/client/', 'agent/i18n/', 'agent/shared/i18n/'];

/** Files whose sentences stay English, and why no client reads them in its language. */
const KEPT_ENGLISH: Record<string, string> = {
  // The Linux backend's own sentences are in the catalogue (m.linux, through osError).
  'agent/backends/darwin':
    'macOS and Windows tools’ refusals as the tools put them: the detail inside an OsRefused error, whose frame is worded per client (m.os), and audit details',
  'agent/backends/win32': 'as agent/backends/darwin',
  'agent/backends/linux.ts': 'gpasswd’s refusals, quoted with the tool’s own output',
  'agent/backends/run-command.ts':
    'how a tool failed (not installed, exit status), before its output',
  'agent/backends/simulated.ts': 'the demo backend’s own file, never a real person’s',
  'agent/cleanup/': 'audit details of the session clean-up, as the OS reported them',
  'agent/forward/':
    'the audit trail as syslog, webhook and Slack receive it, and the forwarder’s own log: no client, so no language',
  'agent/install/': 'restore-all and start-up checks print to the installer’s log',
  'agent/config.ts': 'start-up usage and refusals on the agent’s stderr',
  'agent/main.ts': 'the agent’s own log',
  'agent/server/socket-server.ts': 'start-up refusal on the agent’s stderr',
  'agent/store/state-store.ts': 'start-up refusal on the agent’s stderr',
  'agent/audit/audit-log.ts': 'an internal invariant: a client sees m.internal',
  'agent/auth/cookie-challenge.ts': 'an internal invariant: a client sees m.authFailed',
  'agent/codes/approval-code.ts': 'an internal invariant (the code format), never sent',
  'agent/shared/sessions.ts':
    'labels the popover and elevate history compute on the client side, not sent by the agent',
};

/**
 * Files inside a kept folder whose sentences are in the catalogue all the same, so the scan
 * guards them: the policy's readers, which `elevatectl policy check` speaks through (m.policy).
 */
const SCANNED_ANYWAY = [
  'agent/backends/darwin/managed-preferences.ts',
  'agent/forward/check-sinks.ts',
  'agent/forward/secret-file.ts',
];

const LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts')) yield relative(ROOT, path).replaceAll('\\', '/');
  }
}

/** A string literal that reads as English prose: a capital, then three words in a row. */
function sentences(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.trim();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
    for (const [literal] of line.matchAll(LITERAL)) {
      const words = literal.slice(1, -1).replace(/\$\{[^}]*\}/g, 'X');
      if (/^[A-Z]/.test(words) && /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/.test(words)) {
        found.push(`${i + 1}: ${literal}`);
      }
    }
  });
  return found;
}

const files = [...sources(join(ROOT, 'agent'))].filter(
  (f) => !NOT_AGENT.some((p) => f.startsWith(p)),
);

describe('the agent’s error path speaks only from its catalogue', () => {
  it('has no English-only sentence outside the catalogue and the files kept English on purpose', () => {
    const kept = Object.keys(KEPT_ENGLISH);
    const stray = files
      .filter((f) => SCANNED_ANYWAY.includes(f) || !kept.some((k) => f.startsWith(k)))
      .flatMap((f) => sentences(readFileSync(join(ROOT, f), 'utf8')).map((s) => `${f}:${s}`));
    expect(stray).toEqual([]);
  });

  it('makes every RpcError through agentError, which carries the catalogue’s words', () => {
    const direct = files.filter((f) => /new RpcError\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(direct).toEqual([]);
  });

  it('finds a sentence when one is added (the scan itself works)', () => {
    expect(sentences("throw new Error('The agent could not do that.');")).toHaveLength(1);
    expect(sentences("run(['--no-pager', 'show-session']);")).toEqual([]);
  });
});
