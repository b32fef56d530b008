/**
 * Plain-text tables for terminals: a header row and left-aligned columns separated by two
 * spaces. Cells are single-line (newlines and tabs are flattened) so a reason typed with a
 * line break cannot break the layout or fake a row.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const clean = rows.map((r) => headers.map((_, i) => oneLine(r[i] ?? '')));
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...clean.map((r) => (r[i] as string).length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...clean.map(line)].join('\n');
}

/** Key/value lines with the values aligned, for one record (e.g. one user's status). */
export function renderFields(fields: readonly (readonly [string, string])[]): string {
  const width = Math.max(...fields.map(([k]) => k.length)) + 1;
  return fields.map(([k, v]) => `${(k + ':').padEnd(width)} ${oneLine(v)}`.trimEnd()).join('\n');
}

/** Collapses control characters (newlines, tabs, escapes) to spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

/** Cuts a long cell with an ellipsis so one long reason does not stretch the whole table. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
