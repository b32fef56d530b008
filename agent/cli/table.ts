import { t } from './locale.js';

/**
 * Plain-text tables for terminals: a header row and left-aligned columns separated by two
 * spaces. Cells are single-line (newlines and tabs are flattened) so a reason typed with a
 * line break cannot break the layout or fake a row.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  /**
   * The terminal's width: the widest columns are cut with an ellipsis until the table fits
   * (short values, up to 10 characters, and the `keep` columns, ids a person copies, never
   * are); a table that still does not fit is shown as one block of fields per row.
   */
  maxWidth?: number,
  keep: readonly number[] = [0],
): string {
  const clean = rows.map((r) => headers.map((_, i) => oneLine(r[i] ?? '')));
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...clean.map((r) => (r[i] as string).length)),
  );
  if (maxWidth !== undefined && !fitWidths(widths, headers, keep, maxWidth)) {
    return clean
      .map((r) => renderFields(headers.map((h, i) => [sentenceCase(h), r[i] as string] as const)))
      .join('\n\n');
  }
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => {
        const w = widths[i] as number;
        const cell = truncate(c, w);
        return i === cells.length - 1 ? cell : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), ...clean.map(line)].join('\n');
}

/** Narrows `widths` in place to fit `maxWidth`; false when it cannot. */
function fitWidths(
  widths: number[],
  headers: readonly string[],
  keep: readonly number[],
  maxWidth: number,
): boolean {
  const total = (): number => widths.reduce((a, w) => a + w, 0) + 2 * (widths.length - 1);
  const natural = [...widths];
  const floor = (i: number): number =>
    Math.max((headers[i] as string).length, Math.min(natural[i] as number, 10));
  const last = widths.length - 1;
  while (total() > maxWidth) {
    // The last column (details, notes) gives way first: it is read last and cut gracefully.
    let widest = !keep.includes(last) && (widths[last] as number) > floor(last) ? last : -1;
    for (let i = 0; widest !== last && i < last; i++) {
      if (keep.includes(i) || (widths[i] as number) <= floor(i)) continue;
      if (widest < 0 || (widths[i] as number) > (widths[widest] as number)) widest = i;
    }
    if (widest < 0) return false;
    widths[widest] = (widths[widest] as number) - 1;
  }
  return true;
}

/** "ADMIN NOTE" as "Admin note" (in German "Letzte Anfrage"); "ID" stays as it is. */
const sentenceCase = t.ctl.fieldLabel;

/** Key/value lines with the values aligned, for one record (e.g. one user's status). */
export function renderFields(fields: readonly (readonly [string, string])[]): string {
  const width = Math.max(...fields.map(([k]) => k.length)) + 1;
  return fields.map(([k, v]) => `${(k + ':').padEnd(width)} ${oneLine(v)}`.trimEnd()).join('\n');
}

/** Collapses line breaks and tabs to spaces, and makes every other control visible. */
export function oneLine(text: string): string {
  return visible(text.replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' '));
}

/**
 * Characters a terminal acts on or that reorder or hide text: C0 (but tab and newline) and
 * DEL, C1 (U+0080-U+009F: U+009B is CSI on many terminals), bidi marks, embeddings, overrides
 * and isolates (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), zero-width and line
 * separators, BOM.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Text from users (reasons, notes, command lines, names) as `\uXXXX` wherever it holds such a
 * character, so it reaches an admin's terminal as text, never as a command. The same escape is
 * valid inside JSON strings, so --json output passes through this too.
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Cuts a long cell with an ellipsis so one long reason does not stretch the whole table. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
