import { describe, expect, it } from 'vitest';
import { wrapLine, wrapText } from '../../../agent/cli/wrap.js';

describe('wrapping for the terminal', () => {
  it('breaks between words, never inside one, and continues under the value of a label', () => {
    const line =
      'Requests: Administrator for up to 1 hour, after an admin approves, a reason of at least 10 characters; 2 extensions per grant.';
    const rows = wrapLine(line, 80);
    expect(rows).toEqual([
      'Requests: Administrator for up to 1 hour, after an admin approves, a reason of',
      '          at least 10 characters; 2 extensions per grant.',
    ]);
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(80);
  });

  it('continues a help line under its description', () => {
    const rows = wrapLine(
      '  --socket PATH   the agent socket (default: $ELEVATE_SOCKET, else the OS default)',
      60,
    );
    expect(rows).toEqual([
      '  --socket PATH   the agent socket (default:',
      '                  $ELEVATE_SOCKET, else the OS default)',
    ]);
  });

  it('cuts a word wider than the terminal where the line ends', () => {
    const path = `/var/lib/elevate/${'x'.repeat(90)}`;
    const rows = wrapLine(`State: ${path}`, 40);
    expect(rows.every((r) => r.length <= 40)).toBe(true);
    expect(rows.map((r) => r.trim()).join('')).toBe(`State: ${path}`);
  });

  it('keeps the spacing of a table row it has to break', () => {
    const rows = wrapLine(`r_1234567890  alice  ${'x'.repeat(28)}  pending  install`, 50);
    expect(rows[0]).toBe(`r_1234567890  alice  ${'x'.repeat(28)}`);
  });

  it('never parts a number from its unit', () => {
    // Where "15" fits at the end of the line and " min)" does not (elevate status, 44 columns).
    const de = 'Letzte Anfrage:  genehmigt (Administrator für 15 min)';
    expect(wrapLine(de, 48)).toEqual([
      'Letzte Anfrage:  genehmigt (Administrator für',
      '                 15 min)',
    ]);
    expect(wrapLine('Grant:  Administrator, 1 h 30 min left until 22:29', 30)).toEqual([
      'Grant:  Administrator,',
      '        1 h 30 min left until',
      '        22:29',
    ]);
    const words = 'Your rights end in 2 Stunden, and you used 3 Min. of 10 minutes and 40 s.';
    for (let columns = 20; columns <= words.length; columns++) {
      const rows = wrapLine(words, columns);
      expect(rows.join(' ').replace(/ +/g, ' ')).toBe(words);
      for (const row of rows)
        expect(row, `${columns} columns`).not.toMatch(/\d$|^\s*(min|s|Min\.|Stunden|minutes)\b/);
    }
    // A number before an ordinary word may still end a line.
    expect(wrapLine('Extensions left: 2 extensions per grant, at most one each hour', 40)[0]).toBe(
      'Extensions left: 2 extensions per grant,',
    );
  });

  it('leaves text for a pipe or a file alone', () => {
    const long = 'word '.repeat(40).trim();
    expect(wrapText(long, undefined)).toBe(long);
    expect(wrapText(`short\n${long}`, 80).split('\n').length).toBeGreaterThan(2);
  });
});
