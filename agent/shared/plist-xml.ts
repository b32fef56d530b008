/**
 * Reads Apple's XML property lists: what `dscl -plist` prints and what `plutil -convert xml1`
 * makes of a managed-preferences file. A small reader on purpose (the agent's only runtime
 * dependency is zod): the DTD's elements, the five XML entities and character references.
 * <data> stays base64 text and <date> an ISO string; callers validate shapes with zod.
 */
export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

export class PlistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlistError';
  }
}

interface Token {
  /** Tag name, or '' for text between tags. */
  tag: string;
  kind: 'open' | 'close' | 'empty' | 'text';
  text: string;
}

function* tokens(xml: string): Generator<Token> {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      yield { tag: '', kind: 'text', text: xml.slice(i) };
      return;
    }
    if (lt > i) yield { tag: '', kind: 'text', text: xml.slice(i, lt) };
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) throw new PlistError('an XML comment is not closed');
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new PlistError('a tag is not closed');
    const body = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (body.startsWith('?') || body.startsWith('!')) continue;
    if (body.startsWith('/')) yield { tag: body.slice(1).trim(), kind: 'close', text: '' };
    else if (body.endsWith('/'))
      yield { tag: body.slice(0, -1).trim().split(/\s/)[0] ?? '', kind: 'empty', text: '' };
    else yield { tag: body.trim().split(/\s/)[0] ?? '', kind: 'open', text: '' };
  }
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e] ?? '';
  });
}

class Reader {
  private readonly list: Token[];
  private pos = 0;

  constructor(xml: string) {
    // Whitespace between elements carries no meaning in a plist.
    this.list = [...tokens(xml)].filter((t) => t.kind !== 'text' || t.text.trim() !== '');
  }

  document(): PlistValue {
    const first = this.next();
    if (first.tag !== 'plist' || first.kind !== 'open')
      throw new PlistError('the document is not a <plist>');
    const value = this.value();
    this.expectClose('plist');
    return value;
  }

  private next(): Token {
    const t = this.list[this.pos++];
    if (!t) throw new PlistError('the property list ends too early');
    return t;
  }

  private expectClose(tag: string): void {
    const t = this.next();
    if (t.kind !== 'close' || t.tag !== tag) throw new PlistError(`<${tag}> is not closed`);
  }

  /** Text content up to the closing tag ('' for an element with none). */
  private textOf(tag: string): string {
    const t = this.list[this.pos];
    let text = '';
    if (t?.kind === 'text') {
      text = decode(t.text);
      this.pos++;
    }
    this.expectClose(tag);
    return text;
  }

  private value(): PlistValue {
    const t = this.next();
    if (t.kind === 'empty') {
      const empty: Record<string, PlistValue> = {
        true: true,
        false: false,
        string: '',
        array: [],
        dict: {},
      };
      if (t.tag in empty) return empty[t.tag] as PlistValue;
      throw new PlistError(`<${t.tag}/> is not a property list value`);
    }
    if (t.kind !== 'open') throw new PlistError('a value was expected');
    switch (t.tag) {
      case 'string':
      case 'date':
        return this.textOf(t.tag);
      case 'data':
        return this.textOf(t.tag).replace(/\s+/g, '');
      case 'integer':
      case 'real': {
        const text = this.textOf(t.tag).trim();
        const n = Number(text);
        if (text === '' || !Number.isFinite(n)) throw new PlistError(`<${t.tag}> holds "${text}"`);
        return n;
      }
      case 'array': {
        const items: PlistValue[] = [];
        while (this.openUntil('array')) items.push(this.value());
        this.expectClose('array');
        return items;
      }
      case 'dict': {
        const dict: Record<string, PlistValue> = {};
        while (this.openUntil('dict')) {
          const k = this.next();
          if (k.kind !== 'open' || k.tag !== 'key') throw new PlistError('a <key> was expected');
          const key = this.textOf('key');
          dict[key] = this.value();
        }
        this.expectClose('dict');
        return dict;
      }
      default:
        throw new PlistError(`<${t.tag}> is not a property list element`);
    }
  }

  /** True while the container has more items; its own closing tag ends it, any other is an error. */
  private openUntil(tag: string): boolean {
    const t = this.list[this.pos];
    if (!t) throw new PlistError('the property list ends too early');
    if (t.kind !== 'close') return true;
    if (t.tag !== tag) throw new PlistError(`<${tag}> is not closed`);
    return false;
  }
}

/** Parses an XML property list; throws PlistError saying what is wrong. */
export function parsePlistXml(xml: string): PlistValue {
  return new Reader(xml).document();
}
