/**
 * What the CLIs say and do about issue 13's policy fields: reason presets (listed, and picked
 * by number), the elevated-time allowance, and a terminal password prompt for polkit when the
 * policy asks the person to confirm it is them (over SSH there is no desktop dialog).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { Snapshot } from '../protocol/schemas.js';
import { formatDuration } from './duration.js';
import { cliIntlTag, t } from './locale.js';

/** `--reason 2` picks the second preset; anything else is the text itself. */
export function resolveReasonPreset(
  reason: string | undefined,
  policy: Snapshot['policy'],
): string | undefined {
  const presets = policy.reasonPresets ?? [];
  const n = reason?.trim().match(/^\d+$/) ? Number(reason.trim()) : 0;
  return n >= 1 && n <= presets.length ? presets[n - 1] : reason;
}

/** Null when fine; else the sentence that lists the choices. */
export function presetProblem(
  reason: string | undefined,
  policy: Snapshot['policy'],
): string | null {
  const presets = policy.reasonPresets ?? [];
  if (!policy.reasonPresetsOnly || presets.includes(reason?.trim() ?? '')) return null;
  return t.reason.presetsOnly(presetList(presets));
}

export function presetList(presets: readonly string[]): string {
  return presets.map((p, i) => `  ${i + 1}. ${p}`).join('\n');
}

/** Lines for `elevate status`: the reason choices and what the caps leave. */
export function policyAdditionLines(s: Snapshot): string[] {
  const out: string[] = [];
  const presets = s.policy.reasonPresets ?? [];
  if (presets.length) {
    out.push(t.reason.choose(!s.policy.reasonPresetsOnly), presetList(presets));
  }
  if (s.allowance) {
    const more = s.allowance.moreAt
      ? t.reason.moreFrom(new Date(s.allowance.moreAt).toLocaleString(cliIntlTag))
      : '';
    out.push(t.reason.allowance(formatDuration(s.allowance.leftSec), more));
  }
  return out;
}

/** How long the text agent may take to register before the request goes ahead anyway. */
const REGISTER_TIMEOUT_MS = 5_000;

/**
 * Linux: when the policy asks for proof and this is a terminal, a polkit text agent for this
 * very process (the one the agent asks polkit about), so the prompt comes in the terminal,
 * also over SSH. Not --fallback: polkitd (0.122, Debian 12) then did not use it for this
 * process, even with no other agent. The request waits until pkttyagent says it is registered
 * (it closes --notify-fd, pkttyagent(1)); asking earlier makes polkit find no agent and
 * refuse. Returns a stop function.
 */
export async function startTerminalPrompt(s: Snapshot): Promise<() => void> {
  const required = s.policy.requireAuthentication ?? 'none';
  if (required === 'none' || process.platform !== 'linux' || !process.stdin.isTTY) {
    return () => undefined;
  }
  let child: ChildProcess;
  try {
    child = spawn('pkttyagent', ['--process', String(process.pid), '--notify-fd', '3'], {
      stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
    });
  } catch {
    return () => undefined;
  }
  const notify = child.stdio[3] as Readable | null;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, REGISTER_TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    // Not installed, or exit 127 (could not register): the agent's refusal then says what to do.
    child.once('error', done);
    child.once('exit', done);
    notify?.once('close', done);
    notify?.resume();
  });
  return () => child.kill();
}
