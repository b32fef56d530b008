/**
 * Lines wider than the terminal are wrapped at word boundaries by us, not cut mid-word by the
 * terminal, with continuation lines indented under the text they continue: under the value of
 * a "Label:  value" line, under the description of a help line ("  --flag ARG   what it does").
 * Output to a pipe or file is left alone, for scripts.
 */

/**
 * Units a number is never parted from ("15 min", "1 h 30 min", "2 Stunden"): a reader meeting
 * "15" at the end of a line and "min)" on the next has to stitch them back together.
 */
const UNIT =
  '(?:s|min|h|d|sec|seconds?|minutes?|hours?|days?|Sek\\.|Min\\.|Std\\.|Sekunden?|Minuten?|Stunden?|Tage?)';
/** A word, or a number with its unit (and any number-unit pairs after it) as one word. */
const WORD = new RegExp(`( *)(\\S*\\d ${UNIT}(?: \\d+ ${UNIT})*(?![\\p{L}\\d])\\S*|\\S+)`, 'gu');

/** The first word of `text` as the wrapper sees it ("10 min" is one word). */
export function firstWord(text: string): string {
  WORD.lastIndex = 0;
  return WORD.exec(text.trimStart())?.[2] ?? '';
}

/** The column continuation lines of `line` start at. */
function hangingIndent(line: string, columns: number): number {
  const lead = /^ */.exec(line)![0].length;
  const column =
    /^(\s*\S[^:]{0,24}:\s+)\S/.exec(line)?.[1]?.length ?? // Label:   value
    /^(\s+\S+(?: \S+)*\s{2,})\S/.exec(line)?.[1]?.length ?? // "  term   description"
    lead;
  // A continuation column too far right leaves too little room: indent a little instead.
  return column <= columns / 2 ? column : Math.min(lead + 2, Math.floor(columns / 2));
}

export function wrapLine(line: string, columns: number): string[] {
  if (line.length <= columns || columns < 20) return [line];
  const indent = hangingIndent(line, columns);
  const out: string[] = [];
  let current = line.slice(0, indent);
  let empty = true;
  // Each word with the spaces before it, so a table row that does not fit keeps its alignment.
  for (const [, gap = '', word = ''] of line.slice(indent).matchAll(WORD)) {
    let w = word;
    for (;;) {
      const sep = empty ? '' : gap;
      if (current.length + sep.length + w.length <= columns) {
        current += sep + w;
        empty = false;
        break;
      }
      if (empty) {
        // A word wider than the room there is (a path, a hash): cut it where the line ends.
        const room = columns - current.length;
        out.push(current + w.slice(0, room));
        w = w.slice(room);
      } else {
        out.push(current);
      }
      current = ' '.repeat(indent);
      empty = true;
    }
  }
  if (!empty) out.push(current);
  return out;
}

export function wrapText(text: string, columns: number | undefined): string {
  if (!columns) return text;
  return text
    .split('\n')
    .flatMap((l) => wrapLine(l, columns))
    .join('\n');
}
