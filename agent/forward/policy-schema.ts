/**
 * The policy file's `forward` field: where audit events are delivered beyond this computer
 * (docs/forwarding.md). Strict like the rest of the policy: an unknown field or a filter that
 * names no event type is an error, so a typo never silently stops delivery.
 */
import { isAbsolute } from 'node:path';
import * as z from 'zod';
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
    { message: `must be "*", "PREFIX.*" or an audit event type (${EVENT_TYPES.join(', ')})` },
  );

const absolutePath = z.string().min(1).refine(isAbsolute, { message: 'must be an absolute path' });

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; plain http only to this computer, where nothing crosses a network. */
const postUrl = z.url().refine(
  (u) => {
    const url = new URL(u);
    return (
      url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
    );
  },
  { message: 'must be an https:// URL (http:// only for 127.0.0.1 or localhost)' },
);

/** Headers the forwarder sets itself; a policy may not replace them. */
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'host',
  'user-agent',
  'connection',
]);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const headerValue = z.string().regex(/^[^\r\n\0]*$/, 'must not contain line breaks');

const sinkName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

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
            ctx.addIssue({
              code: 'custom',
              message: 'must be a valid HTTP header name',
              path: [name],
            });
          } else if (RESERVED_HEADERS.has(lower) || lower.startsWith('x-elevate-')) {
            ctx.addIssue({
              code: 'custom',
              message: 'is set by the forwarder and cannot be overridden',
              path: [name],
            });
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
      .regex(/^[!-~]{1,48}$/, 'must be 1-48 printable ASCII characters without spaces')
      .optional(),
  })
  .strict()
  .refine((s) => s.protocol === 'tls' || s.caFile === undefined, {
    message: 'caFile only applies to protocol "tls"',
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
      ctx.addIssue({
        code: 'custom',
        message: `sink name "${sink.name}" is used twice`,
        path: [i, 'name'],
      });
    }
    seen.add(sink.name);
  });
});
export type ForwardPolicy = z.infer<typeof ForwardPolicySchema>;
