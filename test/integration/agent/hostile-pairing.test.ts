/**
 * Pairing against a rogue process of the user (docs/threat-model.md): under policy pairing
 * "confirm" the first process to pair is not trusted. It waits, shown to the admin with its
 * fingerprint and executable, and only the key the admin approves can sign requests.
 */
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AgentHandle } from '../../helpers/agent-process.js';
import { runClientAs } from '../../helpers/os-users.js';
import { withUserAndAgent } from '../../helpers/user-and-agent.js';
import { ELEVATECTL, run } from '../cli/cli-harness.js';

/** Runs as the user: makes (or reuses, from `args.pem`) a key, pairs it, asks for rights signed. */
const PAIR_AND_REQUEST = `
const { generateKeyPairSync, createPrivateKey } = await import('node:crypto');
const keys = args.pem
  ? { privateKey: createPrivateKey(args.pem) }
  : generateKeyPairSync('ed25519');
const pem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' });
let paired;
if (keys.publicKey) {
  const publicKey = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  paired = await client.call('auth.pair', { publicKey, client: args.client });
}
let request;
try {
  const s = await client.callSigned('request.create', { kind: 'elevate', level: 'admin', durationSec: 600, reason: 'install the printer driver' }, keys.privateKey);
  request = { level: s.level };
} catch (e) { request = { code: e.code }; }
return { pem, paired, request };
`;

interface Outcome {
  pem: string;
  paired?: { pending?: boolean; fingerprint?: string };
  request: { level?: string; code?: number };
}

describe('pairing a hostile process cannot win', () => {
  let agent: AgentHandle;
  let sam: string;

  withUserAndAgent(
    () => ({
      policy: {
        version: 1,
        defaults: {
          selfServe: true,
          approvalRequired: false,
          requireReason: false,
          requireSignedRequests: true,
          pairing: 'confirm',
        },
      },
    }),
    (made) => ({ user: sam, agent } = made),
  );

  const as = async (args: object): Promise<Outcome> => {
    const out = await runClientAs(sam, agent.dir, agent.socket, PAIR_AND_REQUEST, { args });
    if (!out.result) throw new Error(JSON.stringify(out.error));
    return out.result as Outcome;
  };
  const ctl = (...args: string[]) => run(ELEVATECTL, ['--socket', agent.socket, ...args]);

  it('keeps the first key to pair waiting, shows it to the admin, and trusts only the approved one', async () => {
    // A rogue process of sam pairs first, before the tray ever runs.
    const rogue = await as({ client: 'Elevate' });
    expect(rogue.paired).toMatchObject({
      pending: true,
      fingerprint: expect.stringMatching(/^SHA256:/),
    });
    expect(rogue.request).toEqual({ code: -32002 });

    // The real app pairs too; it also waits.
    const app = await as({ client: 'Elevate tray' });
    expect(app.paired?.pending).toBe(true);

    const list = await ctl('pair', 'list', '--json');
    expect(list.code, list.stderr).toBe(0);
    const [entry] = (
      JSON.parse(list.stdout) as {
        pairings: {
          user: string;
          fingerprint: null;
          pending: { fingerprint: string; exe: string | null; pid: number }[];
        }[];
      }
    ).pairings;
    expect(entry).toMatchObject({ user: sam, fingerprint: null });
    expect(entry!.pending.map((k) => k.fingerprint)).toEqual([
      rogue.paired!.fingerprint,
      app.paired!.fingerprint,
    ]);
    // The kernel's word on who asked: the node binary both ran as.
    for (const k of entry!.pending) expect(k.exe).toBe(realpathSync(process.execPath));

    const wrong = await ctl('pair', 'approve', sam, 'SHA256:not-a-waiting-key');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/No app key with fingerprint SHA256:not-a-waiting-key is waiting/);

    const ok = await ctl('pair', 'approve', sam, app.paired!.fingerprint!);
    expect(ok.code, ok.stderr).toBe(0);

    // Only the approved key's signature counts now.
    expect((await as({ pem: rogue.pem })).request).toEqual({ code: -32002 });
    expect((await as({ pem: app.pem })).request).toEqual({ level: 'admin' });

    const status = await ctl('status');
    expect(status.stdout).toContain('App keys:');
    expect(status.stdout).toContain(app.paired!.fingerprint!);
    const audit = await ctl('audit', '--json', '--user', sam);
    const types = (JSON.parse(audit.stdout) as { events: { type: string; actor: string }[] })
      .events;
    expect(types.filter((e) => e.type === 'auth.pair_requested')).toHaveLength(2);
    expect(types.find((e) => e.type === 'auth.paired')).toMatchObject({ actor: 'root' });
  });
});
