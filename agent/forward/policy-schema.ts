/**
 * The policy file's `forward` field: where audit events are delivered beyond this computer
 * (docs/forwarding.md). Strict like the rest of the policy: an unknown field or a filter that
 * names no event type is an error, so a typo never silently stops delivery.
 */
import { isAbsolute } from 'node:path';
import * as z from 'zod';
import { says } from '../policy/policy-issue.js';
import { AuditEventTypeSchema } from '../protocol/schemas.js';

export const DEFAULT_MAX_OUTBOX = 100_000;

const EVENT_TYPES: readonly string[] = AuditEventTypeSchema.options;
const EVENT_PREFIXES = new Set(EVENT_TYPES.map((t) => t.slice(0, t.indexOf('.'))));

/** `"*"`, `"privilege.*"` (every type with that prefix) or an exact type such as `"auth.failed"`. */
export const EventFilterSchema = z
  .string()
  .refine(
    (f) =>
      f === '*' ||
      EVENT_TYPES.includes(f) ||
      (f.endsWith('.*') && EVENT_PREFIXES.has(f.slice(0, -2))),
    says('eventFilter', EVENT_TYPES.join(', ')),
  );

const absolutePath = z.string().min(1).refine(isAbsolute, says('absolutePath'));

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; plain http only to this computer, where nothing crosses a network. */
const postUrl = z.url().refine((u) => {
  const url = new URL(u);
  return (
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  );
}, says('httpsUrl'));

/** Headers the forwarder sets itself; a policy may not replace them. */
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'host',
  'user-agent',
  'connection',
]);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const headerValue = z.string().refine((v) => /^[^\r\n\0]*$/.test(v), says('oneLine'));

const sinkName = z
  .string()
  .refine((n) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(n), says('sinkName'));

const common = {
  name: sinkName,
  events: z.array(EventFilterSchema).min(1).default(['*']),
  /** Undelivered events kept per sink; past it the oldest are dropped and reported. */
  maxOutbox: z.number().int().min(10).max(10_000_000).default(DEFAULT_MAX_OUTBOX),
};

export const WebhookSinkSchema = z
  .object({
    ...common,
    type: z.literal('webhook'),
    url: postUrl,
    hmacSecretFile: absolutePath.optional(),
    caFile: absolutePath.optional(),
    /** 1: one event per POST, the event as body; more: `{"events": [...]}` bodies. */
    batchSize: z.number().int().min(1).max(100).default(1),
    headers: z
      .record(z.string(), headerValue)
      .superRefine((headers, ctx) => {
        for (const name of Object.keys(headers)) {
          const lower = name.toLowerCase();
          if (!HEADER_NAME.test(name)) {
            ctx.addIssue({ code: 'custom', path: [name], ...says('headerName') });
          } else if (RESERVED_HEADERS.has(lower) || lower.startsWith('x-elevate-')) {
            ctx.addIssue({ code: 'custom', path: [name], ...says('reservedHeader') });
          }
        }
      })
      .optional(),
  })
  .strict();

export const SlackSinkSchema = z
  .object({
    ...common,
    type: z.literal('slack'),
    url: postUrl,
    caFile: absolutePath.optional(),
  })
  .strict();

export const SyslogSinkSchema = z
  .object({
    ...common,
    type: z.literal('syslog'),
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65_535),
    protocol: z.enum(['tcp', 'tls']),
    caFile: absolutePath.optional(),
    /** RFC 5424 APP-NAME: 1-48 printable US-ASCII characters. */
    appName: z
      .string()
      .refine((a) => /^[!-~]{1,48}$/.test(a), says('appName'))
      .optional(),
  })
  .strict()
  .refine((s) => s.protocol === 'tls' || s.caFile === undefined, {
    ...says('caFileTlsOnly'),
    path: ['caFile'],
  });

export const ForwardSinkSchema = z.discriminatedUnion('type', [
  WebhookSinkSchema,
  SlackSinkSchema,
  SyslogSinkSchema,
]);
export type ForwardSink = z.infer<typeof ForwardSinkSchema>;
export type ForwardSinkInput = z.input<typeof ForwardSinkSchema>;
export type WebhookSink = z.infer<typeof WebhookSinkSchema>;
export type SlackSink = z.infer<typeof SlackSinkSchema>;
export type SyslogSink = z.infer<typeof SyslogSinkSchema>;

export const ForwardPolicySchema = z.array(ForwardSinkSchema).superRefine((sinks, ctx) => {
  const seen = new Set<string>();
  sinks.forEach((sink, i) => {
    if (seen.has(sink.name)) {
      ctx.addIssue({ code: 'custom', path: [i, 'name'], ...says('sinkNameTwice', sink.name) });
    }
    seen.add(sink.name);
  });
});
export type ForwardPolicy = z.infer<typeof ForwardPolicySchema>;
