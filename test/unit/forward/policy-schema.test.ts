import { describe, expect, it } from 'vitest';
import { ForwardPolicySchema } from '../../../agent/forward/policy-schema.js';
import { policyEn } from '../../../agent/i18n/policy-en.js';
import { policyIssues } from '../../../agent/policy/policy-issue.js';

const issues = (input: unknown): string[] => {
  const r = ForwardPolicySchema.safeParse(input, policyIssues(policyEn));
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('ForwardPolicySchema', () => {
  it('accepts the documented example and fills in defaults', () => {
    const sinks = ForwardPolicySchema.parse([
      {
        name: 'siem',
        type: 'webhook',
        url: 'https://siem.example.com/elevate',
        hmacSecretFile: '/etc/elevate/siem.key',
        events: ['privilege.*', 'auth.failed'],
      },
      {
        name: 'it-channel',
        type: 'slack',
        url: 'https://hooks.slack.com/services/T/B/x',
        events: ['privilege.granted', 'request.created'],
      },
      {
        name: 'rsyslog',
        type: 'syslog',
        host: 'logs.example.com',
        port: 6514,
        protocol: 'tls',
        caFile: '/etc/ssl/certs/ca.pem',
      },
    ]);
    expect(sinks[2]).toMatchObject({ events: ['*'], maxOutbox: 100_000 });
  });

  it('names each mistake: unknown fields, plain http off-host, bad filters, duplicate names', () => {
    expect(issues([{ name: 'a', type: 'webhook', url: 'https://x.example', secret: 'x' }])).toEqual(
      ['0: Unrecognized key: "secret"'],
    );
    expect(issues([{ name: 'a', type: 'webhook', url: 'http://siem.example.com/' }])).toEqual([
      '0.url: must be an https:// URL (http:// only for 127.0.0.1 or localhost)',
    ]);
    expect(issues([{ name: 'a', type: 'webhook', url: 'http://127.0.0.1:8080/' }])).toEqual([]);
    expect(
      issues([{ name: 'a', type: 'slack', url: 'https://h', events: ['privilege.grantd'] }])[0],
    ).toMatch(/^0\.events\.0: must be "\*", "PREFIX\.\*" or an audit event type/);
    expect(
      issues([
        { name: 'a', type: 'syslog', host: 'h', port: 514, protocol: 'tcp', caFile: '/ca.pem' },
      ]),
    ).toEqual([
      '0.caFile: caFile only applies to protocol "tls": set protocol to "tls", or remove caFile',
    ]);
    expect(
      issues([
        { name: 'a', type: 'webhook', url: 'https://h', headers: { 'X-Elevate-Signature': 'x' } },
      ]),
    ).toEqual([
      '0.headers.X-Elevate-Signature: is set by the forwarder and cannot be overridden: remove it',
    ]);
    expect(
      issues([
        { name: 'a', type: 'slack', url: 'https://h' },
        { name: 'a', type: 'slack', url: 'https://h' },
      ]),
    ).toEqual(['1.name: sink name "a" is used twice: give each sink its own name']);
    expect(issues([{ name: '../etc', type: 'slack', url: 'https://h' }])[0]).toMatch(
      /^0\.name: must be 1-64 letters/,
    );
  });
});
