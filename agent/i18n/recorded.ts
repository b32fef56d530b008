/**
 * Sentences the agent recorded in English (audit reasons, request notes, why rights ended),
 * worded in the client's language as they leave the agent. The record itself never changes
 * (audit trail, forwarding and hash-free consumers read the English), only what one client is
 * sent. The English of each catalogue sentence is read back into its values, which the
 * client's language then puts into its own sentence.
 */
import type { Locale } from '../shared/i18n/locale.js';
import { en, type AgentMessages } from './en.js';
import { agentMessages } from './index.js';

/** Catalogue sections whose sentences the agent records. */
const SECTIONS = ['recorded', 'presence'] as const;
type Section = (typeof SECTIONS)[number];
/** The fields of a sent object that hold recorded sentences (events, requests, lastEnd). */
const FIELDS = new Set(['reason', 'note']);

interface Pattern {
  section: Section;
  key: string;
  re: RegExp;
}

/** A value no sentence holds, standing in for a function's arguments to find where they go. */
const SLOT = '\u{E000}';
const slot = (i: number) => `${SLOT}${i}${SLOT}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const exact = new Map<string, { section: Section; key: string }>();
const patterns: Pattern[] = [];
for (const section of SECTIONS) {
  for (const [key, message] of Object.entries(en[section])) {
    if (typeof message === 'string') {
      exact.set(message, { section, key });
      continue;
    }
    const fn = message as (...args: string[]) => string;
    const shape = fn(...Array.from({ length: fn.length }, (_, i) => slot(i)));
    const source = escape(shape).replace(new RegExp(`${SLOT}\\d+${SLOT}`, 'gu'), '(.*)');
    patterns.push({ section, key, re: new RegExp(`^${source}$`, 's') });
  }
}

type Sentence = string | ((...args: string[]) => string);

function say(m: AgentMessages, section: Section, key: string, args: string[]): string {
  const message = (m[section] as Record<string, Sentence>)[key]!;
  return typeof message === 'string' ? message : message(...args);
}

/** `text` in `locale` if the agent recorded it from its catalogue, else as it is. */
export function wordRecorded(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  const m = agentMessages(locale);
  const known = exact.get(text);
  if (known) return say(m, known.section, known.key, []);
  for (const p of patterns) {
    const match = p.re.exec(text);
    if (match) return say(m, p.section, p.key, match.slice(1));
  }
  return text;
}

/**
 * A copy of a result or push with its recorded sentences in `locale` (the original may go to
 * other clients too, so it is never changed). English is sent as it is.
 */
export function wordRecordedIn<T>(value: T, locale: Locale): T {
  return locale === 'en' ? value : (walk(value, locale) as T);
}

function walk(value: unknown, locale: Locale): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, locale));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      FIELDS.has(k) && typeof v === 'string' ? wordRecorded(v, locale) : walk(v, locale),
    ]),
  );
}
